"""Dashboards: the office's matrix, read-only progress for the office and supervisors,
and a unit's own to-do list. Reads only; every figure comes from the selectors."""
import dataclasses
import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from gongkai.core.params import year_param
from gongkai.plans.links import todo_links, url_maker
from gongkai.plans.models import Plan, ReportingPeriod
from gongkai.plans.permissions import can_manage_plans, can_view_progress, may_see_todo
from gongkai.plans.selectors.dashboard import (
    CellState,
    current_period,
    late_and_returned,
    latest_plan,
    matrix,
    progress_by_section,
    unit_todo,
)
from gongkai.plans.selectors.scoring import unit_scores

# Short text and colour class of each matrix cell; the legend shows the full label.
CELL_STYLE = {
    CellState.UNASSIGNED: ("", "c-none"),
    CellState.NOT_SUBMITTED: ("未", "c-missing"),
    CellState.SUBMITTED: ("审", "c-submitted"),
    CellState.RETURNED: ("退", "c-returned"),
    CellState.PASSED_ONGOING: ("进", "c-ongoing"),
    CellState.PASSED_DONE: ("完", "c-done"),
    CellState.FAILED: ("否", "c-failed"),
}


def _selection(request, today: dt.date) -> tuple[Plan | None, list, ReportingPeriod | None]:
    """The plan (?year=) and period (?period=) the page shows; defaults: this year's
    plan and the period whose deadline comes next."""
    plan = None
    if year := year_param(request.GET):
        plan = Plan.objects.filter(year=year).first()
    plan = plan or latest_plan(today=today)
    if plan is None:
        return None, [], None
    periods = list(ReportingPeriod.objects.filter(plan=plan).order_by("number"))
    chosen = request.GET.get("period", "")
    period = next((p for p in periods if str(p.pk) == chosen), None)
    return plan, periods, period or current_period(periods=periods, today=today)


def _matrix_rows(m) -> list[tuple]:
    """(task, cells HTML) per row. The 5,000-odd cells are joined here rather than in a
    template loop, which took most of the page's time; every text is escaped."""
    report_url = url_maker("plans:report_detail", 1)
    ledger_url = url_maker("plans:ledger", 0)
    ledger = ledger_url() if ledger_url else ""
    labels = {state: str(label) for state, label in CellState.choices}
    late_text = _("逾期")
    names = [escape(unit.name) for unit in m.units]
    rows = []
    for row in m.rows:
        cells = []
        for unit, name, cell in zip(m.units, names, row.cells, strict=True):
            text, css = CELL_STYLE[cell.state]
            title = f"{row.task.number} · {name} · {labels[cell.state]}"
            if cell.late:
                css, title = f"{css} late", f"{title} · {late_text}"
            if cell.report_id and report_url:
                inner = f'<a href="{escape(report_url(cell.report_id))}">{text}</a>'
            elif cell.assignment_id and ledger:
                href = escape(f"{ledger}?year={m.plan.year}&unit={unit.id}"
                              f"&part={row.task.part_number}")
                inner = f'<a href="{href}">{text}</a>'
            else:
                inner = f"<span>{text}</span>"
            cells.append(f'<td class="{css}" title="{title}">{inner}</td>')
        rows.append((row.task, mark_safe("".join(cells))))  # noqa: S308 - escaped above
    return rows


@login_required
def matrix_view(request):
    """The office's tasks × units matrix, coloured by each cell's state."""
    if not can_manage_plans(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    plan, periods, period = _selection(request, today)
    context = {"plan": plan, "periods": periods, "period": period,
               "plans": Plan.objects.order_by("-year").values_list("year", flat=True),
               "legend": [(CELL_STYLE[s][0], CELL_STYLE[s][1], label)
                          for s, label in CellState.choices]}
    if plan is not None and period is not None:
        m = matrix(plan=plan, period=period, today=today)
        page = Paginator(m.rows, MATRIX_ROWS_PER_PAGE).get_page(request.GET.get("page"))
        m = dataclasses.replace(m, rows=list(page.object_list))  # counts stay whole-plan
        context.update(m=m, rows=_matrix_rows(m), page=page, page_links=_page_links(request, page),
                       counts=[(label, m.counts.get(state, 0))
                               for state, label in CellState.choices[1:]])
    return render(request, "plans/matrix.html", context)


# Tasks per page of the matrix: the demo plan's whole matrix (64 tasks × 59 units) made a
# 540 KB page; 20 tasks a page keep it under 200 KB (about 15 KB compressed).
MATRIX_ROWS_PER_PAGE = 20


def _page_links(request, page) -> list[dict]:
    """One link per page, keeping the plan and period chosen."""
    links = []
    for number in page.paginator.page_range:
        query = request.GET.copy()
        query["page"] = number
        links.append({"number": number, "url": f"?{query.urlencode()}",
                      "current": number == page.number})
    return links


def _chart_data(parts) -> dict:
    """Series for the ECharts bar chart; passed to the page with json_script."""
    labels, series = [], {"assignments": [], "submitted": [], "passed": [], "done": []}
    for part in parts:
        for section in part.sections:
            labels.append(f"({section.number}) {section.title}")
            for name, values in series.items():
                values.append(getattr(section, name))
    return {
        "labels": labels,
        "series": [
            {"name": _("应报送"), "data": series["assignments"]},
            {"name": _("已报送"), "data": series["submitted"]},
            {"name": _("审核通过"), "data": series["passed"]},
            {"name": _("已完成"), "data": series["done"]},
        ],
    }


# A page lists at most this many late or returned reports; the ledger has them all.
LATE_LIST_LIMIT = 300


def _with_report_links(items) -> list[tuple]:
    report_url = url_maker("plans:report_detail", 1)
    return [(item, report_url(item.report_id) if report_url and item.report_id else None)
            for item in items]


@login_required
def progress_view(request):
    """Read-only progress for the office and supervisors: chart, late and returned
    reports, ranking. Drafts are never shown."""
    if not can_view_progress(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    plan, periods, period = _selection(request, today)
    context = {"plan": plan, "periods": periods, "period": period,
               "plans": Plan.objects.order_by("-year").values_list("year", flat=True)}
    if plan is not None and period is not None:
        parts = progress_by_section(plan=plan, period=period)
        chart = _chart_data(parts)
        late = late_and_returned(plan=plan, period=period, today=today)
        context.update(
            parts=parts, chart=chart, chart_height=max(320, 26 * len(chart["labels"]) + 60),
            late_total=len(late), late_items=_with_report_links(late[:LATE_LIST_LIMIT]),
            ranking=unit_scores(plan=plan, period=period),
        )
    return render(request, "plans/progress.html", context)


@login_required
def todo_view(request):
    """A unit's own to-do list: breakdowns to fill in, reports due, reports returned."""
    if not may_see_todo(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    items = unit_todo(unit=request.user.unit, today=today)
    return render(request, "plans/todo.html",
                  {"items": todo_links(items, user=request.user), "today": today, "unit": request.user.unit})
