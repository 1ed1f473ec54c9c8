"""The events of the reports app: indicator records and links, the assessment and its notices, annual reports.

Each value is the audit action recorded for the event (``core.audit.record_event``,
``core.workflow.transition``) and the key of its label in ``audit_labels.py``, so
a name is written once and a typo fails at import rather than in the history.
"""
from enum import StrEnum


class ReportsEvent(StrEnum):
    LINK_CREATED = "reports.link.created"
    LINK_SAVED = "reports.link.saved"
    LINK_DELETED = "reports.link.deleted"
    FIGURES_FROZEN = "reports.figures.frozen"
    RECORD_CREATED = "reports.record.created"
    SCHEME_CREATED = "reports.scheme.created"
    SCHEME_ITEM_SAVED = "reports.scheme.item_saved"
    SCHEME_ITEM_DELETED = "reports.scheme.item_deleted"
    ADJUSTMENT_MANUAL = "reports.adjustment.manual"
    ADJUSTMENT_CORRECTION = "reports.adjustment.correction"
    NOTICE_DRAFTED = "reports.notice.drafted"
    NOTICE_EDITED = "reports.notice.edited"
    NOTICE_SUBMITTED = "reports.notice.submitted"
    NOTICE_RETURNED = "reports.notice.returned"
    NOTICE_APPROVED = "reports.notice.approved"
    NOTICE_ISSUED = "reports.notice.issued"
    ANNUAL_GENERATED = "reports.annual.generated"
    ANNUAL_REFRESHED = "reports.annual.refreshed"
    ANNUAL_EDITED = "reports.annual.edited"
