"""Steps that stop, restart or lengthen the clock: supplements (Art. 30),
consultations (Art. 32–34), extension (Art. 33) and a manual date (Art. 35)."""
import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.workflow import transition
from gongkai.foi.events import FoiEvent
from gongkai.foi.models import Application, Pause, PauseKind, Status, Supplement
from gongkai.foi.services import validation as v
from gongkai.foi.services.clock import application_due_recompute, statutory_due
from gongkai.foi.services.transitions import (
    APPLICATION_TRANSITIONS,
    locked,
    require_step,
    step_date,
)
from gongkai.workdays.calendar import Calendar
from gongkai.workdays.selectors import calendar_from_db

SUPPLEMENT_WITHIN_DAYS = 7  # Art. 30: tell the applicant within 7 working days
SUPPLEMENT_WARN_FROM_DAY = 5  # staff are warned from the 5th working day on
CONSULTATION_DAYS = 15  # Art. 32: the third party answers within 15 working days


@dataclass(frozen=True)
class SupplementWindow:
    """Where a supplement request stands against the 7-working-day limit."""

    working_day: int  # working days since receipt (receipt = day 0)
    last_day: dt.date  # the 7th working day after receipt
    warning: str  # empty before day 5
    late: bool


def supplement_window(application: Application, calendar: Calendar,
                      on: dt.date) -> SupplementWindow:
    received = application.received_on
    n = calendar.count_between(received, on)
    last_day = calendar.nth_after(received, SUPPLEMENT_WITHIN_DAYS)
    if n > SUPPLEMENT_WITHIN_DAYS:
        warning = _("补正告知已超过收到申请后7个工作日的期限（%(d)s 为第7个工作日），"
                    "本次告知将记为逾期。") % {"d": last_day}
    elif n >= SUPPLEMENT_WARN_FROM_DAY:
        warning = _("今天是收到申请后第%(n)d个工作日，补正告知须在 %(d)s（第7个工作日）前发出。"
                    ) % {"n": n, "d": last_day}
    else:
        warning = ""
    return SupplementWindow(n, last_day, warning, n > SUPPLEMENT_WITHIN_DAYS)


@dataclass(frozen=True)
class SupplementRequested:
    supplement: Supplement
    warning: str
    late: bool


@transaction.atomic
def supplement_request(*, application: Application, items: str, reply_by, actor,
                       on=None) -> SupplementRequested:
    """Tell the applicant, once and completely, what to supplement (Art. 30).

    From the 5th working day after receipt the result carries a warning; after the
    7th the request is still recorded (the applicant must still be told) but the
    audit event is flagged ``late`` so the office sees it.
    """
    application = locked(application)
    require_step(application, "supplement_request")
    if application.supplements.exists():
        raise v.fail(_("补正告知应一次性告知，本申请已发出过补正告知。"))
    day = step_date(on, _("告知日期"), application)
    items = v.text(items, _("需补正的事项"), v.NOTE_MAX, field="items")
    reply_by = v.as_date(reply_by, _("补正期限"), "reply_by")
    if reply_by <= day:
        raise v.fail(_("补正期限应晚于告知日期。"), "reply_by")
    window = supplement_window(application, calendar_from_db(), day)
    supplement = Supplement.objects.create(application=application, requested_on=day,
                                           items=items, reply_by=reply_by)
    transition(application, to=Status.AWAITING_SUPPLEMENT, table=APPLICATION_TRANSITIONS,
               actor=actor, details={"on": day, "reply_by": reply_by,
                                     "working_day": window.working_day,
                                     "late": window.late})
    application_due_recompute(application=application)
    return SupplementRequested(supplement, window.warning, window.late)


@transaction.atomic
def supplement_receive(*, supplement: Supplement, received_on, content: str, actor
                       ) -> Supplement:
    """The supplement arrived: the 20-day count restarts from that day (Art. 30)."""
    application = locked(supplement.application)
    supplement = Supplement.objects.select_for_update().get(pk=supplement.pk)
    require_step(application, "supplement_receive")
    if supplement.received_on is not None:
        raise v.fail(_("该补正已收到，不能重复登记。"))
    day = step_date(received_on, _("补正收到日期"), application, "received_on")
    if day < supplement.requested_on:
        raise v.fail(_("补正收到日期不能早于告知日期。"), "received_on")
    supplement.received_on = day
    supplement.content = v.text(content, _("补正内容"), v.DESCRIPTION_MAX, field="content")
    supplement.save(update_fields=["received_on", "content"])
    transition(application, to=Status.PROCESSING, table=APPLICATION_TRANSITIONS,
               actor=actor, details={"received_on": day,
                                     "late": day > supplement.reply_by})
    application_due_recompute(application=application)
    return supplement


@transaction.atomic
def consultation_start(*, application: Application, kind: str, party: str, actor,
                       on=None) -> Pause:
    """Ask a third party (Art. 32) or another agency (Art. 33/34): the clock stops;
    the answer is due in 15 working days. Several consultations may run at once."""
    application = locked(application)
    require_step(application, "consultation_start")
    if kind not in (PauseKind.THIRD_PARTY, PauseKind.AGENCY):
        raise v.fail(_("请选择征求意见的类型（第三方或其他机关）。"), "kind")
    party = v.text(party, _("征求意见对象"), 200, field="party")
    day = step_date(on, _("发函日期"), application)
    answer_by = calendar_from_db().nth_after(day, CONSULTATION_DAYS)
    pause = Pause.objects.create(application=application, kind=kind, party=party,
                                 started_on=day, answer_by=answer_by)
    details = {"kind": kind, "party": party, "on": day, "answer_by": answer_by}
    if application.status == Status.CONSULTING:
        record_event(obj=application, action=FoiEvent.APPLICATION_CONSULTATION_STARTED,
                     actor=actor, details=details)
    else:
        transition(application, to=Status.CONSULTING, table=APPLICATION_TRANSITIONS,
                   actor=actor, details=details)
    application_due_recompute(application=application)
    return pause


