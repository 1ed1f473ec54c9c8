"""Demo progress on the 2022 seed plan, so that a new installation's ledger, matrix and
rankings show a year being worked through.

Everything goes through the real services; afterwards the timestamps are moved into
2022 (the seed's year), since the demo is loaded long after the deadlines it reports
against. Deterministic: the same units and states on every installation.
"""
import datetime as dt
import random

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from gongkai.core.models import AuditEvent
from gongkai.orgs.models import Unit, User
from gongkai.plans.events import PlansEvent
from gongkai.plans.models import Assignment, Plan, ProgressState, Report
from gongkai.plans.services.ledger import breakdown_update
from gongkai.plans.services.reports import (
    report_get_or_create,
    report_pass,
    report_return,
    report_save,
    report_submit,
)

# The demo users' units, then others of every category.
DEMO_UNITS = (
    "区发展改革局", "区教育局", "黄埔街道", "区政务服务数据管理局", "区卫生健康局",
    "区市场监管局", "区人力资源社会保障局", "区司法局", "区民政局", "区财政局",
    "红山街道", "鱼珠街道", "长洲街道", "新龙镇", "生物岛管委会",
)
PROGRESS_TEXT = (
    "已在单位网站开设专栏，本季度发布相关信息{n}条，开展政策解读{m}次。",
    "已制定工作方案并明确专人负责，完成{n}项具体工作，正在按计划推进。",
    "结合本单位职能梳理工作台账{n}项，已完成{m}项，其余按时限推进。",
)


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


# Per period: the share of assignments left unreported, kept as drafts, awaiting review,
# returned; the rest passed. The third quarter is mostly through review, the fourth not.
MIX = {3: (0.10, 0.05, 0.15, 0.08), 4: (0.30, 0.15, 0.30, 0.05)}


@transaction.atomic
def load_plan_progress_demo(*, year: int = 2022) -> int:
    """Breakdowns and quarterly reports for the demo units; returns how many reports
    were created (0 when the demo progress exists already)."""
    plan = Plan.objects.filter(year=year).first()
    office = User.objects.filter(role="office_admin").first()
    if plan is None or office is None or Report.objects.filter(period__plan=plan).exists():
        return 0
    rng = random.Random(20220808)  # noqa: S311 - demo data, reproducible on purpose
    units = Unit.objects.filter(name__in=DEMO_UNITS)
    assignments = list(Assignment.objects.filter(task__plan=plan, unit__in=units)
                       .select_related("task", "unit").order_by("task__number", "unit__name"))
    staff_of = {u.unit_id: u for u in User.objects.filter(role="unit_staff", unit__in=units)}
    for assignment in assignments:
        if rng.random() < 0.85:
            _breakdown(assignment, staff_of.get(assignment.unit_id), rng, year)
    created = 0
    for period in plan.periods.order_by("number"):
        mix = MIX.get(period.number, MIX[4])
        reports = [r for a in assignments
                   if (r := _report(a, period, staff_of.get(a.unit_id), office, rng, mix))]
        _date_into_the_year(reports, period.deadline, rng)
        created += len(reports)
    return created


def _breakdown(assignment, staff, rng, year) -> None:
    breakdown_update(
        assignment=assignment, actor=staff,
        measures=f"对照任务{assignment.task.number}细化分解，明确责任科室和完成时限，按月更新台账。",
        target=rng.choice(["年底前全面完成", "按季度推进并报送进展", "专栏信息及时准确更新"]),
        due_on=dt.date(year, rng.choice([9, 10, 11, 12]), rng.choice([15, 20, 30])),
        responsible_dept=rng.choice(["办公室", "综合科", "政策法规科", "党政办"]),
        contact_person=rng.choice(["李工", "王工", "陈工", "张工"]),
        contact_phone="020-8211" + f"{rng.randrange(10000):04d}",
    )


def _report(assignment, period, staff, office, rng, mix) -> Report | None:
    unreported, draft, waiting, returned = mix
    roll = rng.random()
    if roll < unreported:
        return None
    report = report_get_or_create(assignment=assignment, period=period)
    state = rng.choice([ProgressState.IN_PROGRESS] * 3 + [ProgressState.DONE] * 2)
    text = rng.choice(PROGRESS_TEXT).format(n=rng.randrange(2, 30), m=rng.randrange(1, 6))
    report_save(report=report, actor=staff, progress=text, state=state)
    if roll < unreported + draft:
        return report
    report_submit(report=report, actor=staff)
    if roll < unreported + draft + waiting:
        return report
    if roll < unreported + draft + waiting + returned:
        report_return(report=report, actor=office, reason="请补充网页截图或链接等佐证材料。")
        return report
    report_pass(report=report, actor=office)
    return report


def _date_into_the_year(reports: list[Report], deadline: dt.date, rng) -> None:
    """Move submission, review and audit times to before (mostly) the deadline."""
    content_type = ContentType.objects.get_for_model(Report)
    for report in reports:
        sent = deadline - dt.timedelta(days=rng.randrange(-6, 25))
        reviewed = sent + dt.timedelta(days=rng.randrange(1, 6))
        fields = {}
        if report.first_submitted_at:
            fields.update(first_submitted_at=_at(sent), submitted_at=_at(sent))
        if report.reviewed_at:
            fields.update(reviewed_at=_at(reviewed, 15))
        if fields:
            Report.objects.filter(pk=report.pk).update(**fields)
        events = AuditEvent.objects.filter(content_type=content_type, object_id=str(report.pk))
        for offset, event in enumerate(events.order_by("at", "id")):
            day = sent if event.action in (PlansEvent.REPORT_DRAFT_SAVED,
                                           PlansEvent.REPORT_SUBMITTED) else reviewed
            AuditEvent.objects.filter(pk=event.pk).update(
                at=_at(day, 9) + dt.timedelta(minutes=offset))
