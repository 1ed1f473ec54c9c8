"""Demo disclosure applications (``gongkai.foi.demo_cases``): about thirty, to six units,
from natural persons and every kind of organisation, over 2025 and this year, so the
office overview has open ones (due soon, overdue, extended, paused), annual-report tables
三 and 四 have numbers, and every step has its letter.

Every step goes through the real services with the date it happened (they accept past
dates). What the services stamp with the current time is moved back afterwards, as the
leader-messages demo does: ``Application.submitted_at`` (before receipt is confirmed,
since receipt may not precede submission), ``archived_at``, each ``Letter.created_at``
and the audit events of each step. The .docx letters themselves still carry the day
they were generated. Two steps decide "today" themselves (closing for a missed
supplement or fee, outcomes 6.1 and 6.2), so those two are replied on the loading day.

Idempotent: an application whose description exists is not filed again.
"""
import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gongkai.core.models import AuditEvent
from gongkai.foi.codes import ApplicantType, Channel, LetterKind, Outcome
from gongkai.foi.demo_cases import APPLICANTS, CASES, REASONS, Case
from gongkai.foi.letters_defaults import DEFAULT_LEGAL_BASIS
from gongkai.foi.models import Application, IdType, Letter, NumberingRule, PauseKind
from gongkai.foi.services import appeals, intake
from gongkai.foi.services import validation as v
from gongkai.foi.services import workflow as wf
from gongkai.foi.services.letters import letter_generate
from gongkai.orgs.models import Role, Unit, UnitCategory, User
from gongkai.workdays.calendar import Calendar
from gongkai.workdays.selectors import calendar_from_db

_RESIDENT_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def resident_id(n: int) -> str:
    """A made-up 居民身份证 number with a valid GB 11643 check character (Huangpu area
    code, a birth date in the 1980s, sequence ``n``)."""
    born = dt.date(1980, 1, 1) + dt.timedelta(days=397 * n)
    base = f"440112{born:%Y%m%d}{(n * 37) % 1000:03d}"
    total = sum(int(d) * w for d, w in zip(base, _RESIDENT_WEIGHTS, strict=True))
    return base + "10X98765432"[total % 11]


def credit_code(n: int) -> str:
    """A made-up 统一社会信用代码 with a valid GB 32100 check character."""
    base = f"914401120000{n:05d}"
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(base, _CREDIT_WEIGHTS, strict=True))
    return base + _CREDIT_CHARS[(31 - total % 31) % 31]


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _workdays_before(calendar: Calendar, today: dt.date, n: int) -> dt.date:
    day = today
    while n > 0:
        day -= dt.timedelta(days=1)
        n -= calendar.is_workday(day)
    return day


class _Filing:
    """Runs the steps of one application, each dated, and moves what the step stamped
    with the current time (audit events, letters) to that day."""

    def __init__(self, calendar: Calendar, actor: User | None):
        self.calendar, self.actor = calendar, actor
        self._mark()

    def _mark(self) -> None:
        self.event_id = AuditEvent.objects.aggregate(m=Max("id"))["m"] or 0
        self.letter_id = Letter.objects.aggregate(m=Max("id"))["m"] or 0

    def stamp(self, day: dt.date, hour: int = 10) -> None:
        at = _at(day, hour)
        AuditEvent.objects.filter(pk__gt=self.event_id).update(at=at)
        Letter.objects.filter(pk__gt=self.letter_id).update(created_at=at)
        self._mark()

    def after(self, day: dt.date, n: int) -> dt.date:
        return min(self.calendar.nth_after(day, n), v.today())

    def letter(self, application: Application, kind: str, day: dt.date) -> None:
        application.refresh_from_db()
        letter_generate(application=application, kind=kind, actor=self.actor)
        self.stamp(day, 15)


def _data(case: Case, unit: Unit, n: int) -> dict:
    kind, name, contact = APPLICANTS[case.applicant]
    person = kind == ApplicantType.NATURAL_PERSON
    return {
        "unit": unit, "applicant_type": kind, "applicant_name": name,
        "id_type": IdType.RESIDENT_ID if person else IdType.CREDIT_CODE,
        "id_number": resident_id(case.applicant + 1) if person
        else credit_code(case.applicant + 1),
        "contact_person": contact, "phone": f"138-0000-{1000 + case.applicant:04d}",
        "email": f"applicant{case.applicant + 1}@example.com",
        "address": f"广州市黄埔区示例路{case.applicant + 1}号", "postal_code": "510700",
        "description": case.description, "purpose": "了解相关情况",
        "form_wanted": "电子文档", "delivery_wanted": "电子邮件",
    }


