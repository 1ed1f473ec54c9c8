"""The events of the foi app: disclosure applications, their letters, templates and appeals.

Each value is the audit action recorded for the event (``core.audit.record_event``,
``core.workflow.transition``) and the key of its label in ``audit_labels.py``, so
a name is written once and a typo fails at import rather than in the history.
"""
from enum import StrEnum


class FoiEvent(StrEnum):
    APPLICATION_SUBMITTED = "foi.application.submitted"
    APPLICATION_REGISTERED = "foi.application.registered"
    APPLICATION_RECEIVED = "foi.application.received"
    APPLICATION_TRANSFERRED = "foi.application.transferred"
    APPLICATION_CO_HANDLING_REQUESTED = "foi.application.co_handling_requested"
    APPLICATION_CO_HANDLING_ANSWERED = "foi.application.co_handling_answered"
    APPLICATION_SUPPLEMENT_REQUESTED = "foi.application.supplement_requested"
    APPLICATION_SUPPLEMENTED = "foi.application.supplemented"
    APPLICATION_ABANDONED = "foi.application.abandoned"
    APPLICATION_CONSULTATION_STARTED = "foi.application.consultation_started"
    APPLICATION_CONSULTATION_ENDED = "foi.application.consultation_ended"
    APPLICATION_EXTENDED = "foi.application.extended"
    APPLICATION_DUE_SET = "foi.application.due_set"
    APPLICATION_FEE_NOTIFIED = "foi.application.fee_notified"
    APPLICATION_FEE_PAID = "foi.application.fee_paid"
    APPLICATION_REPLIED = "foi.application.replied"
    APPLICATION_DELIVERED = "foi.application.delivered"
    APPLICATION_ARCHIVED = "foi.application.archived"
    LETTER_GENERATED = "foi.letter.generated"
    LETTER_TEMPLATE_CREATED = "foi.letter_template.created"
    LETTER_TEMPLATE_UPDATED = "foi.letter_template.updated"
    APPEAL_RECORDED = "foi.appeal.recorded"
    APPEAL_DECIDED = "foi.appeal.decided"
