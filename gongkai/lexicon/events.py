"""The events of the lexicon app: synonym groups and their variants.

Each value is the audit action recorded for the event (``core.audit.record_event``) and
the key of its label in ``audit_labels.py``, so a name is written once and a typo fails
at import rather than in the history.
"""
from enum import StrEnum


class LexiconEvent(StrEnum):
    GROUP_CREATED = "lexicon.group.created"
    GROUP_UPDATED = "lexicon.group.updated"
    GROUP_DELETED = "lexicon.group.deleted"
    VARIANT_ADDED = "lexicon.variant.added"
