"""The ledger (工作台账): a unit's own tasks with their breakdown, or the whole district's
for the office and supervisors; its .xlsx export; editing one breakdown; and the
template download / upload that fills many breakdowns at once.

Every list starts from ``assignments_visible_to``; every change asks
``can_edit_breakdown``. A unit's staff never learn that another unit's row exists
(404), while a role that may never edit gets 403.
"""
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.core.actions import attempt
from gongkai.core.lists import SEARCH_MAX
from gongkai.core.params import parse_int, year_param
from gongkai.orgs.models import Unit
from gongkai.plans import exports
from gongkai.plans.forms_ledger import BreakdownForm, BreakdownUploadForm
from gongkai.plans.models import Part, Plan, ProgressState, ReportStatus
from gongkai.plans.permissions import (
    assignments_visible_to,
    can_edit_breakdown,
    can_edit_breakdowns_of,
    can_manage_plans,
    can_view_progress,
    reports_visible_to,
)
from gongkai.plans.selectors.ledger import LedgerFilters, ledger_filtered
from gongkai.plans.services.ledger import (
    BREAKDOWN_FIELDS,
    breakdown_update,
    breakdowns_import_xlsx,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGE_SIZE = 200


def _require_ledger_reader(user) -> None:
    if not (can_view_progress(user) or (user.unit_id and (user.is_unit_staff
                                                          or user.is_reviewer))):
        raise PermissionDenied


def _plan(request, *, required: bool = True) -> Plan | None:
    """The plan of ?year=, else the latest one."""
    year = year_param(request.GET) or year_param(request.POST)
    if year:
        return get_object_or_404(Plan, year=year)
    plan = Plan.objects.order_by("-year").first()
    if plan is None and required:
        raise Http404(_("尚未导入年度方案。"))
    return plan


def _int(value) -> int | None:
    return parse_int(value, minimum=1)


# The ledger's allow-listed sorts: key → the row attributes compared, in order.
SORTS = {"task": ("task_number", "unit_name"), "unit": ("unit_name", "task_number"),
         "due": ("due_on", "task_number")}


def _sort(request) -> str:
    key = request.GET.get("sort", "")
    return key if key.lstrip("-") in SORTS else "task"


def _search(request) -> str:
    text = request.GET.get("q", "").strip()
    return text if len(text) <= SEARCH_MAX else ""


def _filters(request) -> LedgerFilters:
    """The office's and supervisors' filters; a unit's own ledger is not filtered by
    unit, its queryset already holds only its rows."""
    get = request.GET
    state = get.get("state", "")
    status = get.get("status", "")
    return LedgerFilters(
        unit_id=_int(get.get("unit")) if can_view_progress(request.user) else None,
        part_number=_int(get.get("part")),
        state=state if state in {*ProgressState.values, "none"} else "",
        status=status if status in ReportStatus.values else "",
        late_only=get.get("late") == "1",
        q=_search(request),
    )


def _rows(request, plan: Plan, filters: LedgerFilters) -> list:
    user = request.user
    rows = ledger_filtered(plan=plan, assignments=assignments_visible_to(user),
                           reports=reports_visible_to(user), filters=filters)
    sort = _sort(request)
    if sort != "task":
        fields = SORTS[sort.lstrip("-")]
        # Rows without a date sort after dated ones (before them when reversed).
        rows.sort(key=lambda r: tuple((getattr(r, f) is None, getattr(r, f) or 0)
                                      if f == "due_on" else getattr(r, f) for f in fields),
                  reverse=sort.startswith("-"))
    return rows


def _title(plan: Plan, unit: Unit | None) -> str:
    """“<unit or district>2022年政务公开工作要点落实台账”; the district is the part of the
    plan's title before its year (广州市黄埔区广州开发区)."""
    if unit is None:
        head = plan.title.split(f"{plan.year}年", 1)[0]
        head = re.sub(r"^.*关于印发", "", head)
    else:
        head = unit.name
    return f"{head}{plan.year}年政务公开工作要点落实台账"


def _title_unit(request, filters: LedgerFilters) -> Unit | None:
    if filters.unit_id:
        return Unit.objects.filter(pk=filters.unit_id).first()
    if not can_view_progress(request.user):
        return request.user.unit
    return None


@login_required
def ledger(request):
    _require_ledger_reader(request.user)
    plan = _plan(request, required=False)
    if plan is None:
        return render(request, "plans/ledger.html", {"plan": None})
    filters = _filters(request)
    rows = _rows(request, plan, filters)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    district = can_view_progress(request.user)
    editable = {uid for uid in {r.unit_id for r in page}
                if can_edit_breakdowns_of(request.user, Unit(pk=uid))}
    query = request.GET.copy()
    query.pop("page", None)
    ignored = []
    if request.GET.get("q", "").strip() and not filters.q:
        ignored.append(_("搜索"))
    if request.GET.get("sort") and request.GET["sort"].lstrip("-") not in SORTS:
        ignored.append(_("排序"))
    return render(request, "plans/ledger.html", {
        "plan": plan, "page": page, "editable": editable, "district": district,
        "title": _title(plan, _title_unit(request, filters)), "filters": filters,
        "query": query.urlencode(), "ignored": ignored, "sort": _sort(request),
        "sort_choices": [("task", _("按任务序号")), ("unit", _("按单位")),
                         ("due", _("按完成时限（早到晚）")), ("-due", _("按完成时限（晚到早）"))],
        "q": filters.q, "years": Plan.objects.values_list("year", flat=True),
        "units": Unit.objects.filter(assignments__task__plan=plan).distinct()
        if district else [],
        "parts": Part.objects.filter(plan=plan).order_by("number"),
        "states": ProgressState.choices, "statuses": ReportStatus.choices,
        "may_upload": request.user.is_unit_staff or can_manage_plans(request.user),
    })


@login_required
def ledger_export(request):
    """Exactly the rows the user sees on the page, with the same filters, as .xlsx."""
    _require_ledger_reader(request.user)
    plan = _plan(request)
    filters = _filters(request)
    title = _title(plan, _title_unit(request, filters))
    content = exports.ledger_workbook(_rows(request, plan, filters), title=title)
    return _xlsx_response(content, f"{title}.xlsx")


def _xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def breakdown_edit(request, pk: int):
    assignment = get_object_or_404(
        assignments_visible_to(request.user).select_related("task__section__part", "unit"),
        pk=pk)
    if not can_edit_breakdown(request.user, assignment):
        raise Http404
    initial = {name: getattr(assignment, name) for name in BREAKDOWN_FIELDS}
    initial["version"] = assignment.version
    form = BreakdownForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        opened = assignment.version
        if attempt(request, lambda: breakdown_update(
                assignment=assignment, actor=request.user, version=form.opened_version(),
                **form.cleaned_data), form=form, conflict=form).ok:
            # Say what happened: an empty or unchanged form stores nothing.
            if assignment.version != opened:
                messages.success(request, _("已保存第%(n)s项任务的分解。")
                                 % {"n": assignment.task.number})
                return redirect(_ledger_url(assignment.task.plan.year))
            if not any(form.cleaned_data.get(name) for name in BREAKDOWN_FIELDS):
                form.add_error(None, _("没有填写任何内容，未保存。请至少填写工作措施或任务目标。"))
            else:
                messages.info(request, _("第%(n)s项任务的分解没有变化，无需保存。")
                              % {"n": assignment.task.number})
                return redirect(_ledger_url(assignment.task.plan.year))
    return render(request, "plans/breakdown_edit.html",
                  {"assignment": assignment, "task": assignment.task, "form": form})


def _ledger_url(year: int) -> str:
    return f"{reverse('plans:ledger')}?{urlencode({'year': year})}"


def _target_unit(request) -> Unit | None:
    """The unit whose breakdowns are downloaded or uploaded: unit staff always their
    own (asking for another is 404); the office picks one with ?unit=."""
    user = request.user
    asked = _int(request.GET.get("unit") or request.POST.get("unit"))
    if user.is_unit_staff:
        if asked and asked != user.unit_id:
            raise Http404
        unit = user.unit
    elif can_manage_plans(user):
        unit = get_object_or_404(Unit, pk=asked) if asked else None
    else:
        raise PermissionDenied
    if unit is not None and not can_edit_breakdowns_of(user, unit):
        raise PermissionDenied
    return unit


@login_required
def breakdown_template(request):
    unit = _target_unit(request)
    plan = _plan(request)
    if unit is None:
        messages.error(request, _("请先选择要下载模板的单位。"))
        return redirect(reverse("plans:breakdown_upload"))
    rows = ledger_filtered(plan=plan, assignments=assignments_visible_to(request.user),
                           reports=reports_visible_to(request.user),
                           filters=LedgerFilters(unit_id=unit.pk))
    title = _title(plan, unit)
    return _xlsx_response(exports.breakdown_template(rows, title=title), f"{title}（填报模板）.xlsx")


@login_required
@require_http_methods(["GET", "POST"])
def breakdown_upload(request):
    unit = _target_unit(request)
    plan = _plan(request)
    form = BreakdownUploadForm(request.POST or None, request.FILES or None)
    context = {"plan": plan, "unit": unit, "form": form, "errors": [],
               "units": Unit.objects.filter(assignments__task__plan=plan).distinct()
               if can_manage_plans(request.user) else []}
    if request.method != "POST":
        return render(request, "plans/breakdown_upload.html", context)
    if unit is None:
        form.add_error(None, _("请选择单位。"))
    elif form.is_valid():
        imported = attempt(request, lambda: breakdowns_import_xlsx(
            plan=plan, unit=unit, actor=request.user, file=form.cleaned_data["file"]),
            form=form, field="file")
        if imported.ok:
            result = imported.value
            if result.ok:
                messages.success(request, _("导入完成：%(u)s项任务已更新，%(k)s项无变化。")
                                 % {"u": result.updated, "k": result.unchanged})
                return redirect(_ledger_url(plan.year))
            context["errors"] = result.errors
    return render(request, "plans/breakdown_upload.html", context, status=400)
