"""The events of the workdays app: the yearly holiday arrangement and single days.

Each value is the audit action recorded for the event (``core.audit.record_event``) and
the key of its label in ``audit_labels.py``, so a name is written once and a typo fails
at import rather than in the history.
"""
from enum import StrEnum


class WorkdaysEvent(StrEnum):
    YEAR_LOADED = "workdays.year.loaded"
    DAY_CHANGED = "workdays.day.changed"
    DAY_CLEARED = "workdays.day.cleared"
