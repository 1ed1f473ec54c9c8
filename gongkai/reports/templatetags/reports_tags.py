"""Template helpers: measured figures beside what units wrote (ledger, matrix, report
pages) and dictionary lookups for the annual-report tables."""
from django import template

from gongkai.reports.selectors.progress import measured_progress, report_figures

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.simple_tag
def measured_for_plan(plan):
    """All linked indicators of ``plan`` measured once for the page (a fixed number of
    queries); ``measured_cell`` then reads from it."""
    return measured_progress(year=plan.year) if plan is not None else None


@register.inclusion_tag("reports/_figures.html")
def measured_cell(measured, task_number, unit_id=None):
    figures = measured.figures(task_number, unit_id) if measured is not None else []
    return {"figures": figures}


@register.inclusion_tag("reports/_figures.html")
def report_measures(report):
    return {"figures": report_figures(report)}


@register.inclusion_tag("reports/_matrix_measures.html")
def matrix_measures(plan):
    """Under the matrix: per linked task, the district's value and how many units have
    met their target."""
    if plan is None:
        return {"rows": []}
    measured = measured_progress(year=plan.year)
    rows = []
    for number in measured.task_numbers:
        for link in measured.links[number]:
            district = next((f for f in measured.figures(number, None)
                             if f.indicator == link["indicator"]), None)
            if district is None:
                continue
            per_unit = measured.values[link["indicator"]][0]
            target = link["unit_target"]
            met = (None if target is None else sum(
                1 for v in per_unit.values() if (v >= target if link["direction"] ==
                                                  "at_least" else v <= target)))
            rows.append({"task": number, "figure": district, "met": met,
                         "units": len(per_unit)})
    return {"rows": rows}
