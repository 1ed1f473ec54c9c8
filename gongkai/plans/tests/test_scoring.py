import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from gongkai.orgs.tests.factories import UnitFactory
from gongkai.plans.models import ReportStatus, ScoringRule
from gongkai.plans.selectors.scoring import unit_scores
from gongkai.plans.services.scoring import scoring_rule_ensure, scoring_rule_update
from gongkai.plans.tests.factories import (
    AssignmentFactory,
    PlanFactory,
    ReportFactory,
    ReportingPeriodFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Shanghai")
ON_TIME = dt.datetime(2022, 9, 30, 22, 0, tzinfo=TZ)  # the deadline's evening
LATE = dt.datetime(2022, 10, 1, 8, 0, tzinfo=TZ)


@pytest.fixture
def world():
    plan = PlanFactory(year=2022)
    q3 = ReportingPeriodFactory(plan=plan, number=3, deadline=dt.date(2022, 9, 30))
    tasks = [TaskFactory(plan=plan) for _ in range(4)]
    units = {name: UnitFactory(name=name) for name in
             ("区甲局", "区乙局", "区丙局", "区丁局", "区戊局")}

    def assign(unit, count):
        return [AssignmentFactory(task=t, unit=units[unit]) for t in tasks[:count]]

    def report(assignment, status, submitted=None, returns=0):
        return ReportFactory(assignment=assignment, period=q3, status=status,
                             first_submitted_at=submitted, submitted_at=submitted,
                             return_count=returns)

    a = assign("区甲局", 4)
    report(a[0], ReportStatus.PASSED, ON_TIME)
    report(a[1], ReportStatus.PASSED, LATE)
    report(a[2], ReportStatus.SUBMITTED, ON_TIME, returns=1)
    b = assign("区乙局", 1)
    report(b[0], ReportStatus.PASSED, ON_TIME)
    c = assign("区丙局", 2)
    report(c[0], ReportStatus.DRAFT)
    d = assign("区丁局", 2)
    report(d[0], ReportStatus.RETURNED, ON_TIME, returns=3)
    assign("区戊局", 2)
    return plan, q3, units


def by_name(scores):
    return {s.unit_name: s for s in scores}


def test_scores_for_a_period_follow_the_hand_computed_values(world):
    plan, q3, _units = world
    scores = unit_scores(plan=plan, period=q3)
    # 甲: 30×2/4 + 60×2/4 + 10×3/4 − 1×1 = 15 + 30 + 7.5 − 1
    # 乙: 30 + 60 + 10; 丁: 30×1/2 + 0 + 10×1/2 − 3; 丙, 戊: nothing submitted.
    assert [(s.unit_name, s.score, s.rank) for s in scores] == [
        ("区乙局", Decimal("100.0"), 1),
        ("区甲局", Decimal("51.5"), 2),
        ("区丁局", Decimal("17.0"), 3),
        ("区丙局", Decimal("0.0"), 4),
        ("区戊局", Decimal("0.0"), 4),
    ]
    jia = by_name(scores)["区甲局"]
    assert (jia.assigned, jia.expected, jia.submitted, jia.on_time, jia.passed,
            jia.returns, jia.unsubmitted, jia.late) == (4, 4, 3, 2, 2, 1, 1, 1)
    assert by_name(scores)["区丁局"].open_returns == 1


def test_the_whole_year_counts_every_period(world):
    plan, _q3, _units = world
    ReportingPeriodFactory(plan=plan, number=4, deadline=dt.date(2022, 12, 30))
    yi = by_name(unit_scores(plan=plan))["区乙局"]
    # One of two reports owed: 30/2 + 60/2 + 10/2.
    assert (yi.expected, yi.score) == (2, Decimal("50.0"))


def test_a_score_never_goes_below_zero_and_the_rule_is_data(world):
    plan, q3, _units = world
    ScoringRule.objects.create(plan=plan, on_time_points=10, passed_points=0,
                               completeness_points=0, return_penalty=Decimal("20"))
    scores = by_name(unit_scores(plan=plan, period=q3))
    assert scores["区丁局"].score == Decimal("0.0")  # 10×1/2 − 60
    assert scores["区乙局"].score == Decimal("10.0")


def test_scores_are_rounded_to_one_decimal(world):
    plan, q3, units = world
    ScoringRule.objects.create(plan=plan, on_time_points=30, passed_points=60,
                               completeness_points=10, return_penalty=0)
    scores = by_name(unit_scores(plan=plan, period=q3, unit_ids=[units["区甲局"].pk]))
    assert list(scores) == ["区甲局"]
    assert scores["区甲局"].score == Decimal("52.5")
    plan2 = PlanFactory(year=2030)
    period = ReportingPeriodFactory(plan=plan2, number=3, deadline=dt.date(2030, 9, 30))
    unit = UnitFactory()
    assignments = [AssignmentFactory(task__plan=plan2, unit=unit) for _ in range(3)]
    ReportFactory(assignment=assignments[0], period=period, status=ReportStatus.SUBMITTED,
                  first_submitted_at=dt.datetime(2030, 9, 1, tzinfo=TZ))
    # 30×1/3 + 10×1/3 = 13.333…
    assert unit_scores(plan=plan2, period=period)[0].score == Decimal("13.3")


def test_the_number_of_queries_does_not_grow_with_the_data(world, django_assert_num_queries):
    plan, q3, _units = world
    with django_assert_num_queries(5):
        unit_scores(plan=plan)
    for _ in range(5):
        unit = UnitFactory()
        for assignment in [AssignmentFactory(task__plan=plan, unit=unit) for _ in range(3)]:
            ReportFactory(assignment=assignment, period=q3, status=ReportStatus.PASSED,
                          first_submitted_at=ON_TIME)
    with django_assert_num_queries(5):
        assert len(unit_scores(plan=plan)) == 10


def test_the_default_rule_is_stored_by_a_service_and_updates_are_audited(world, office_admin):
    plan, _q3, _units = world
    assert not ScoringRule.objects.exists()
    rule = scoring_rule_ensure(plan=plan)
    assert (rule.on_time_points, rule.passed_points, rule.completeness_points) == (30, 60, 10)
    scoring_rule_update(plan=plan, actor=office_admin, on_time_points="40", passed_points=50,
                        completeness_points=10, return_penalty="2.5")
    rule.refresh_from_db()
    assert (rule.on_time_points, rule.return_penalty) == (40, Decimal("2.50"))
    from gongkai.core.audit import history_of
    event = history_of(plan).get(action="plans.scoring_rule.updated")
    assert event.details["changes"]["on_time_points"] == ["30", "40"]


def test_bad_rule_values_are_refused(world, office_admin):
    from gongkai.core.errors import ApplicationError
    plan, _q3, _units = world
    with pytest.raises(ApplicationError):
        scoring_rule_update(plan=plan, actor=office_admin, on_time_points="abc",
                            passed_points=1, completeness_points=1, return_penalty=1)
    with pytest.raises(ApplicationError):
        scoring_rule_update(plan=plan, actor=office_admin, on_time_points=-1,
                            passed_points=1, completeness_points=1, return_penalty=1)
