"""Routing (transfer, co-handling), abandonment for a missed supplement, the reply,
delivery and archiving."""
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.workflow import transition
from gongkai.foi.codes import LetterKind, Outcome
from gongkai.foi.models import Application, CoHandling, Status
from gongkai.foi.services import validation as v
from gongkai.foi.services.clock import application_due_recompute
from gongkai.foi.services.transitions import (
    APPLICATION_TRANSITIONS,
    locked,
    require_step,
    step_date,
)
from gongkai.orgs.models import Unit

# Outcomes reached only through their own step (they follow a missed deadline).
_ABANDON_OUTCOMES = (Outcome.OTHER_NO_SUPPLEMENT, Outcome.OTHER_FEE_UNPAID)


@transaction.atomic
def application_transfer(*, application: Application, to_unit: Unit, actor, reason: str
                         ) -> Application:
    """Hand the application to the unit responsible for it. Number and clock stay."""
    application = locked(application)
    require_step(application, "transfer")
    reason = v.text(reason, _("转办理由"), v.NOTE_MAX, field="reason")
    if not isinstance(to_unit, Unit) or not to_unit.is_active:
        raise v.fail(_("请选择在用的承办单位。"), "to_unit")
    if to_unit.pk == application.unit_id:
        raise v.fail(_("申请已由该单位办理。"), "to_unit")
    previous = application.unit
    application.unit = to_unit
    application.save(update_fields=["unit"])
    CoHandling.objects.filter(application=application, unit=to_unit).delete()
    record_event(obj=application, action="foi.application.transferred", actor=actor,
                 details={"from_unit": previous.name, "to_unit": to_unit.name,
                          "reason": reason})
    return application


@transaction.atomic
def co_handling_request(*, application: Application, unit: Unit, actor) -> CoHandling:
    """Ask another unit to help (协办); it sees the request but not the person."""
    application = locked(application)
    require_step(application, "co_handling")
    if not isinstance(unit, Unit) or not unit.is_active:
        raise v.fail(_("请选择在用的协办单位。"), "unit")
    if unit.pk == application.unit_id:
        raise v.fail(_("承办单位不能作为本申请的协办单位。"), "unit")
    if CoHandling.objects.filter(application=application, unit=unit).exists():
        raise v.fail(_("已向该单位发出协办函。"), "unit")
    co = CoHandling.objects.create(application=application, unit=unit,
                                   requested_on=v.today())
    record_event(obj=application, action="foi.application.co_handling_requested",
                 actor=actor, details={"unit": unit.name})
    return co


@transaction.atomic
def co_handling_answer(*, co_handling: CoHandling, answer: str, actor, on=None
                       ) -> CoHandling:
    """The co-handling unit's answer."""
    co = CoHandling.objects.select_for_update().get(pk=co_handling.pk)
    if co.answered_on is not None:
        raise v.fail(_("协办意见已回复。"))
    if not co.application.is_open:
        raise v.fail(_("申请已办结，不能再回复协办意见。"))
    day = step_date(on, _("回复日期"), co.application)
    if day < co.requested_on:
        raise v.fail(_("回复日期不能早于发函日期。"), "on")
    co.answered_on, co.answer = day, v.text(answer, _("协办意见"), v.NOTE_MAX, field="answer")
    co.save(update_fields=["answered_on", "answer"])
    record_event(obj=co.application, action="foi.application.co_handling_answered",
                 actor=actor, details={"unit": co.unit.name, "on": day})
    return co


@transaction.atomic
def application_abandon_unsupplemented(*, application: Application, actor) -> Application:
    """The supplement deadline passed without one: treated as abandoned (6.1)."""
    application = locked(application)
    require_step(application, "abandon_unsupplemented")
    supplement = application.supplements.filter(received_on__isnull=True).last()
    today = v.today()
    if supplement is None or today <= supplement.reply_by:
        raise v.fail(_("补正期限（%(d)s）尚未届满，不能按逾期未补正处理。")
                     % {"d": supplement.reply_by if supplement else "—"})
    transition(application, to=Status.REPLIED, table=APPLICATION_TRANSITIONS, actor=actor,
               extra_fields={
                   "outcome": Outcome.OTHER_NO_SUPPLEMENT, "replied_on": today,
                   "outcome_reasons": _("申请人无正当理由未在补正期限（%(d)s）前补正。")
                   % {"d": supplement.reply_by},
                   "legal_basis": _("《中华人民共和国政府信息公开条例》第三十条"),
               },
               details={"outcome": Outcome.OTHER_NO_SUPPLEMENT,
                        "reply_by": supplement.reply_by})
    return application


@transaction.atomic
def application_reply(*, application: Application, outcome: str, reasons: str,
                      legal_basis: str, actor, on=None) -> Application:
    """Close the application with exactly one outcome code (annual report). Every
    outcome except full disclosure must state its reasons."""
    application = locked(application)
    require_step(application, "reply")
    if outcome not in Outcome.values:
        raise v.fail(_("请选择一个办理结果。"), "outcome")
    if outcome in _ABANDON_OUTCOMES:
        raise v.fail(_("逾期未补正、逾期未缴费请使用对应的办理步骤。"), "outcome")
    reasons = v.text(reasons, _("理由"), v.NOTE_MAX,
                     required=outcome != Outcome.DISCLOSED, field="reasons")
    legal_basis = v.text(legal_basis, _("法律依据"), v.NOTE_MAX, required=False,
                         field="legal_basis")
    day = step_date(on, _("答复日期"), application)
    transition(application, to=Status.REPLIED, table=APPLICATION_TRANSITIONS, actor=actor,
               extra_fields={"outcome": outcome, "outcome_reasons": reasons,
                             "legal_basis": legal_basis, "replied_on": day},
               details={"outcome": outcome, "on": day,
                        "in_time": bool(application.due_on and day <= application.due_on)})
    return application


@transaction.atomic
def application_deliver(*, application: Application, method: str, delivered_on, actor
                        ) -> Application:
    """Record how and when the reply reached the applicant (delivery proof)."""
    application = locked(application)
    require_step(application, "deliver")
    method = v.text(method, _("送达方式"), 50, field="method")
    day = step_date(delivered_on, _("送达日期"), application, "delivered_on")
    if application.replied_on and day < application.replied_on:
        raise v.fail(_("送达日期不能早于答复日期。"), "delivered_on")
    application.delivery_method, application.delivered_on = method, day
    application.save(update_fields=["delivery_method", "delivered_on"])
    record_event(obj=application, action="foi.application.delivered", actor=actor,
                 details={"method": method, "on": day})
    return application


@transaction.atomic
def application_archive(*, application: Application, actor) -> Application:
    """Archive with the full file (Art. 45): the reply letter and delivery proof."""
    application = locked(application)
    require_step(application, "archive")
    missing = []
    if not application.letters.filter(kind=LetterKind.REPLY).exists():
        missing.append(_("答复书"))
    if not application.delivered_on:
        missing.append(_("送达记录"))
    if missing:
        raise v.fail(_("案卷不完整，缺少：%(m)s。") % {"m": "、".join(missing)})
    transition(application, to=Status.ARCHIVED, table=APPLICATION_TRANSITIONS, actor=actor,
               extra_fields={"archived_at": timezone.now()},
               details={"letters": application.letters.count()})
    application_due_recompute(application=application)
    return application
