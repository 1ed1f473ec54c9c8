"""The notification service, kept at its old import path for its callers; it lives in
``gongkai.core.notifications.services``."""
from gongkai.core.notifications.services import notify

__all__ = ["notify"]
