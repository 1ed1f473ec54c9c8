"""Passing many reports at once, and the review queue as a spreadsheet.

Batch approval is two requests: the queue posts the chosen ids and gets a page listing
exactly what would be passed (nothing changes yet); that page posts ``confirm`` and
each report then goes through ``report_pass`` on its own, the same service, transition
and audit event as a single approval. One report failing (returned meanwhile, already
passed by a colleague) does not undo the others; the result page says which passed and
which did not, and why.
"""
from functools import partial

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from gongkai.core.actions import attempt
from gongkai.core.params import parse_int
from gongkai.core.xlsx import table_xlsx, xlsx_response
from gongkai.plans.forms_reports import ReviewForm
from gongkai.plans.permissions import can_manage_plans
from gongkai.plans.selectors.review import review_queue as review_queue_of
from gongkai.plans.services.reports import report_pass
from gongkai.plans.views.review import _plan, _require, queue_listing

BATCH_MAX = 200


def _chosen_ids(request) -> list[int]:
    ids = []
    for value in request.POST.getlist("report")[:BATCH_MAX + 1]:
        number = parse_int(value, minimum=1)
        if number is not None and number not in ids:
            ids.append(number)
    return ids


@login_required
@require_POST
def review_batch(request):
    _require(can_manage_plans(request.user))
    ids = _chosen_ids(request)
    query = request.GET.urlencode()
    context = {"queue_query": query}
    if not ids:
        context["error"] = _("没有选中任何报告。请回到审核列表勾选要通过的报告。")
        return render(request, "plans/review_batch.html", context, status=400)
    if len(ids) > BATCH_MAX:
        context["error"] = _("一次最多批量通过 %(n)s 份报告。") % {"n": BATCH_MAX}
        return render(request, "plans/review_batch.html", context, status=400)
    waiting = {r.pk: r for r in review_queue_of(user=request.user).filter(pk__in=ids)}
    form = ReviewForm(request.POST if "confirm" in request.POST else None)
    if "confirm" not in request.POST or not form.is_valid():
        context.update(reports=[waiting[i] for i in ids if i in waiting],
                       gone=len([i for i in ids if i not in waiting]), form=form)
        return render(request, "plans/review_batch.html", context)
    results = []
    comment = form.cleaned_data["comment"]
    for pk in ids:
        report = waiting.get(pk)
        if report is None:
            results.append({"pk": pk, "report": None, "ok": False,
                            "message": _("该报告已不在待审核状态，或您无权审核。")})
            continue
        passed = attempt(request, partial(report_pass, report=report, actor=request.user,
                                          comment=comment), show_error=False)
        results.append({"pk": pk, "report": report, "ok": passed.ok,
                        "message": "" if passed.ok else passed.error.message})
    context.update(results=results, passed=sum(r["ok"] for r in results),
                   failed=sum(not r["ok"] for r in results))
    return render(request, "plans/review_batch_done.html", context)


def _flags(report) -> str:
    flags = []
    if report.is_late:
        flags.append(_("逾期"))
    if report.return_count:
        flags.append(_("整改后重报"))
    if report.dead_links:
        flags.append(_("失效链接 %(n)s") % {"n": report.dead_links})
    return "、".join(flags)


@login_required
@require_GET
def review_export(request):
    """Every report of the filtered queue (all pages), in the queue's order."""
    _require(can_manage_plans(request.user))
    plan = _plan(request)
    listing = queue_listing(request, plan)
    rows = ([r.assignment.unit.name, r.assignment.task.number, r.assignment.task.text,
             r.period.name, timezone.localtime(r.submitted_at) if r.submitted_at else None,
             r.get_state_display(), _flags(r), r.progress]
            for r in listing.rows)
    title = _("%(year)s年待审核报告") % {"year": plan.year} if plan else _("待审核报告")
    content = table_xlsx(title=title, rows=rows, widths=(18, 6, 48, 10, 17, 9, 18, 60),
                         headers=[_("单位"), _("任务序号"), _("具体要求"), _("报送期"),
                                  _("报送时间"), _("推进状态"), _("标记"), _("工作进展及成效")])
    return xlsx_response(content, f"{title}.xlsx")
