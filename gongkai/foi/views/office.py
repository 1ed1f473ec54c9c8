"""The office's pages: open applications across units, annual-report statistics, and
the reconsideration and litigation records of an application. Reads come from the
selectors, writes go through the services; this module only decides who may look."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.core.actions import attempt
from gongkai.core.dates import chinese_date
from gongkai.core.params import int_param
from gongkai.foi.exports import stats_workbook
from gongkai.foi.forms_office import AppealDecideForm, AppealForm
from gongkai.foi.models import Appeal
from gongkai.foi.permissions import (
    applications_visible_to,
    can_handle_application,
    can_manage_foi,
    can_view_foi_stats,
)
from gongkai.foi.selectors.overview import open_overview
from gongkai.foi.selectors.stats import (
    RESULT_COLUMNS,
    check_consistency,
    report_year,
    table_four,
    table_three,
)
from gongkai.foi.services.appeals import appeal_decide, appeal_record
from gongkai.orgs.models import Unit
from gongkai.workdays.selectors import calendar_from_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHOW_FILTERS = {
    "overdue": lambda i: i.overdue,
    "soon": lambda i: i.due_soon,
    "extended": lambda i: i.extended,
    "provisional": lambda i: i.provisional,
    "stopped": lambda i: i.stopped,
    "pending": lambda i: i.pending,
}


def _application_url(application) -> str:
    try:
        return reverse("foi:staff_detail", args=[application.pk])
    except NoReverseMatch:
        return reverse("foi:appeal_add", args=[application.pk])


def _due_text(application) -> str:
    if application.received_on is None:
        return _("待确认收到后起算")
    if application.due_on is None:
        return _("暂停计算")
    text = chinese_date(application.due_on)
    return text + _("（暂定）") if application.due_provisional else text


def _chosen_unit(request) -> Unit | None:
    value = int_param(request.GET, "unit")
    return get_object_or_404(Unit, pk=value) if value is not None else None


def overview_selection(request):
    """(unit, overview, show, items) as ``?unit=`` and ``?show=`` ask: the page and its
    .xlsx export read the same selection."""
    if not can_manage_foi(request.user):
        raise PermissionDenied
    unit = _chosen_unit(request)
    overview = open_overview(today=timezone.localdate(), calendar=calendar_from_db(),
                             unit=unit)
    show = request.GET.get("show", "")
    show = show if show in SHOW_FILTERS else ""
    keep = SHOW_FILTERS.get(show, lambda i: True)
    items = [{"item": i, "url": _application_url(i.application),
              "received": chinese_date(i.application.received_on)
              if i.application.received_on else _("待确认"),
              "due": _due_text(i.application)}
             for i in overview.items if keep(i)]
    return unit, overview, show, items


@login_required
def office_overview(request):
    """Every open application by unit: days left, due soon, overdue, extended."""
    unit, overview, show, items = overview_selection(request)
    return render(request, "foi/office_overview.html", {
        "overview": overview, "items": items, "unit": unit, "show": show,
        "today_text": chinese_date(overview.today),
        "units": Unit.objects.filter(is_active=True),
        "filters": [("", _("全部")), ("overdue", _("已逾期")), ("soon", _("即将到期")),
                    ("extended", _("已延期")), ("provisional", _("期限暂定")),
                    ("stopped", _("暂停计算"))],
    })


def _three_layout(three) -> list[dict]:
    """Table 三's rows for the page: label cells with their row and column spans, as
    the template prints them (三 and （三）…（六） span their sub-rows)."""
    rows, keys = [], [c.key for c in three.columns]
    section_rows = sum(1 for r in three.rows if r.section)
    for i, row in enumerate(three.rows):
        previous = three.rows[i - 1] if i else None
        labels = []
        if not row.section:
            labels.append((row.label, 1, 3))
        else:
            if previous is None or not previous.section:
                labels.append((row.section, section_rows, 1))
            if not row.group:
                labels.append((row.label, 1, 2))
            else:
                if previous is None or previous.group != row.group:
                    span = sum(1 for r in three.rows if r.group == row.group)
                    labels.append((row.group, span, 1))
                labels.append((row.label, 1, 1))
        rows.append({"key": row.key, "labels": labels,
                     "values": [row.values[k] for k in keys]})
    return rows


def _four_groups(four) -> list[tuple[str, list]]:
    """行政复议 and 行政诉讼 with their blocks, for the two header rows."""
    groups: list[tuple[str, list]] = []
    for block in four.blocks:
        if not groups or groups[-1][0] != block.label:
            groups.append((block.label, []))
        groups[-1][1].append(block)
    return groups


def _stats_selection(request):
    """(year, unit) asked for, defaulting to last year and, for unit staff, their unit."""
    today = timezone.localdate()
    year = today.year - 1
    if request.GET.get("year"):
        asked = attempt(request, lambda: report_year(request.GET["year"], today=today))
        year = asked.value if asked.ok else year
    unit = _chosen_unit(request)
    if unit is None and not can_manage_foi(request.user):
        unit = request.user.unit
    if not can_view_foi_stats(request.user, unit):
        raise PermissionDenied
    return year, unit


@login_required
def stats(request):
    """Annual-report tables 三 and 四 of a unit or the district, with the .xlsx."""
    year, unit = _stats_selection(request)
    three = table_three(year=year, unit=unit)
    four = table_four(year=year, unit=unit)
    name = unit.name if unit else _("全区")
    title = _("%(name)s%(year)d年政府信息公开工作年度报告统计表") % {"name": name, "year": year}
    if request.GET.get("download") == "xlsx":
        response = HttpResponse(stats_workbook(three=three, four=four, title=title),
                                content_type=XLSX)
        response["Content-Disposition"] = content_disposition_header(True, f"{title}.xlsx")
        return response
    units = (Unit.objects.filter(is_active=True) if can_manage_foi(request.user)
             else Unit.objects.filter(pk=unit.pk))
    return render(request, "foi/stats.html", {
        "year": year, "unit": unit, "title": title, "three": three, "four": four,
        "three_rows": _three_layout(three), "four_groups": _four_groups(four),
        "result_columns": RESULT_COLUMNS,
        "problems": check_consistency(three), "units": units,
        "may_choose_district": can_manage_foi(request.user),
    })


def _handled_application(request, pk: int):
    application = get_object_or_404(applications_visible_to(request.user), pk=pk)
    if not can_handle_application(request.user, application):
        raise PermissionDenied
    return application


@login_required
@require_http_methods(["GET", "POST"])
def appeal_add(request, pk: int):
    """The reconsideration and litigation cases of one application, and a new one."""
    application = _handled_application(request, pk)
    form = AppealForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if attempt(request, lambda: appeal_record(
                application=application, actor=request.user, **form.cleaned_data),
                success=_("已登记复议或诉讼。")).ok:
            return redirect("foi:appeal_add", pk=application.pk)
    return render(request, "foi/office_appeals.html", {
        "application": application, "form": form,
        "appeals": application.appeals.all(),
        "received": chinese_date(application.received_on),
        "replied": chinese_date(application.replied_on),
    })


@login_required
@require_http_methods(["GET", "POST"])
def appeal_decide_view(request, pk: int):
    """Enter the result of a pending case."""
    appeal = get_object_or_404(Appeal.objects.select_related("application"), pk=pk)
    application = _handled_application(request, appeal.application_id)
    form = AppealDecideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if attempt(request, lambda: appeal_decide(appeal=appeal, actor=request.user,
                                                  **form.cleaned_data),
                   success=_("已登记审结结果。")).ok:
            return redirect("foi:appeal_add", pk=application.pk)
    return render(request, "foi/office_appeal_decide.html", {
        "application": application, "appeal": appeal, "form": form,
        "filed": chinese_date(appeal.filed_on),
    })
