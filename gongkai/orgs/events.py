"""The events of the orgs app: units, their aliases and groups, and users.

Each value is the audit action recorded for the event (``core.audit.record_event``) and
the key of its label in ``audit_labels.py``, so a name is written once and a typo fails
at import rather than in the history.
"""
from enum import StrEnum


class OrgsEvent(StrEnum):
    UNIT_CREATED = "orgs.unit.created"
    UNIT_UPDATED = "orgs.unit.updated"
    UNIT_ALIAS_ADDED = "orgs.unit.alias_added"
    UNIT_ALIAS_REMOVED = "orgs.unit.alias_removed"
    GROUP_CREATED = "orgs.group.created"
    GROUP_UPDATED = "orgs.group.updated"
    USER_CREATED = "orgs.user.created"
