"""The allowed moves of an application, and helpers the handling services share."""
import datetime as dt

from django.utils.translation import gettext as _

from gongkai.foi.events import FoiEvent
from gongkai.foi.models import Application, Status
from gongkai.foi.services import validation as v

S = Status
# (from, to) → the audit action. The only door: ``gongkai.core.workflow.transition``.
APPLICATION_TRANSITIONS: dict[tuple[str, str], str] = {
    (S.PENDING, S.PROCESSING): FoiEvent.APPLICATION_RECEIVED,
    (S.PROCESSING, S.AWAITING_SUPPLEMENT): FoiEvent.APPLICATION_SUPPLEMENT_REQUESTED,
    (S.AWAITING_SUPPLEMENT, S.PROCESSING): FoiEvent.APPLICATION_SUPPLEMENTED,
    (S.AWAITING_SUPPLEMENT, S.REPLIED): FoiEvent.APPLICATION_ABANDONED,
    (S.PROCESSING, S.CONSULTING): FoiEvent.APPLICATION_CONSULTATION_STARTED,
    (S.CONSULTING, S.PROCESSING): FoiEvent.APPLICATION_CONSULTATION_ENDED,
    (S.PROCESSING, S.AWAITING_PAYMENT): FoiEvent.APPLICATION_FEE_NOTIFIED,
    (S.AWAITING_PAYMENT, S.PROCESSING): FoiEvent.APPLICATION_FEE_PAID,
    (S.AWAITING_PAYMENT, S.REPLIED): FoiEvent.APPLICATION_ABANDONED,
    (S.PROCESSING, S.REPLIED): FoiEvent.APPLICATION_REPLIED,
    (S.REPLIED, S.ARCHIVED): FoiEvent.APPLICATION_ARCHIVED,
}

# Steps that record an event without changing the status, and the statuses they are
# allowed in (the staff page offers a step only when it is allowed now).
STEP_STATUSES: dict[str, tuple[str, ...]] = {
    "confirm_receipt": (S.PENDING,),
    "transfer": (S.PENDING, S.PROCESSING),
    "co_handling": (S.PROCESSING, S.CONSULTING),
    "supplement_request": (S.PROCESSING,),
    "supplement_receive": (S.AWAITING_SUPPLEMENT,),
    "abandon_unsupplemented": (S.AWAITING_SUPPLEMENT,),
    "consultation_start": (S.PROCESSING, S.CONSULTING),
    "consultation_end": (S.CONSULTING,),
    "extend": (S.PROCESSING, S.CONSULTING),
    "manual_due": (S.PROCESSING, S.CONSULTING),
    "fee_notify": (S.PROCESSING,),
    "fee_pay": (S.AWAITING_PAYMENT,),
    "abandon_unpaid": (S.AWAITING_PAYMENT,),
    "reply": (S.PROCESSING,),
    "deliver": (S.REPLIED,),
    "archive": (S.REPLIED,),
}


def step_allowed(application: Application, step: str) -> bool:
    return application.status in STEP_STATUSES[step]


def require_step(application: Application, step: str) -> None:
    if not step_allowed(application, step):
        raise v.fail(_("申请当前状态为“%(s)s”，不能进行此操作。")
                     % {"s": application.get_status_display()})


def step_date(on, label: str, application: Application, field: str = "on") -> dt.date:
    """The date a step happened: today by default, never in the future, never before
    the date of receipt."""
    day = v.today() if on in (None, "") else v.as_date(on, label, field)
    v.not_future(day, label, field)
    if application.received_on and day < application.received_on:
        raise v.fail(_("%(label)s不能早于收到日期。") % {"label": label}, field)
    return day


def locked(application: Application) -> Application:
    """The row, locked for the step, so two clerks cannot move it at once."""
    return Application.objects.select_for_update().get(pk=application.pk)
