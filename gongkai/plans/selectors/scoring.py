"""Scores per unit from the plan's scoring rule (rules are data, see ``ScoringRule``).

For a period (or the whole year) a unit owes one report per assigned task and period.
Its score is

    on_time_points × on-time share + passed_points × passed share
    + completeness_points × submitted share − return_penalty × returns

where each share is counted against the reports owed, floored at 0 and rounded to one
decimal. A report is on time when first submitted on or before the period's deadline;
returns count every return for rectification, including ones since rectified.
"""
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Q, Sum

from gongkai.orgs.models import Unit
from gongkai.plans.models import (
    Assignment,
    Plan,
    Report,
    ReportingPeriod,
    ReportStatus,
    ScoringRule,
)


@dataclass(frozen=True)
class UnitScore:
    unit_id: int
    unit_name: str
    assigned: int  # tasks on the unit's list
    expected: int  # reports owed: tasks × periods
    submitted: int
    on_time: int
    passed: int
    returns: int  # times returned for rectification
    open_returns: int  # reports returned and not yet resubmitted
    score: Decimal
    rank: int = 0

    @property
    def unsubmitted(self) -> int:
        return max(self.expected - self.submitted, 0)

    @property
    def late(self) -> int:
        return self.submitted - self.on_time


def rule_for(plan: Plan) -> ScoringRule:
    """The plan's rule, or the default rule (unsaved) when none has been stored."""
    return ScoringRule.objects.filter(plan=plan).first() or ScoringRule(plan=plan)


def compute_score(rule: ScoringRule, *, expected: int, submitted: int, on_time: int,
                  passed: int, returns: int) -> Decimal:
    """The formula of this module, as a pure function."""
    if expected <= 0:
        return Decimal("0.0")
    owed = Decimal(expected)
    raw = (Decimal(rule.on_time_points) * on_time / owed
           + Decimal(rule.passed_points) * passed / owed
           + Decimal(rule.completeness_points) * submitted / owed
           - Decimal(rule.return_penalty) * returns)
    return max(raw, Decimal(0)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def unit_scores(*, plan: Plan, period: ReportingPeriod | None = None,
                unit_ids=None) -> list[UnitScore]:
    """Every unit with tasks in ``plan``, scored for ``period`` (or all periods),
    best first with a competition rank (1, 2, 2, 4). Five queries whatever the size."""
    rule = rule_for(plan)
    periods = 1 if period is not None else plan.periods.count()
    assignments = Assignment.objects.filter(task__plan=plan)
    reports = Report.objects.filter(assignment__task__plan=plan)
    if period is not None:
        reports = reports.filter(period=period)
    if unit_ids is not None:
        assignments = assignments.filter(unit_id__in=list(unit_ids))
        reports = reports.filter(assignment__unit_id__in=list(unit_ids))
    assigned = dict(assignments.values_list("unit_id").annotate(n=Count("pk"))
                    .values_list("unit_id", "n"))
    submitted_q = Q(first_submitted_at__isnull=False)
    counts = {
        row["assignment__unit_id"]: row
        for row in reports.values("assignment__unit_id").annotate(
            submitted=Count("pk", filter=submitted_q),
            on_time=Count("pk", filter=submitted_q & Q(
                first_submitted_at__date__lte=F("period__deadline"))),
            passed=Count("pk", filter=Q(status=ReportStatus.PASSED)),
            open_returns=Count("pk", filter=Q(status=ReportStatus.RETURNED)),
            returns=Sum("return_count"),
        )
    }
    names = dict(Unit.objects.filter(pk__in=list(assigned)).values_list("pk", "name"))
    scores = [_score(rule, unit_id, names.get(unit_id, ""), n, n * periods,
                     counts.get(unit_id, {})) for unit_id, n in assigned.items()]
    return _ranked(scores)


def _score(rule, unit_id: int, name: str, assigned: int, expected: int,
           row: dict) -> UnitScore:
    values = {key: row.get(key) or 0
              for key in ("submitted", "on_time", "passed", "returns", "open_returns")}
    score = compute_score(rule, expected=expected, submitted=values["submitted"],
                          on_time=values["on_time"], passed=values["passed"],
                          returns=values["returns"])
    return UnitScore(unit_id=unit_id, unit_name=name, assigned=assigned, expected=expected,
                     score=score, **values)


def _ranked(scores: list[UnitScore]) -> list[UnitScore]:
    scores.sort(key=lambda s: (-s.score, s.unit_name))
    ranked, previous, rank = [], None, 0
    for position, item in enumerate(scores, start=1):
        if item.score != previous:
            rank, previous = position, item.score
        ranked.append(UnitScore(**{**item.__dict__, "rank": rank}))
    return ranked
