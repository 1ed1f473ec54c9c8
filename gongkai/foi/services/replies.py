"""Routing (transfer, co-handling), abandonment for a missed supplement, the reply,
delivery and archiving."""
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.dates import chinese_date
from gongkai.core.errors import ApplicationError
from gongkai.core.workflow import transition
from gongkai.foi.codes import LetterKind, Outcome
from gongkai.foi.events import FoiEvent
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
    record_event(obj=application, action=FoiEvent.APPLICATION_TRANSFERRED, actor=actor,
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
    record_event(obj=application, action=FoiEvent.APPLICATION_CO_HANDLING_REQUESTED,
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
    record_event(obj=co.application, action=FoiEvent.APPLICATION_CO_HANDLING_ANSWERED,
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
                     % {"d": chinese_date(supplement.reply_by) if supplement else "—"})
    transition(application, to=Status.REPLIED, table=APPLICATION_TRANSITIONS, actor=actor,
               extra_fields={
                   "outcome": Outcome.OTHER_NO_SUPPLEMENT, "replied_on": today,
                   "outcome_reasons": _("申请人无正当理由未在补正期限（%(d)s）前补正。")
                   % {"d": chinese_date(supplement.reply_by)},
                   "legal_basis": _("《中华人民共和国政府信息公开条例》第三十条"),
               },
               details={"outcome": Outcome.OTHER_NO_SUPPLEMENT,
                        "reply_by": supplement.reply_by})
    return application


# The two cases outcome 4.1 covers: Art. 36(4) "does not exist" and 36(5) "not this
# agency's to disclose" (the annual report counts both as 本机关不掌握).
VARIANT_NOT_EXIST = "not_exist"
VARIANT_NOT_OURS = "not_ours"
# Outcomes whose legal ground the handler must name (no default can say which law).
_BASIS_REQUIRED = (Outcome.WITHHELD_LAW, Outcome.OTHER)


@dataclass
class ReplyInput:
    """What the handler typed for the reply; checked by ``_reply_fields``."""

    outcome: str
    reasons: str = ""
    legal_basis: str = ""
    published_where: str = ""
    provide_how: str = ""
    variant: str = ""
    other_agency: str = ""
    other_agency_contact: str = ""
    backdate_reason: str = ""
    attachments: list = field(default_factory=list)


def _disclosure_fields(data: ReplyInput, e) -> dict:
    """Art. 36(1) says where it is published; 36(2) provides it (attached) or says how,
    where and when to get it; Art. 37 provides the part that can be disclosed."""
    published = e(v.text, data.published_where, _("已主动公开的位置"), v.NOTE_MAX,
                  required=False, field="published_where")
    how = e(v.text, data.provide_how, _("提供方式、途径和时间"), v.NOTE_MAX, required=False,
            field="provide_how")
    if data.outcome == Outcome.DISCLOSED and not (published or how or data.attachments):
        e(v.fail_now, _("予以公开须写明已主动公开信息的获取方式和途径（第三十六条第（一）项），"
                        "或者上传提供的文件、写明提供的方式和时间（第三十六条第（二）项）。"),
          "published_where")
    if data.outcome == Outcome.PARTLY and not (how or data.attachments):
        e(v.fail_now, _("部分公开须上传可以公开的文件，或者写明提供的方式、途径和时间。"),
          "provide_how")
    return {"published_where": published, "provide_how": how}


def _not_held_fields(data: ReplyInput, e) -> dict:
    variant = data.variant if data.variant in (VARIANT_NOT_EXIST, VARIANT_NOT_OURS) else ""
    if not variant:
        e(v.fail_now, _("请选择“经检索信息不存在”（第三十六条第（四）项）或“不属于本机关负责"
                        "公开”（第三十六条第（五）项）。"), "variant")
    agency = e(v.text, data.other_agency, _("负责公开的行政机关"), 200, required=False,
               field="other_agency") if variant == VARIANT_NOT_OURS else ""
    contact = e(v.text, data.other_agency_contact, _("该机关的联系方式"), 200,
                required=bool(agency), field="other_agency_contact") if agency else ""
    return {"reply_variant": variant, "other_agency": agency, "other_agency_contact": contact}


def _checks(errors: dict):
    """``e(check, *args, field=…)``: run a check, keep its error, go on."""
    def e(check, *args, **kwargs):
        try:
            return check(*args, **kwargs)
        except ApplicationError as error:
            errors.setdefault(error.details.get("field") or kwargs.get("field", ""),
                              error.message)
            return ""
    return e


def _reply_fields(application: Application, data: ReplyInput, on) -> dict:
    """Every field of the reply checked at once; raises with all errors."""
    errors: dict[str, str] = {}
    e = _checks(errors)
    if data.outcome not in Outcome.values:
        raise v.fail(_("请选择一个办理结果。"), "outcome")
    if data.outcome in _ABANDON_OUTCOMES:
        raise v.fail(_("逾期未补正、逾期未缴费请使用对应的办理步骤。"), "outcome")
    optional_reasons = data.outcome == Outcome.DISCLOSED or (
        data.outcome == Outcome.UNABLE_NOT_HELD and data.variant == VARIANT_NOT_EXIST)
    fields = {
        "outcome": data.outcome,
        "outcome_reasons": e(v.text, data.reasons, _("理由"), v.NOTE_MAX,
                             required=not optional_reasons, field="reasons"),
        "legal_basis": e(v.text, data.legal_basis, _("法律依据"), v.NOTE_MAX,
                         required=data.outcome in _BASIS_REQUIRED, field="legal_basis"),
        "reply_variant": "", "published_where": "", "provide_how": "", "other_agency": "",
        "other_agency_contact": "",
    }
    if data.outcome in (Outcome.DISCLOSED, Outcome.PARTLY):
        fields.update(_disclosure_fields(data, e))
    if data.outcome == Outcome.UNABLE_NOT_HELD:
        fields.update(_not_held_fields(data, e))
    if data.outcome == Outcome.UNABLE_UNCLEAR and not application.supplements.filter(
            received_on__isnull=False).exists():
        e(v.fail_now, _("“补正后申请内容仍不明确”须在发出补正告知并收到补正后才能选择；"
                        "未补正的请按逾期未补正办理。"), "outcome")
    if data.attachments:
        from gongkai.foi.services.attachments import attachments_check

        e(attachments_check, data.attachments)
    today = v.today()
    day = today if on in (None, "") else e(v.as_date, on, _("答复日期"), "on")
    if day:
        e(step_date, day, _("答复日期"), application)
    reason = e(v.text, data.backdate_reason, _("补录理由"), v.NOTE_MAX, required=False,
               field="backdate_reason")
    if day and day < today and not reason:
        e(v.fail_now, _("答复日期（%(d)s）早于今天：答复决定应在作出当日录入；补录的须写明"
                        "补录理由，并将按录入日期判断是否按时答复。") % {"d": chinese_date(day)},
          "backdate_reason")
    if errors:
        field_name, message = next(iter(errors.items()))
        raise ApplicationError(message, details={"field": field_name, "errors": errors})
    fields.update({"replied_on": day, "reply_entered_on": today,
                   "backdate_reason": reason if day < today else ""})
    return fields


@transaction.atomic
def application_reply(*, application: Application, outcome: str, reasons: str = "",
                      legal_basis: str = "", actor, on=None, **more) -> Application:
    """Close the application with exactly one outcome code (annual report), with what
    its article needs (``ReplyInput``). The decision is dated the day it is entered;
    an earlier date needs a reason, is marked as entered later, and the reply counts
    as on time only if it was also entered by the due date."""
    from gongkai.foi.services.attachments import attachments_store

    application = locked(application)
    require_step(application, "reply")
    data = ReplyInput(outcome=str(outcome or ""), reasons=reasons, legal_basis=legal_basis,
                      **more)
    fields = _reply_fields(application, data, on)
    if data.attachments:
        attachments_store(application=application, files=data.attachments)
    due = application.due_on
    transition(application, to=Status.REPLIED, table=APPLICATION_TRANSITIONS, actor=actor,
               extra_fields=fields,
               details={"outcome": data.outcome, "on": fields["replied_on"],
                        "entered_on": fields["reply_entered_on"],
                        "backdated": bool(fields["backdate_reason"]),
                        "backdate_reason": fields["backdate_reason"],
                        "attachments": len(data.attachments),
                        "in_time": bool(due and fields["replied_on"] <= due
                                        and fields["reply_entered_on"] <= due)})
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
    record_event(obj=application, action=FoiEvent.APPLICATION_DELIVERED, actor=actor,
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
