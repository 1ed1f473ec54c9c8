""".xlsx exports of the office's dashboards: unit scores, progress, the matrix.

Each reads the same selection as its page (plan by ``?year=``, period by ``?period=``)
and the same permission, and writes what the page shows (the matrix: every task, not
only the page of 20 on screen), with the page's Chinese headers.
"""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from gongkai.core.xlsx import table_xlsx, xlsx_response
from gongkai.plans.permissions import can_manage_plans, can_view_progress
from gongkai.plans.selectors.dashboard import (
    LateKind,
    late_and_returned,
    matrix,
    progress_by_section,
)
from gongkai.plans.selectors.scoring import unit_scores
from gongkai.plans.views import review
from gongkai.plans.views.dashboards import _selection


def _chosen(request, *, allowed: bool):
    if not allowed:
        raise PermissionDenied
    plan, _periods, period = _selection(request, timezone.localdate())
    if plan is None or period is None:
        raise Http404(_("尚无分工方案或报送期。"))
    return plan, period


def _scores_rows(scores) -> list[list]:
    return [[s.rank, s.unit_name, s.assigned, s.expected, s.submitted, s.on_time, s.passed,
             s.returns, float(s.score)] for s in scores]


SCORE_HEADERS = ("名次", "单位", "任务数", "应报", "已报", "按时", "通过", "退回次数", "得分")


@login_required
@require_GET
def scores_export(request):
    """The scores page's table: ``?period=`` or the whole year, as on the page."""
    if not can_view_progress(request.user):
        raise PermissionDenied
    plan = review._plan(request)
    if plan is None:
        raise Http404(_("尚未导入年度方案。"))
    period = review._period(request, plan)
    title = _("%(year)s年%(period)s单位得分") % {
        "year": plan.year, "period": period.name if period else _("全年")}
    scores = unit_scores(plan=plan, period=period)
    content = table_xlsx(title=title, headers=[_(h) for h in SCORE_HEADERS],
                         rows=_scores_rows(scores), widths=(6, 24, 8, 8, 8, 8, 8, 9, 8))
    return xlsx_response(content, f"{title}.xlsx")


def _rate(part, of) -> str:
    return f"{round(100 * part / of, 1)}%" if of else ""


@login_required
@require_GET
def progress_export(request):
    """Three blocks on one sheet, as on the page: by section, late and returned, ranking."""
    plan, period = _chosen(request, allowed=can_view_progress(request.user))
    rows: list[list] = []
    for part in progress_by_section(plan=plan, period=period):
        for s in [part, *part.sections]:
            label = f"{part.number}" if s is part else f"{part.number}.{s.number}"
            rows.append([label, s.title, s.assignments, s.submitted, s.passed, s.done,
                         _rate(s.submitted, s.assignments)])
    rows.append([])
    rows.append([_("逾期与退回"), _("单位"), _("任务序号"), _("截止日期"), _("报送时间"),
                 _("退回次数"), _("审核意见")])
    for item in late_and_returned(plan=plan, period=period, today=timezone.localdate()):
        rows.append([str(LateKind(item.kind).label), item.unit_name, item.task_number,
                     item.deadline,
                     timezone.localtime(item.submitted_at) if item.submitted_at else None,
                     item.return_count, item.review_comment])
    rows.append([])
    rows.append([_(h) for h in SCORE_HEADERS])
    rows.extend(_scores_rows(unit_scores(plan=plan, period=period)))
    title = _("%(year)s年%(period)s推进情况") % {"year": plan.year, "period": period.name}
    content = table_xlsx(title=title, rows=rows, widths=(10, 40, 10, 12, 17, 9, 30),
                         headers=[_("序号"), _("部分/项目"), _("任务数"), _("已报送"),
                                  _("审核通过"), _("已完成"), _("报送率")])
    return xlsx_response(content, f"{title}.xlsx")


@login_required
@require_GET
def matrix_export(request):
    """Every task × every unit with the cell's state in words (逾期 appended)."""
    plan, period = _chosen(request, allowed=can_manage_plans(request.user))
    m = matrix(plan=plan, period=period, today=timezone.localdate())
    late = _("逾期")
    rows = ([row.task.number, row.task.text,
             *[(f"{cell.label}·{late}" if cell.late else cell.label)
               if cell.state != "unassigned" else "" for cell in row.cells]]
            for row in m.rows)
    title = _("%(year)s年%(period)s推进矩阵") % {"year": plan.year, "period": period.name}
    content = table_xlsx(title=title, rows=rows,
                         headers=[_("序号"), _("任务"), *[u.name for u in m.units]],
                         widths=(6, 40, *[12] * len(m.units)))
    return xlsx_response(content, f"{title}.xlsx")
