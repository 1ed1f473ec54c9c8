"""Domain events: signals other apps listen to instead of reading each other's tables.

Each app names its events in its own ``events.py`` (an enum whose values are the audit
actions of the same moves) and sends them with ``send_after_commit``: a receiver runs
only once the change is committed, so it never acts on a change that is rolled back,
and it learns who acted from the event rather than from the sender's rows.
"""
from functools import partial

from django.db import transaction
from django.dispatch import Signal


def send_after_commit(signal: Signal, *, sender, **kwargs) -> None:
    """Send ``signal`` when the current transaction commits (at once outside one)."""
    transaction.on_commit(partial(signal.send, sender=sender, **kwargs))
