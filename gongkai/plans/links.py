"""Links from plan pages and the workbench to the pages where work is done. Shared by
the views and the workbench template tag, so neither imports the other."""
from collections.abc import Callable

from django.urls import NoReverseMatch, reverse

from gongkai.plans.models import Assignment, Report
from gongkai.plans.permissions import can_edit_report


def url_maker(name: str, nargs: int) -> Callable[..., str] | None:
    """A fast ``reverse`` for one URL name: reverse once with placeholders, then fill
    them in, since reversing thousands of times per page costs more than the query.
    None when the URL does not exist (yet)."""
    marks = [900000001 + i for i in range(nargs)]
    try:
        template = reverse(name, args=marks)
    except NoReverseMatch:
        return None
    for i, mark in enumerate(marks):
        template = template.replace(str(mark), f"{{{i}}}")
    return template.format


def todo_links(items, *, user) -> list[tuple]:
    """(item, href) with the page where the item is done, when that page exists and
    ``user`` may open it. A reviewer sees the unit's list but writes nothing: a saved
    report links to its read-only page, the rest is not linked."""
    breakdown_url = url_maker("plans:breakdown_edit", 1)
    report_url = url_maker("plans:report_edit", 2)
    detail_url = url_maker("plans:report_detail", 1)
    # Judged on an unsaved draft of the unit's own, as the report page itself does.
    writes = user.unit_id is not None and can_edit_report(
        user, Report(assignment=Assignment(unit_id=user.unit_id)))
    linked = []
    for item in items:
        href = None
        if not writes:
            if item.period_id is not None and item.report_id and detail_url:
                href = detail_url(item.report_id)
        elif item.period_id is None and breakdown_url:
            href = breakdown_url(item.assignment_id)
        elif item.period_id is not None and report_url:
            href = report_url(item.assignment_id, item.period_id)
        linked.append((item, href))
    return linked
