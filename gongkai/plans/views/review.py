"""The office's side: the review queue, passing or returning a report, dead links,
unit scores and their rule, and notices. Routes: ``gongkai/plans/urls.py``.

Office-only pages answer 403 to other roles (they know the page exists); a report
someone may not see at all answers 404.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.core.actions import attempt
from gongkai.core.downloads import DOCX, stored_file_response
from gongkai.core.params import int_param, year_param
from gongkai.plans.forms_reports import NoticeGenerateForm, ReviewForm, ScoringRuleForm
from gongkai.plans.lists import REVIEW_QUEUE, report_ids_in_queue
from gongkai.plans.models import Notice, Plan
from gongkai.plans.permissions import (
    can_manage_plans,
    can_view_notices,
    can_view_progress,
    reports_visible_to,
)
from gongkai.plans.selectors.review import dead_links as dead_links_of
from gongkai.plans.selectors.review import review_queue as review_queue_of
from gongkai.plans.selectors.scoring import rule_for, unit_scores
from gongkai.plans.services.notices import notice_generate as generate
from gongkai.plans.services.reports import report_pass, report_return
from gongkai.plans.services.scoring import scoring_rule_update


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _plan(request) -> Plan | None:
    """The plan of ?year=, else the latest one (None before any import)."""
    year = year_param(request.GET)
    if year:
        return get_object_or_404(Plan, year=year)
    return Plan.objects.order_by("-year").first()


def _period(request, plan: Plan | None):
    period_id = int_param(request.GET, "period")
    if plan is None or period_id is None:
        return None
    return plan.periods.filter(pk=period_id).first()


def queue_listing(request, plan: Plan | None):
    """The review queue as the filters, sort and page in the URL ask (``plans.lists``)."""
    reports = review_queue_of(user=request.user)
    if plan is not None:
        reports = reports.filter(period__plan=plan)
    year = plan.year if plan is not None and year_param(request.GET) else None
    return REVIEW_QUEUE.read(request, reports, keep={"year": year}, plan=plan,
                             reports=reports)


@login_required
@require_GET
def review_queue(request):
    _require(can_manage_plans(request.user))
    plan = _plan(request)
    listing = queue_listing(request, plan)
    return render(request, "plans/review_queue.html", {
        "plan": plan, "listing": listing, "reports": listing.page,
    })


def _next_in_queue(request, plan: Plan | None, order: list[int], done: int) -> str:
    """The review page of the first report after ``done`` in the same filtered queue
    that is still waiting, else the first waiting one, else the queue itself."""
    listing = queue_listing(request, plan)
    waiting = set(listing.rows.values_list("pk", flat=True))
    after = order[order.index(done) + 1:] if done in order else []
    following = next((pk for pk in after if pk in waiting), None)
    following = following or next((pk for pk in order if pk in waiting), None)
    query = request.GET.urlencode()
    if following is None:
        messages.info(request, _("当前筛选条件下已没有待审核的报告。"))
        return reverse("plans:review_queue") + (f"?{query}" if query else "")
    return reverse("plans:report_review", args=[following]) + (f"?{query}" if query else "")


def _decide(report, action: str, comment: str, actor) -> None:
    if action == "pass":
        report_pass(report=report, actor=actor, comment=comment)
    else:
        report_return(report=report, actor=actor, reason=comment)


@login_required
@require_http_methods(["GET", "POST"])
def report_review(request, pk: int):
    report = get_object_or_404(
        reports_visible_to(request.user).select_related(
            "assignment__unit", "assignment__task", "period__plan"), pk=pk)
    _require(can_manage_plans(request.user))
    plan = report.period.plan
    order = report_ids_in_queue(queue_listing(request, plan).rows)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action, _sep, then = (request.POST.get("action") or "").partition("_")
        comment = form.cleaned_data["comment"]
        if action not in ("pass", "return"):
            messages.error(request, _("无法识别的操作。"))
        elif attempt(request, lambda: _decide(report, action, comment, request.user),
                     success=_("已审核通过。") if action == "pass"
                     else _("已退回整改，单位将看到退回理由。")).ok:
            if then == "next":
                return redirect(_next_in_queue(request, plan, order, report.pk))
            query = request.GET.urlencode()
            return redirect(reverse("plans:review_queue") + (f"?{query}" if query else ""))
    position = order.index(report.pk) if report.pk in order else None
    query = request.GET.urlencode()
    return render(request, "plans/review_report.html", {
        "report": report, "evidence": list(report.evidence.all()), "review_form": form,
        "can_review": True, "queue_query": query,
        "queue_position": None if position is None else position + 1,
        "queue_length": len(order),
        "skip_to": order[position + 1] if position is not None and position + 1 < len(order)
        else None,
    }, status=200 if request.method == "GET" else 400)


@login_required
@require_GET
def dead_links(request):
    plan = _plan(request)
    return render(request, "plans/report_dead_links.html", {
        "plan": plan, "links": dead_links_of(user=request.user, plan=plan),
    })


@login_required
@require_http_methods(["GET", "POST"])
def scores(request):
    _require(can_view_progress(request.user))
    plan = _plan(request)
    if plan is None:
        raise Http404(_("尚未导入年度方案。"))
    rule = rule_for(plan)
    initial = {f: getattr(rule, f) for f in ("on_time_points", "passed_points",
                                              "completeness_points", "return_penalty")}
    rule_form = ScoringRuleForm(request.POST or None, initial=initial)
    if request.method == "POST":
        _require(can_manage_plans(request.user))
        if rule_form.is_valid():
            if attempt(request, lambda: scoring_rule_update(
                    plan=plan, actor=request.user, **rule_form.cleaned_data),
                    success=_("评分规则已更新。")).ok:
                return redirect(request.get_full_path())
    period = _period(request, plan)
    return render(request, "plans/scores.html", {
        "plan": plan, "period": period, "periods": plan.periods.all(),
        "scores": unit_scores(plan=plan, period=period), "rule": rule,
        "rule_form": rule_form, "can_manage": can_manage_plans(request.user),
    })


@login_required
@require_GET
def notice_list(request):
    _require(can_view_notices(request.user))
    notices = Notice.objects.select_related("plan", "period", "created_by").prefetch_related(
        "praised", "criticised")
    return render(request, "plans/notice_list.html", {
        "notices": notices, "can_manage": can_manage_plans(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def notice_generate(request):
    _require(can_manage_plans(request.user))
    plan = _plan(request)
    if plan is None:
        raise Http404(_("尚未导入年度方案。"))
    form = NoticeGenerateForm(request.POST or None, periods=plan.periods.all())
    if request.method == "POST" and form.is_valid():
        if attempt(request, lambda: generate(plan=plan, actor=request.user,
                                             **form.cleaned_data),
                   success=lambda notice: _("通报“%(title)s”已生成。")
                   % {"title": notice.title}).ok:
            return redirect("plans:notice_list")
    return render(request, "plans/notice_generate.html", {"plan": plan, "form": form})


@login_required
@require_GET
def notice_download(request, pk: int):
    _require(can_view_notices(request.user))
    notice = get_object_or_404(Notice.objects.exclude(file=""), pk=pk)
    return stored_file_response(notice.file, filename=f"{notice.title}.docx", content_type=DOCX)
