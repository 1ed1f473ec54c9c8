"""Reads of a spot check: its sample with results, the findings to review."""
from dataclasses import dataclass, field

from django.db.models import Max

from gongkai.websites.models import CheckRun, Finding, Review, SpotCheck
from gongkai.websites.rules import score
from gongkai.websites.selectors.rules import current_rules


@dataclass
class EntryResult:
    target: object
    unit: object
    findings: list = field(default_factory=list)
    result: dict = field(default_factory=dict)
    rectification: object = None

    @property
    def verdict(self) -> str:
        return "合格" if self.result["passed"] else "不合格"


def review_queue(spot_check: SpotCheck) -> list[Finding]:
    """The automated findings of the sampled sites' latest runs, not yet settled."""
    site_ids = list(spot_check.entries.exclude(website=None).values_list("website_id",
                                                                         flat=True))
    latest = (CheckRun.objects.filter(website_id__in=site_ids).values("website_id")
              .annotate(last=Max("started_at")))
    run_ids = CheckRun.objects.filter(
        started_at__in=[r["last"] for r in latest], website_id__in=site_ids
    ).values_list("pk", flat=True)
    return list(Finding.objects.filter(run_id__in=list(run_ids), spot_check__isnull=True)
                .select_related("website__unit").order_by("website__name", "indicator"))


def results(spot_check: SpotCheck) -> list[EntryResult]:
    """Every sampled site and account with its confirmed findings and its score (19号),
    in a fixed number of queries."""
    rules = current_rules()
    entries = spot_check.entries.select_related("website__unit", "account__unit")
    findings = list(spot_check.findings.filter(review=Review.CONFIRMED)
                    .select_related("rectification"))
    rows = []
    for entry in entries:
        target = entry.target
        mine = [f for f in findings
                if (f.website_id and f.website_id == entry.website_id)
                or (f.account_id and f.account_id == entry.account_id)]
        rows.append(EntryResult(
            target=target, unit=target.unit, findings=mine,
            result=score([(f.indicator, f.count) for f in mine], rules),
            rectification=next((f.rectification for f in mine if f.rectification), None)))
    return rows