@transaction.atomic
def consultation_end(*, pause: Pause, ended_on, result: str, actor) -> Pause:
    """The answer came (or the 15 days passed in silence: the agency decides). The
    clock resumes when no other consultation is open."""
    application = locked(pause.application)
    pause = Pause.objects.select_for_update().get(pk=pause.pk)
    require_step(application, "consultation_end")
    if pause.kind == PauseKind.FEE or pause.ended_on is not None:
        raise v.fail(_("该征求意见已结束或不是征求意见。"))
    day = step_date(ended_on, _("答复日期"), application, "ended_on")
    if day < pause.started_on:
        raise v.fail(_("答复日期不能早于发函日期。"), "ended_on")
    pause.ended_on = day
    pause.result = v.text(result, _("意见或结果"), v.NOTE_MAX, field="result")
    pause.save(update_fields=["ended_on", "result"])
    _consultation_close(application, pause, day, actor, {"party": pause.party, "ended_on": day})
    return pause


def _consultation_close(application: Application, pause: Pause, day: dt.date, actor,
                        details: dict) -> None:
    """End one consultation; the clock resumes when no other pause is open."""
    if application.pauses.filter(ended_on__isnull=True).exclude(pk=pause.pk).exists():
        record_event(obj=application, action=FoiEvent.APPLICATION_CONSULTATION_ENDED,
                     actor=actor, details=details)
    else:
        transition(application, to=Status.PROCESSING, table=APPLICATION_TRANSITIONS,
                   actor=actor, details=details)
    application_due_recompute(application=application)


@transaction.atomic
def consultations_expire(*, today: dt.date) -> list[Pause]:
    """Art. 32 / 34: a consultation not answered within its 15 working days ends by
    itself on its last day (silence: the agency decides; for a joint agency, consent
    to disclose). The clock resumes from the next day and the handling unit is told.
    Run daily; running it twice changes nothing."""
    expired = list(Pause.objects.select_related("application", "application__unit")
                   .filter(kind__in=(PauseKind.THIRD_PARTY, PauseKind.AGENCY),
                           ended_on__isnull=True, answer_by__lt=today,
                           application__status=Status.CONSULTING))
    for pause in expired:
        application = locked(pause.application)
        pause.ended_on = pause.answer_by
        pause.result = (_("逾期未提出意见，由本机关依照《条例》的规定决定是否公开。")
                        if pause.kind == PauseKind.THIRD_PARTY
                        else _("逾期未提出意见，视为同意公开（《条例》第三十四条）。"))
        pause.save(update_fields=["ended_on", "result"])
        _consultation_close(application, pause, pause.answer_by, None,
                            {"party": pause.party, "ended_on": pause.answer_by,
                             "expired": True})
    return expired


@transaction.atomic
def application_extend(*, application: Application, approved_by: str, reason: str, actor,
                       on=None) -> Application:
    """Extend by 20 working days (Art. 33): once, approved by the head of the
    disclosure office, decided (and the applicant told) before the first deadline."""
    application = locked(application)
    require_step(application, "extend")
    if application.extended_on:
        raise v.fail(_("答复期限只能延长一次。"))
    if application.manual_due_on:
        raise v.fail(_("已依第三十五条另行确定答复期限，不再延期。"))
    day = step_date(on, _("延期日期"), application)
    first = statutory_due(application, calendar_from_db(), resume_on=day)
    if first is None or day > first.due:
        raise v.fail(_("延期须在答复期限（%(d)s）届满前告知申请人，现已超过期限。")
                     % {"d": first.due if first else "—"})
    application.extended_on = day
    application.extension_approved_by = v.text(approved_by, _("批准人"), 100,
                                               field="approved_by")
    application.extension_reason = v.text(reason, _("延期理由"), v.NOTE_MAX, field="reason")
    application.save(update_fields=["extended_on", "extension_approved_by",
                                    "extension_reason"])
    record_event(obj=application, action=FoiEvent.APPLICATION_EXTENDED, actor=actor,
                 details={"on": day, "approved_by": application.extension_approved_by,
                          "reason": application.extension_reason,
                          "first_due": first.due})
    application_due_recompute(application=application)
    return application


@transaction.atomic
def application_set_manual_due(*, application: Application, due_on, reason: str, actor
                               ) -> Application:
    """Art. 35: for an excessive request, a reasonable later reply date, with reason."""
    application = locked(application)
    require_step(application, "manual_due")
    reason = v.text(reason, _("另行确定期限的理由"), v.NOTE_MAX, field="reason")
    due = v.as_date(due_on, _("答复期限"), "due_on")
    if due < v.today():
        raise v.fail(_("另行确定的答复期限不能早于今天。"), "due_on")
    computed = statutory_due(application, calendar_from_db(), resume_on=v.today())
    if computed and due <= computed.due:
        raise v.fail(_("另行确定的答复期限应晚于法定期限（%(d)s）。") % {"d": computed.due},
                     "due_on")
    application.manual_due_on, application.manual_due_reason = due, reason
    application.save(update_fields=["manual_due_on", "manual_due_reason"])
    record_event(obj=application, action=FoiEvent.APPLICATION_DUE_SET, actor=actor,
                 details={"due_on": due, "reason": reason})
    application_due_recompute(application=application)
    return application