def _file(case: Case, unit: Unit, n: int, received: dt.date, filing: _Filing) -> Application:
    """Submit or register the application; confirm receipt unless it stays pending."""
    data = _data(case, unit, n)
    if case.channel == Channel.ONLINE:
        application = intake.application_submit_online(data=data,
                                                       submission_key=f"demo-foi-{n:03d}")
        Application.objects.filter(pk=application.pk).update(submitted_at=_at(received, 9))
        filing.stamp(received, 9)
        if case.flow == "pending":
            return application
        intake.application_confirm_receipt(application=application, received_on=received,
                                           confirmation="电话确认（申请人本人）",
                                           actor=filing.actor)
        filing.stamp(received, 11)
        filing.letter(application, LetterKind.RECEIPT, received)
        return application
    application = intake.application_register(
        unit=unit, data={**data, "submitted_on": received}, channel=case.channel,
        received_on=received, actor=filing.actor)
    Application.objects.filter(pk=application.pk).update(submitted_at=_at(received, 9))
    filing.stamp(received, 9)
    filing.letter(application, LetterKind.REGISTRATION, received)
    return application


def _supplement(application, filing: _Filing, received: dt.date, *, answered: bool
                ) -> dt.date:
    asked = filing.after(received, 3)
    wf.supplement_request(application=application, on=asked, actor=filing.actor,
                          items="请写明所需信息的名称、文号或形成时间、地点等特征性描述。",
                          reply_by=asked + dt.timedelta(days=15))
    filing.stamp(asked)
    filing.letter(application, LetterKind.SUPPLEMENT, asked)
    if not answered:
        return asked
    back = filing.after(asked, 5)
    wf.supplement_receive(supplement=application.supplements.get(), received_on=back,
                          content="补正：所需信息为2024年该项目的有关批复文件。",
                          actor=filing.actor)
    filing.stamp(back)
    return back


def _consult(application, filing: _Filing, received: dt.date, kind: str, *, ended: bool
             ) -> dt.date:
    party = "广州示例科技有限公司" if kind == PauseKind.THIRD_PARTY else "区生态环境分局"
    started = filing.after(received, 4)
    pause = wf.consultation_start(application=application, kind=kind, party=party,
                                  on=started, actor=filing.actor)
    filing.stamp(started)
    filing.letter(application, LetterKind.THIRD_PARTY if kind == PauseKind.THIRD_PARTY
                  else LetterKind.JOINT_AGENCY, started)
    if not ended:
        return started
    answered = filing.after(started, 7)
    result = ("第三方书面答复不同意公开，理由为涉及商业秘密。" if kind == PauseKind.THIRD_PARTY
              else "经征求意见，该机关同意公开。")
    wf.consultation_end(pause=pause, ended_on=answered, result=result, actor=filing.actor)
    filing.stamp(answered)
    return answered


def _fee(application, filing: _Filing, received: dt.date, *, paid: bool) -> dt.date:
    notice = filing.after(received, 4)
    wf.fee_notify(application=application, basis="per_volume", quantity=60, on=notice,
                  actor=filing.actor)
    filing.stamp(notice)
    filing.letter(application, LetterKind.FEE, notice)
    if not paid:
        return notice
    paid_on = filing.after(notice, 3)
    wf.fee_pay(application=application, paid_on=paid_on, actor=filing.actor)
    filing.stamp(paid_on)
    return paid_on


def _extend(application, filing: _Filing, received: dt.date) -> dt.date:
    day = filing.after(received, 18)
    wf.application_extend(application=application, on=day, actor=filing.actor,
                          approved_by="区政务公开办负责人（演示）",
                          reason="申请内容涉及多个年度、多个科室的文件，需逐一检索核对。")
    filing.stamp(day)
    filing.letter(application, LetterKind.EXTENSION, day)
    return day


def _steps(case: Case, application, filing: _Filing, received: dt.date) -> dt.date:
    """The steps before the reply; returns the day the clock last moved."""
    flow = case.flow
    if flow in ("supplement", "abandon_supplement", "open_supplement"):
        return _supplement(application, filing, received, answered=flow == "supplement")
    if flow in ("consult", "consult_agency", "open_consulting"):
        kind = PauseKind.THIRD_PARTY if flow != "consult_agency" else PauseKind.AGENCY
        return _consult(application, filing, received, kind, ended=flow != "open_consulting")
    if flow in ("fee", "abandon_unpaid", "open_fee"):
        return _fee(application, filing, received, paid=flow == "fee")
    if flow in ("extend", "open_extended"):
        return _extend(application, filing, received)
    return received


def _reply_extra(case: Case) -> dict:
    """What each outcome's article needs (where published, how provided, which case)."""
    if case.outcome == Outcome.DISCLOSED:
        return {"published_where": "黄埔区人民政府门户网站“政府信息公开”栏目（演示）"}
    if case.outcome == Outcome.PARTLY:
        return {"provide_how": "以电子邮件方式发送至您（单位）预留的电子邮箱。"}
    if case.outcome == Outcome.UNABLE_NOT_HELD:
        return {"variant": "not_exist"}
    return {}


