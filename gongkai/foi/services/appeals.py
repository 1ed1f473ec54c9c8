"""Reconsideration (行政复议) and litigation (行政诉讼) records of an application, the
source of annual-report table 四.

A case is recorded when it is filed (accepted) and stays 尚未审结 until its result is
entered; the result changes only through ``transition`` with the table below, so every
step leaves an audit event on the case.
"""
import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.workflow import transition
from gongkai.foi.codes import AppealKind, AppealResult
from gongkai.foi.events import FoiEvent
from gongkai.foi.models import Appeal, Application

BODY_MAX = 200
NOTE_MAX = 2000

# A result is entered once; a case decided wrongly in the record is a data fix for the
# administrator (Django admin), not a workflow step.
RESULT_TRANSITIONS = {
    (AppealResult.PENDING.value, AppealResult.UPHELD.value): FoiEvent.APPEAL_DECIDED,
    (AppealResult.PENDING.value, AppealResult.CORRECTED.value): FoiEvent.APPEAL_DECIDED,
    (AppealResult.PENDING.value, AppealResult.OTHER.value): FoiEvent.APPEAL_DECIDED,
}


def _check_date(value: dt.date, *, label: str) -> None:
    if not isinstance(value, dt.date):
        raise ApplicationError(_("%(label)s无效。") % {"label": label})
    if value > timezone.localdate():
        raise ApplicationError(_("%(label)s不能晚于今天。") % {"label": label})


@transaction.atomic
def appeal_record(*, application: Application, kind: str, filed_on: dt.date, body: str,
                  actor) -> Appeal:
    """Record a reconsideration or lawsuit about ``application`` as 尚未审结."""
    if kind not in AppealKind.values:
        raise ApplicationError(_("请选择复议或诉讼类型。"))
    _check_date(filed_on, label=_("受理日期"))
    if application.received_on is None:
        raise ApplicationError(_("申请尚未确认收到，不能登记复议或诉讼。"))
    if filed_on < application.received_on:
        raise ApplicationError(_("受理日期不能早于申请收到日期。"))
    body = (body or "").strip()
    if len(body) > BODY_MAX:
        raise ApplicationError(_("复议机关或法院名称不能超过 %(n)d 个字。") % {"n": BODY_MAX})
    appeal = Appeal(application=application, kind=kind, filed_on=filed_on, body=body)
    try:
        appeal.full_clean()
    except ValidationError as exc:
        raise ApplicationError("；".join(exc.messages)) from None
    appeal.save()
    record_event(obj=appeal, action=FoiEvent.APPEAL_RECORDED, actor=actor,
                 details={"application": str(application), "kind": appeal.get_kind_display(),
                          "filed_on": filed_on.isoformat(), "body": body})
    return appeal


@transaction.atomic
def appeal_decide(*, appeal: Appeal, result: str, decided_on: dt.date, note: str,
                  actor) -> Appeal:
    """Enter the result of a pending case (维持、纠正、其他) and the day it was decided."""
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if result not in AppealResult.values or result == AppealResult.PENDING:
        raise ApplicationError(_("请选择审结结果：结果维持、结果纠正或其他结果。"))
    _check_date(decided_on, label=_("审结日期"))
    if decided_on < appeal.filed_on:
        raise ApplicationError(_("审结日期不能早于受理日期。"))
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ApplicationError(_("备注不能超过 %(n)d 个字。") % {"n": NOTE_MAX})
    transition(appeal, to=result, table=RESULT_TRANSITIONS, actor=actor, field="result",
               extra_fields={"decided_on": decided_on, "note": note},
               details={"decided_on": decided_on.isoformat(), "note": note})
    return appeal
