"""Every handling step of a disclosure application, in one import.

The table of allowed status moves is ``APPLICATION_TRANSITIONS``; each step is one
atomic service that checks it (``gongkai.core.workflow.transition``) or appends its own
audit event, and recomputes the clock. An illegal move raises ``ApplicationError`` in
Chinese and changes nothing.
"""
from gongkai.foi.services.charging import (
    application_abandon_unpaid,
    fee_notify,
    fee_pay,
)
from gongkai.foi.services.handling import (
    SupplementRequested,
    SupplementWindow,
    application_extend,
    application_set_manual_due,
    consultation_end,
    consultation_start,
    supplement_receive,
    supplement_request,
    supplement_window,
)
from gongkai.foi.services.replies import (
    application_abandon_unsupplemented,
    application_archive,
    application_deliver,
    application_reply,
    application_transfer,
    co_handling_answer,
    co_handling_request,
)
from gongkai.foi.services.transitions import (
    APPLICATION_TRANSITIONS,
    STEP_STATUSES,
    step_allowed,
)

__all__ = [
    "APPLICATION_TRANSITIONS", "STEP_STATUSES", "SupplementRequested", "SupplementWindow",
    "application_abandon_unpaid", "application_abandon_unsupplemented",
    "application_archive", "application_deliver", "application_extend",
    "application_reply", "application_set_manual_due", "application_transfer",
    "co_handling_answer", "co_handling_request", "consultation_end", "consultation_start",
    "fee_notify", "fee_pay", "step_allowed", "supplement_receive", "supplement_request",
    "supplement_window",
]