def _close(case: Case, application, filing: _Filing, last: dt.date) -> dt.date | None:
    if case.flow == "abandon_supplement":
        wf.application_abandon_unsupplemented(application=application, actor=filing.actor)
    elif case.flow == "abandon_unpaid":
        wf.application_abandon_unpaid(application=application, actor=filing.actor)
    elif case.outcome:
        day = filing.after(last, case.reply_after)
        wf.application_reply(application=application, outcome=case.outcome, on=day,
                             reasons=REASONS.get(case.outcome, ""), actor=filing.actor,
                             legal_basis=DEFAULT_LEGAL_BASIS.get(case.outcome, ""),
                             backdate_reason="演示数据：按决定当日补录", **_reply_extra(case))
        filing.stamp(day, 14)
    else:
        return None
    application.refresh_from_db()
    day = application.replied_on
    filing.letter(application, LetterKind.REPLY, day)
    return day


def _deliver_and_archive(case: Case, application, filing: _Filing, replied: dt.date
                         ) -> None:
    if case.outcome in ("", Outcome.OTHER_NO_SUPPLEMENT, Outcome.OTHER_FEE_UNPAID):
        return
    delivered = filing.after(replied, 1)
    wf.application_deliver(application=application, method="电子邮件", delivered_on=delivered,
                           actor=filing.actor)
    filing.stamp(delivered)
    if not case.archive:
        return
    archived = filing.after(delivered, 2)
    wf.application_archive(application=application, actor=filing.actor)
    Application.objects.filter(pk=application.pk).update(archived_at=_at(archived, 16))
    filing.stamp(archived, 16)


def _appeal(case: Case, application, filing: _Filing, replied: dt.date) -> None:
    spec = case.appeal
    filed = filing.after(replied, spec.filed_after)
    appeal = appeals.appeal_record(application=application, kind=spec.kind, filed_on=filed,
                                   body=spec.body, actor=filing.actor)
    filing.stamp(filed)
    if spec.decided_after:
        decided = filing.after(filed, spec.decided_after)
        appeals.appeal_decide(appeal=appeal, result=spec.result, decided_on=decided,
                              note="演示数据。", actor=filing.actor)
        filing.stamp(decided)


def _units() -> dict[str, Unit]:
    names = {case.unit for case in CASES}
    units = {}
    for name in sorted(names):
        category = UnitCategory.STREET_TOWN if name.endswith("街道") else UnitCategory.DEPARTMENT
        units[name], _created = Unit.objects.get_or_create(name=name,
                                                           defaults={"category": category})
    return units


def _actors(units: dict[str, Unit]) -> dict[int, User | None]:
    """Who handles each unit's applications: its staff member, else the office."""
    office = User.objects.filter(role=Role.OFFICE_ADMIN, is_active=True).order_by("pk").first()
    staff = {}
    for user in User.objects.filter(role=Role.UNIT_STAFF, is_active=True,
                                    unit__in=units.values()).order_by("-pk"):
        staff[user.unit_id] = user
    return {unit.pk: staff.get(unit.pk, office) for unit in units.values()}


def _received_on(case: Case, calendar: Calendar, today: dt.date) -> dt.date:
    """A case's day of receipt. Counted back from the last working day up to today: on a
    weekend or holiday, counting from the day itself would put every open case one
    working day further from its deadline than on the working day before, and a case
    meant to be due soon would not be."""
    if isinstance(case.received, dt.date):
        return case.received
    last_workday = today
    while not calendar.is_workday(last_workday):
        last_workday -= dt.timedelta(days=1)
    return _workdays_before(calendar, last_workday, case.received)


def _handle(case: Case, n: int, unit: Unit, filing: _Filing, received: dt.date) -> None:
    application = _file(case, unit, n, received, filing)
    if case.flow == "pending":
        return
    last = _steps(case, application, filing, received)
    replied = _close(case, application, filing, last)
    if replied is None:
        return
    _deliver_and_archive(case, application, filing, replied)
    if case.appeal:
        _appeal(case, application, filing, replied)


@transaction.atomic
def load_foi_demo() -> int:
    """File the demo applications that do not exist yet; returns how many were filed."""
    units = _units()
    for unit in units.values():
        # The demo units' letter settings (an office sets its own in the admin).
        NumberingRule.objects.get_or_create(unit=unit, defaults={
            "letter_pattern": "{unit}依申复〔{year}〕{seq}号",
            "reconsideration_body": "广州市黄埔区人民政府",
            "court": "广州铁路运输法院",
            "fee_payment": "凭本通知书所附非税收入缴款码，通过广东省非税收入缴款渠道缴入国库（演示）。",
        })
    actors = _actors(units)
    calendar = calendar_from_db()
    today = v.today()
    existing = set(Application.objects.filter(description__in=[c.description for c in CASES])
                   .values_list("description", flat=True))
    created = 0
    for n, case in enumerate(CASES, start=1):
        if case.description in existing:
            continue
        unit = units[case.unit]
        _handle(case, n, unit, _Filing(calendar, actors[unit.pk]),
                _received_on(case, calendar, today))
        created += 1
    return created
