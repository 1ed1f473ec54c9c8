"""Handling steps: the transition table, illegal moves, supplements, consultations,
extension, Art. 35, fees, reply, delivery and archive."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.core.files.base import ContentFile
from django.forms.models import model_to_dict

from gongkai.core.errors import ApplicationError
from gongkai.core.models import AuditEvent
from gongkai.foi.codes import LetterKind
from gongkai.foi.models import (
    Application,
    CoHandling,
    Fee,
    FeeBasis,
    Letter,
    Pause,
    PauseKind,
    Status,
    Supplement,
)
from gongkai.foi.services import workflow as wf
from gongkai.foi.services.intake import application_confirm_receipt
from gongkai.foi.tests.factories import ApplicationFactory, PauseFactory, SupplementFactory
from gongkai.orgs.tests.factories import UnitFactory, UserFactory
from gongkai.workdays.services import calendar_seed_from_package

D = dt.date
TZ = ZoneInfo("Asia/Shanghai")
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def calendar(db):
    calendar_seed_from_package(years=[2025, 2026])


@pytest.fixture
def clock():
    """``clock(date)`` moves today to that date for the rest of the test."""
    travellers = []

    def move(day: dt.date):
        if travellers:
            travellers.pop().stop()
        traveller = time_machine.travel(dt.datetime(day.year, day.month, day.day, 10,
                                                    tzinfo=TZ), tick=False)
        traveller.start()
        travellers.append(traveller)

    yield move
    for traveller in travellers:
        traveller.stop()


@pytest.fixture
def staff(db):
    return UserFactory()


@pytest.fixture
def application(staff):
    return ApplicationFactory(unit=staff.unit, received_on=D(2026, 3, 2),
                              due_on=D(2026, 3, 30))


def test_an_application_moves_through_its_states_by_its_steps_with_one_event_each(
        staff, clock):
    """Pending → processing → awaiting supplement → processing → consulting →
    processing → awaiting payment → processing → replied → archived, each move made by
    its step and recorded under its action."""
    clock(D(2026, 3, 2))
    application = ApplicationFactory(unit=staff.unit, status=Status.PENDING,
                                     received_on=None, number="")
    seen = []

    def step(call, *args):
        call(*args)
        application.refresh_from_db()
        seen.append(application.status)

    step(STEPS["confirm_receipt"], application, staff)
    clock(D(2026, 3, 10))
    step(STEPS["supplement_request"], application, staff)
    step(lambda: wf.supplement_receive(supplement=application.supplements.get(),
                                       received_on=D(2026, 3, 4), content="已补正",
                                       actor=staff))
    step(STEPS["consultation_start"], application, staff)
    step(lambda: wf.consultation_end(pause=application.pauses.get(), ended_on=D(2026, 3, 5),
                                     result="无意见", actor=staff))
    step(STEPS["fee_notify"], application, staff)
    step(STEPS["fee_pay"], application, staff)
    step(lambda: reply_and_deliver(application, staff))
    Letter.objects.create(application=application, kind=LetterKind.REPLY, title="答复书",
                          file=ContentFile(b"docx", name="reply.docx"))
    step(STEPS["archive"], application, staff)
    assert seen == [Status.PROCESSING, Status.AWAITING_SUPPLEMENT, Status.PROCESSING,
                    Status.CONSULTING, Status.PROCESSING, Status.AWAITING_PAYMENT,
                    Status.PROCESSING, Status.REPLIED, Status.ARCHIVED]
    moves = [e.action for e in AuditEvent.objects.filter(
        action__startswith="foi.application.", details__has_key="from").order_by("id")]
    assert moves == [
        "foi.application.received", "foi.application.supplement_requested",
        "foi.application.supplemented", "foi.application.consultation_started",
        "foi.application.consultation_ended", "foi.application.fee_notified",
        "foi.application.fee_paid", "foi.application.replied", "foi.application.archived"]


# One call per step, with arguments that would be valid in the right state.
STEPS = {
    "confirm_receipt": lambda a, u: application_confirm_receipt(
        application=a, received_on=D(2026, 3, 2), confirmation="电话确认", actor=u),
    "supplement_request": lambda a, u: wf.supplement_request(
        application=a, items="请补充文号", reply_by=D(2026, 3, 20), actor=u, on=D(2026, 3, 3)),
    "abandon_unsupplemented": lambda a, u: wf.application_abandon_unsupplemented(
        application=a, actor=u),
    "consultation_start": lambda a, u: wf.consultation_start(
        application=a, kind=PauseKind.THIRD_PARTY, party="某公司", actor=u, on=D(2026, 3, 3)),
    "extend": lambda a, u: wf.application_extend(
        application=a, approved_by="王主任", reason="需调取档案", actor=u, on=D(2026, 3, 5)),
    "manual_due": lambda a, u: wf.application_set_manual_due(
        application=a, due_on=D(2026, 9, 30), reason="申请数量巨大", actor=u),
    "fee_notify": lambda a, u: wf.fee_notify(
        application=a, basis=FeeBasis.PER_VOLUME, quantity=250, actor=u, on=D(2026, 3, 3)),
    "fee_pay": lambda a, u: wf.fee_pay(application=a, paid_on=D(2026, 3, 5), actor=u),
    "abandon_unpaid": lambda a, u: wf.application_abandon_unpaid(application=a, actor=u),
    "reply": lambda a, u: wf.application_reply(
        application=a, outcome="1", reasons="", legal_basis="", actor=u, on=D(2026, 3, 5),
        published_where="区政府网站", backdate_reason="补录"),
    "deliver": lambda a, u: wf.application_deliver(
        application=a, method="邮寄", delivered_on=D(2026, 3, 6), actor=u),
    "archive": lambda a, u: wf.application_archive(application=a, actor=u),
    "transfer": lambda a, u: wf.application_transfer(
        application=a, to_unit=UnitFactory(), actor=u, reason="职责调整"),
    "co_handling": lambda a, u: wf.co_handling_request(application=a, unit=UnitFactory(),
                                                       actor=u),
}
ILLEGAL = [(status, step) for status in Status.values for step in STEPS
           if status not in wf.STEP_STATUSES[step]]


def snapshot(application: Application) -> tuple:
    application.refresh_from_db()
    return (model_to_dict(application),
            AuditEvent.objects.filter(action__startswith="foi.").count(),
            Supplement.objects.count(), Pause.objects.count(), Fee.objects.count(),
            CoHandling.objects.count())


@pytest.mark.parametrize(("status", "step"), ILLEGAL)
def test_every_illegal_move_raises_in_chinese_and_changes_nothing(staff, status, step,
                                                                   clock):
    clock(D(2026, 3, 10))
    closed = status in (Status.REPLIED, Status.ARCHIVED)
    application = ApplicationFactory(
        unit=staff.unit, status=status, received_on=None if status == "pending" else
        D(2026, 3, 2), outcome="1" if closed else "", number="" if status == "pending"
        else "埔依申〔2026〕第0099号")
    before = snapshot(application)
    with pytest.raises(ApplicationError, match="当前状态|不能"):
        STEPS[step](application, staff)
    assert snapshot(application) == before


def test_a_supplement_request_on_day_4_carries_no_warning(application, staff, clock):
    clock(D(2026, 3, 6))
    result = wf.supplement_request(application=application, items="请补充文号",
                                   reply_by=D(2026, 3, 20), actor=staff)
    assert result.warning == "" and not result.late
    application.refresh_from_db()
    assert application.status == Status.AWAITING_SUPPLEMENT
    assert application.due_on is None  # the clock waits for the supplement


def test_from_working_day_5_staff_are_warned(application, staff, clock):
    clock(D(2026, 3, 9))
    result = wf.supplement_request(application=application, items="请补充文号",
                                   reply_by=D(2026, 3, 20), actor=staff)
    assert "第5个工作日" in result.warning and not result.late


def test_after_working_day_7_the_request_is_recorded_but_flagged_late(application, staff,
                                                                     clock):
    clock(D(2026, 3, 12))  # working day 8
    result = wf.supplement_request(application=application, items="请补充文号",
                                   reply_by=D(2026, 3, 26), actor=staff)
    assert result.late and "逾期" in result.warning
    event = AuditEvent.objects.get(action="foi.application.supplement_requested")
    assert event.details["late"] is True


def test_a_supplement_is_requested_only_once(application, staff, clock):
    clock(D(2026, 3, 10))
    SupplementFactory(application=application, requested_on=D(2026, 3, 3),
                      received_on=D(2026, 3, 5))
    with pytest.raises(ApplicationError, match="一次性"):
        STEPS["supplement_request"](application, staff)


def test_a_received_supplement_restarts_the_clock(application, staff, clock):
    clock(D(2026, 3, 16))
    supplement = wf.supplement_request(application=application, items="请补充文号",
                                       reply_by=D(2026, 3, 20), actor=staff,
                                       on=D(2026, 3, 3)).supplement
    wf.supplement_receive(supplement=supplement, received_on=D(2026, 3, 16),
                          content="文号为穗埔府〔2025〕1号", actor=staff)
    application.refresh_from_db()
    assert application.status == Status.PROCESSING
    assert application.due_on == D(2026, 4, 14)


def test_abandonment_for_a_missed_supplement_only_after_the_deadline(application, staff,
                                                                     clock):
    clock(D(2026, 3, 20))
    wf.supplement_request(application=application, items="请补充文号",
                          reply_by=D(2026, 3, 20), actor=staff, on=D(2026, 3, 3))
    with pytest.raises(ApplicationError, match="尚未届满"):
        wf.application_abandon_unsupplemented(application=application, actor=staff)
    clock(D(2026, 3, 21))
    wf.application_abandon_unsupplemented(application=application, actor=staff)
    application.refresh_from_db()
    assert (application.status, application.outcome) == (Status.REPLIED, "6.1")
    assert application.outcome_reasons


def test_consultations_pause_the_clock_until_the_last_one_ends(application, staff, clock):
    clock(D(2026, 3, 12))
    first = wf.consultation_start(application=application, kind=PauseKind.THIRD_PARTY,
                                  party="某公司", actor=staff, on=D(2026, 3, 5))
    second = wf.consultation_start(application=application, kind=PauseKind.AGENCY,
                                   party="区财政局", actor=staff, on=D(2026, 3, 6))
    assert first.answer_by == D(2026, 3, 26)  # 15 working days
    wf.consultation_end(pause=first, ended_on=D(2026, 3, 10), result="不同意公开",
                        actor=staff)
    application.refresh_from_db()
    assert application.status == Status.CONSULTING and application.due_on is None
    wf.consultation_end(pause=second, ended_on=D(2026, 3, 12), result="无意见", actor=staff)
    application.refresh_from_db()
    assert application.status == Status.PROCESSING
    # The two pauses merge: 3-6 … 3-12 (5 working days) are not counted.
    assert application.due_on == D(2026, 4, 7)


def test_an_extension_only_before_the_first_deadline_and_only_once(application, staff,
                                                                   clock):
    clock(D(2026, 3, 31))
    with pytest.raises(ApplicationError, match="届满前"):
        wf.application_extend(
            application=application, approved_by="王主任", reason="需调取档案",
            actor=staff, on=D(2026, 3, 31))
    wf.application_extend(application=application, approved_by="王主任", reason="需调取档案",
                          actor=staff, on=D(2026, 3, 30))
    application.refresh_from_db()
    assert application.due_on == D(2026, 4, 28)
    with pytest.raises(ApplicationError, match="只能延长一次"):
        wf.application_extend(application=application, approved_by="王主任", reason="再延",
                              actor=staff, on=D(2026, 3, 31))


def test_an_extension_needs_the_approver_and_a_reason(application, staff, clock):
    clock(D(2026, 3, 10))
    with pytest.raises(ApplicationError, match="批准人"):
        wf.application_extend(application=application, approved_by=" ", reason="x",
                              actor=staff)
    application.refresh_from_db()
    assert application.extended_on is None


def test_an_art_35_date_needs_a_reason_and_must_be_later_than_the_statutory_one(
        application, staff, clock):
    clock(D(2026, 3, 10))
    with pytest.raises(ApplicationError, match="理由"):
        wf.application_set_manual_due(application=application, due_on=D(2026, 9, 30),
                                      reason="", actor=staff)
    with pytest.raises(ApplicationError, match="应晚于法定期限"):
        wf.application_set_manual_due(application=application, due_on=D(2026, 3, 25),
                                      reason="量大", actor=staff)
    wf.application_set_manual_due(application=application, due_on=D(2026, 9, 30),
                                  reason="量大", actor=staff)
    application.refresh_from_db()
    assert application.due_on == D(2026, 9, 30)


def test_a_fee_from_the_calculator_pauses_the_clock_until_paid(application, staff, clock):
    clock(D(2026, 3, 10))
    fee = wf.fee_notify(application=application, basis=FeeBasis.PER_VOLUME, quantity=250,
                        actor=staff, on=D(2026, 3, 3))
    assert (fee.calculated_yuan, fee.amount_yuan) == (4700, 4700)
    assert fee.pay_by == D(2026, 3, 31)  # 20 working days from the day after the notice
    application.refresh_from_db()
    assert application.status == Status.AWAITING_PAYMENT and application.due_on is None
    wf.fee_pay(application=application, paid_on=D(2026, 3, 10), actor=staff)
    application.refresh_from_db()
    assert application.status == Status.PROCESSING
    assert application.due_on == D(2026, 4, 7)  # 3-4 … 3-10: 5 working days not counted


def test_reducing_the_calculated_fee_needs_its_basis(application, staff, clock):
    clock(D(2026, 3, 10))
    with pytest.raises(ApplicationError, match="减免依据"):
        wf.fee_notify(application=application, basis=FeeBasis.PER_VOLUME, quantity=250,
                      amount_yuan=3000, actor=staff)
    assert not Fee.objects.exists()
    fee = wf.fee_notify(application=application, basis=FeeBasis.PER_VOLUME, quantity=250,
                        amount_yuan=3000, adjustment_reason="部分页为重复材料", actor=staff)
    assert fee.amount_yuan == 3000 and fee.calculated_yuan == 4700


def test_a_fee_is_never_raised_above_the_109_standard(application, staff, clock):
    # Issue 11: 10 元 could be charged as 5,000 元 "with a reason".
    clock(D(2026, 3, 10))
    with pytest.raises(ApplicationError, match="不得高于") as refused:
        wf.fee_notify(application=application, basis=FeeBasis.PER_VOLUME, quantity=31,
                      amount_yuan=5000, adjustment_reason="材料复杂", actor=staff)
    assert refused.value.details["field"] == "amount_yuan"
    assert not Fee.objects.exists()


def test_the_payment_deadline_counts_from_the_day_after_the_notice_is_received(
        application, staff, clock):
    # Sent Tuesday 3 March 2026 by post, received Friday 6 March: 20 working days from
    # Monday 9 March (the day after receipt) end on Friday 3 April.
    clock(D(2026, 3, 10))
    fee = wf.fee_notify(application=application, basis=FeeBasis.PER_VOLUME, quantity=250,
                        actor=staff, on=D(2026, 3, 3), received_on=D(2026, 3, 6))
    assert fee.pay_by == D(2026, 4, 3)


def test_no_fee_notice_for_nothing_due(application, staff, clock):
    clock(D(2026, 3, 10))
    with pytest.raises(ApplicationError, match="无需"):
        wf.fee_notify(application=application, basis=FeeBasis.PER_VOLUME, quantity=30,
                      actor=staff)


def test_abandonment_for_non_payment_only_after_pay_by(application, staff, clock):
    clock(D(2026, 3, 31))
    wf.fee_notify(application=application, basis=FeeBasis.PER_APPLICATION, quantity=11,
                  actor=staff, on=D(2026, 3, 3))
    with pytest.raises(ApplicationError, match="尚未届满"):
        wf.application_abandon_unpaid(application=application, actor=staff)
    clock(D(2026, 4, 1))
    wf.application_abandon_unpaid(application=application, actor=staff)
    application.refresh_from_db()
    assert (application.status, application.outcome) == (Status.REPLIED, "6.2")
    assert not application.pauses.filter(ended_on__isnull=True).exists()
    # The reason is read by the applicant: a Chinese date, not an ISO one.
    assert "2026年3月31日" in application.outcome_reasons
    assert "2026-03-31" not in application.outcome_reasons


@pytest.mark.parametrize("outcome", ["2", "3.1", "4.2", "5.1", "6.3"])
def test_every_outcome_but_disclosure_needs_reasons(application, staff, outcome, clock):
    clock(D(2026, 3, 10))
    with pytest.raises(ApplicationError, match="理由"):
        wf.application_reply(application=application, outcome=outcome, reasons=" ",
                             legal_basis="", actor=staff)
    application.refresh_from_db()
    assert application.status == Status.PROCESSING and application.outcome == ""


@pytest.mark.parametrize("outcome", ["", "7", "6.1", "6.2", "1,2"])
def test_a_reply_has_exactly_one_valid_outcome(application, staff, outcome, clock):
    clock(D(2026, 3, 10))
    with pytest.raises(ApplicationError):
        wf.application_reply(application=application, outcome=outcome, reasons="理由",
                             legal_basis="", actor=staff)


def reply_and_deliver(application, staff):
    wf.application_reply(application=application, outcome="2", reasons="涉及个人隐私部分不予公开",
                         legal_basis="《条例》第十五条、第三十七条", actor=staff,
                         on=D(2026, 3, 10), provide_how="以电子邮件提供。")
    wf.application_deliver(application=application, method="电子邮件",
                           delivered_on=D(2026, 3, 10), actor=staff)


def test_archiving_needs_the_reply_letter_and_the_delivery(application, staff, clock):
    clock(D(2026, 3, 10))
    wf.application_reply(application=application, outcome="1", reasons="",
                         legal_basis="", actor=staff, published_where="区政府网站")
    with pytest.raises(ApplicationError, match="答复书.*送达记录"):
        wf.application_archive(application=application, actor=staff)
    wf.application_deliver(application=application, method="电子邮件",
                           delivered_on=D(2026, 3, 10), actor=staff)
    with pytest.raises(ApplicationError, match="答复书"):
        wf.application_archive(application=application, actor=staff)
    Letter.objects.create(application=application, kind=LetterKind.REPLY, title="答复书",
                          file=ContentFile(b"docx", name="reply.docx"))
    wf.application_archive(application=application, actor=staff)
    application.refresh_from_db()
    assert application.status == Status.ARCHIVED and application.archived_at


def test_delivery_cannot_precede_the_reply(application, staff, clock):
    clock(D(2026, 3, 12))
    wf.application_reply(application=application, outcome="1", reasons="", legal_basis="",
                         actor=staff, on=D(2026, 3, 11), published_where="区政府网站",
                         backdate_reason="纸质答复已于前一日送出，今日补录")
    with pytest.raises(ApplicationError, match="早于答复日期"):
        wf.application_deliver(application=application, method="邮寄",
                               delivered_on=D(2026, 3, 10), actor=staff)


def test_a_transfer_keeps_number_and_clock_and_leaves_an_event(application, staff, clock):
    clock(D(2026, 3, 10))
    target = UnitFactory()
    wf.application_transfer(application=application, to_unit=target, actor=staff,
                            reason="属于该单位职责")
    application.refresh_from_db()
    assert application.unit == target and application.due_on == D(2026, 3, 30)
    assert AuditEvent.objects.filter(action="foi.application.transferred").exists()


def test_co_handling_is_asked_once_per_unit_and_answered_once(application, staff, clock):
    clock(D(2026, 3, 10))
    helper = UnitFactory()
    co = wf.co_handling_request(application=application, unit=helper, actor=staff)
    with pytest.raises(ApplicationError, match="已向该单位"):
        wf.co_handling_request(application=application, unit=helper, actor=staff)
    with pytest.raises(ApplicationError, match="承办单位不能"):
        wf.co_handling_request(application=application, unit=staff.unit, actor=staff)
    wf.co_handling_answer(co_handling=co, answer="我局不掌握该信息", actor=staff)
    with pytest.raises(ApplicationError, match="已回复"):
        wf.co_handling_answer(co_handling=co, answer="再答", actor=staff)


def test_steps_dated_in_the_future_or_before_receipt_are_refused(application, staff, clock):
    clock(D(2026, 3, 10))
    with pytest.raises(ApplicationError, match="不能晚于今天"):
        wf.consultation_start(application=application, kind=PauseKind.AGENCY, party="区财政局",
                              actor=staff, on=D(2026, 3, 11))
    with pytest.raises(ApplicationError, match="不能早于收到日期"):
        wf.consultation_start(application=application, kind=PauseKind.AGENCY, party="区财政局",
                              actor=staff, on=D(2026, 3, 1))
    assert not Pause.objects.exists()


def test_a_fee_pause_cannot_be_ended_as_a_consultation(application, staff, clock):
    clock(D(2026, 3, 10))
    pause = PauseFactory(application=application, kind=PauseKind.FEE, ended_on=None)
    Application.objects.filter(pk=application.pk).update(status=Status.CONSULTING)
    with pytest.raises(ApplicationError, match="不是征求意见"):
        wf.consultation_end(pause=pause, ended_on=D(2026, 3, 10), result="x", actor=staff)


def test_a_full_partial_disclosure_flow_leaves_one_event_per_step(application, staff, clock):
    clock(D(2026, 3, 10))
    reply_and_deliver(application, staff)
    actions = list(AuditEvent.objects.filter(action__startswith="foi.")
                   .values_list("action", flat=True))
    assert actions == ["foi.application.replied", "foi.application.delivered"]


# Issue 11: the reply's rules, in the one place they belong.

def test_4_3_needs_a_supplement_whose_reply_was_still_unclear(application, staff, clock):
    clock(D(2026, 3, 10))
    with pytest.raises(ApplicationError, match="补正后才能选择"):
        wf.application_reply(application=application, outcome="4.3", reasons="仍不明确",
                             actor=staff)
    wf.supplement_request(application=application, items="请写明年度", reply_by=D(2026, 3, 20),
                          actor=staff, on=D(2026, 3, 3))
    supplement = application.supplements.get()
    wf.supplement_receive(supplement=supplement, received_on=D(2026, 3, 9), content="近几年",
                          actor=staff)
    wf.application_reply(application=application, outcome="4.3", reasons="补正后仍不明确",
                         actor=staff)
    application.refresh_from_db()
    assert application.outcome == "4.3"


def test_a_back_dated_reply_needs_a_reason_and_counts_as_late_if_entered_late(
        application, staff, clock):
    # Due 30 March; decided "27 March" but entered on 2 April.
    clock(D(2026, 4, 2))
    with pytest.raises(ApplicationError, match="补录理由") as refused:
        wf.application_reply(application=application, outcome="5.2", reasons="重复申请",
                             actor=staff, on=D(2026, 3, 27))
    assert refused.value.details["errors"]["backdate_reason"]
    wf.application_reply(application=application, outcome="5.2", reasons="重复申请",
                         actor=staff, on=D(2026, 3, 27), backdate_reason="系统故障补录")
    application.refresh_from_db()
    assert (application.replied_on, application.reply_entered_on) == (D(2026, 3, 27),
                                                                       D(2026, 4, 2))
    event = AuditEvent.objects.get(action="foi.application.replied")
    assert event.details["backdated"] is True and event.details["in_time"] is False


def test_a_reply_entered_on_its_day_needs_no_reason_and_is_in_time(application, staff, clock):
    clock(D(2026, 3, 27))
    wf.application_reply(application=application, outcome="5.2", reasons="重复申请",
                         actor=staff)
    event = AuditEvent.objects.get(action="foi.application.replied")
    assert event.details["backdated"] is False and event.details["in_time"] is True


def test_disclosure_says_where_or_provides_and_4_1_says_which_case(application, staff, clock):
    clock(D(2026, 3, 10))
    with pytest.raises(ApplicationError, match="第三十六条第（一）项") as refused:
        wf.application_reply(application=application, outcome="1", actor=staff)
    assert refused.value.details["field"] == "published_where"
    with pytest.raises(ApplicationError) as refused:
        wf.application_reply(application=application, outcome="4.1", reasons="", actor=staff)
    assert "第三十六条第（四）项" in refused.value.details["errors"]["variant"]
    with pytest.raises(ApplicationError, match="联系方式"):
        wf.application_reply(application=application, outcome="4.1", variant="not_ours",
                             reasons="属区财政局职责", other_agency="区财政局", actor=staff)
    wf.application_reply(application=application, outcome="4.1", variant="not_ours",
                         reasons="属区财政局职责", other_agency="区财政局",
                         other_agency_contact="020-82000000", actor=staff)
    application.refresh_from_db()
    assert (application.reply_variant, application.other_agency) == ("not_ours", "区财政局")


def test_every_error_of_the_reply_is_reported_at_once(application, staff, clock):
    clock(D(2026, 3, 10))
    with pytest.raises(ApplicationError) as refused:
        wf.application_reply(application=application, outcome="3.2", reasons="",
                             legal_basis="", on="2026-02-30", actor=staff)
    assert set(refused.value.details["errors"]) >= {"reasons", "legal_basis", "on"}


def test_disclosed_files_are_checked_by_content_and_kept_with_the_reply(
        application, staff, clock, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    clock(D(2026, 3, 10))
    fake = SimpleUploadedFile("预算.pdf", b"<html><script>x</script></html>")
    with pytest.raises(ApplicationError) as refused:
        wf.application_reply(application=application, outcome="1", attachments=[fake],
                             actor=staff)
    assert "attachments" in refused.value.details["errors"]
    assert not application.attachments.exists()
    import io

    from pypdf import PdfWriter

    writer, buffer = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=595, height=842)
    writer.write(buffer)
    pdf = SimpleUploadedFile("预算.pdf", buffer.getvalue())
    wf.application_reply(application=application, outcome="1", attachments=[pdf],
                         provide_how="详见附件。", actor=staff)
    attachment = application.attachments.get()
    assert attachment.name == "预算.pdf" and attachment.kind == "pdf"
