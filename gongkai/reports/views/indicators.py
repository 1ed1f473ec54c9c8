"""The office links plan tasks to indicators with targets; anyone allowed sees the
records behind a measured number."""
import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.core.actions import attempt
from gongkai.core.params import parse_int
from gongkai.orgs.models import Unit
from gongkai.plans.models import Plan, Task
from gongkai.reports import registry
from gongkai.reports.forms import LinkForm
from gongkai.reports.models import IndicatorLink
from gongkai.reports.permissions import can_manage_indicators, can_view_records_of
from gongkai.reports.selectors.progress import measured_progress
from gongkai.reports.services.links import link_delete, link_save

MAX_RECORDS = 500


def _plan(request) -> Plan | None:
    year = parse_int(request.GET.get("year") or request.POST.get("year"))
    plans = Plan.objects.all()
    return (plans.filter(year=year).first() if year else None) or plans.first()


@login_required
@require_http_methods(["GET", "POST"])
def links(request):
    if not can_manage_indicators(request.user):
        raise PermissionDenied
    plan = _plan(request)
    form = LinkForm(request.POST or None)
    if request.method == "POST" and plan is not None:
        if request.POST.get("action") == "delete":
            link = get_object_or_404(IndicatorLink, pk=parse_int(request.POST.get("link")),
                                     task__plan=plan)
            attempt(request, lambda: link_delete(link=link, actor=request.user),
                    success=_("已取消关联。"))
            return redirect(f"{request.path}?year={plan.year}")
        if form.is_valid():
            task = Task.objects.filter(plan=plan, number=form.cleaned_data["task"]).first()
            if task is None:
                form.add_error("task", _("%(y)d年方案中没有该序号的任务。") % {"y": plan.year})
            elif attempt(request, lambda: link_save(
                    task=task, indicator=form.cleaned_data["indicator"],
                    direction=form.cleaned_data["direction"],
                    district_target=form.cleaned_data["district_target"],
                    unit_target=form.cleaned_data["unit_target"], actor=request.user),
                    success=_("已关联指标并设定目标。")).ok:
                return redirect(f"{request.path}?year={plan.year}")
    rows = []
    if plan is not None:
        measured = measured_progress(year=plan.year)
        for link in IndicatorLink.objects.filter(task__plan=plan).select_related("task"):
            indicator = registry.get(link.indicator)
            figures = measured.figures(link.task.number, None)
            figure = next((f for f in figures if f.indicator == link.indicator), None)
            rows.append({"link": link, "indicator": indicator, "district": figure})
    return render(request, "reports/links.html", {
        "plan": plan, "years": Plan.objects.values_list("year", flat=True), "form": form,
        "rows": rows}, status=400 if form.errors else 200)


def _date(value, default: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value)) if value else default
    except ValueError:
        return default


@login_required
@require_GET
def records(request, key: str):
    """The records counted in a measured number, for one unit (or the district)."""
    indicator = registry.get(key)
    if indicator is None:
        raise Http404
    unit_id = parse_int(request.GET.get("unit"))
    if not can_view_records_of(request.user, unit_id):
        raise PermissionDenied
    today = timezone.localdate()
    start = _date(request.GET.get("start"), dt.date(today.year, 1, 1))
    end = _date(request.GET.get("end"), today)
    unit = Unit.objects.filter(pk=unit_id).first() if unit_id else None
    qs = indicator.records_of(unit_id=unit_id, start=start, end=end)
    items = list(qs[:MAX_RECORDS])
    per_unit = indicator.per_unit(start=start, end=end)
    value = per_unit.get(unit_id, 0) if unit_id else indicator.for_district(
        start=start, end=end, per_unit=per_unit)
    return render(request, "reports/records.html", {
        "indicator": indicator, "unit": unit, "start": start, "end": end, "items": items,
        "value": value, "truncated": len(items) == MAX_RECORDS})
