"""The events of the qa app: the Q&A library, pending questions and the answering thresholds.

Each value is the audit action recorded for the event (``core.audit.record_event``,
``core.workflow.transition``) and the key of its label in ``audit_labels.py``, so
a name is written once and a typo fails at import rather than in the history.
"""
from enum import StrEnum


class QaEvent(StrEnum):
    ENTRY_CREATED = "qa.entry.created"
    ENTRY_UPDATED = "qa.entry.updated"
    ENTRY_PHRASING_ADDED = "qa.entry.phrasing_added"
    ENTRIES_IMPORTED = "qa.entries.imported"
    PENDING_ANSWERED = "qa.pending.answered"
    PENDING_DISMISSED = "qa.pending.dismissed"
    PENDING_REOPENED = "qa.pending.reopened"
    PENDING_ASSIGNED = "qa.pending.assigned"
    SYNONYM_SET = "qa.synonym.set"
    SYNONYM_REMOVED = "qa.synonym.removed"
    SETTINGS_THRESHOLDS_SET = "qa.settings.thresholds_set"
