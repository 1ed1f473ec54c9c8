"""Office lists and unit figures: gazette issues, the public-enterprise column, the
table-二 figures each unit enters, and the statistics page (table 二 and 三同步)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.core.actions import attempt
from gongkai.core.errors import ApplicationError
from gongkai.core.params import parse_int
from gongkai.orgs.models import Unit
from gongkai.policies import permissions as perms
from gongkai.policies import services
from gongkai.policies.forms import (
    DecisionCountForm,
    EnterpriseForm,
    GazetteAddForm,
    GazetteIssueForm,
)
from gongkai.policies.models import AnnualDecisionCount, GazetteIssue, PublicEnterprise
from gongkai.policies.selectors import (
    same_day_interpretation_share,
    table_two,
    table_two_by_unit,
)


def _require_office(user) -> None:
    if not perms.can_manage_district_lists(user):
        raise PermissionDenied


def _year(request) -> int:
    try:
        year = int(request.POST.get("year") or request.GET.get("year", ""))
    except ValueError:
        year = timezone.localdate().year
    return year if 1949 <= year <= 2199 else timezone.localdate().year


@login_required
@require_http_methods(["GET", "POST"])
def gazette_list(request):
    _require_office(request.user)
    form = GazetteIssueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        issue = attempt(request, lambda: services.gazette_issue_create(
            actor=request.user, **form.cleaned_data))
        if issue.ok:
            return redirect("policies:gazette_edit", pk=issue.value.pk)
    issues = GazetteIssue.objects.all()
    return render(request, "policies/staff_gazette_list.html", {"issues": issues, "form": form})


def _gazette_action(request, issue: GazetteIssue) -> None:
    action = request.POST.get("action")
    if action == "add":
        form = GazetteAddForm(request.POST)
        if not form.is_valid():
            raise ApplicationError(_("请填写文件编号。"))
        document = perms.documents_visible_to(request.user).filter(
            pk=form.cleaned_data["document"]).first()
        if document is None:
            raise ApplicationError(_("找不到该已发布文件。"))
        services.gazette_add_document(issue=issue, document=document, actor=request.user)
    elif action == "remove":
        entry = get_object_or_404(issue.entries, pk=request.POST.get("entry"))
        services.gazette_remove_document(entry=entry, actor=request.user)
    elif action == "update":
        form = GazetteIssueForm(request.POST)
        if not form.is_valid():
            raise ApplicationError(_("请检查填写的内容。"))
        services.gazette_issue_update(issue=issue, actor=request.user,
                                      title=form.cleaned_data["title"],
                                      published_on=form.cleaned_data["published_on"])
    else:
        raise ApplicationError(_("未知的操作。"))


@login_required
@require_http_methods(["GET", "POST"])
def gazette_edit(request, pk: int):
    _require_office(request.user)
    issue = get_object_or_404(GazetteIssue, pk=pk)
    if request.method == "POST":
        attempt(request, lambda: _gazette_action(request, issue))
        return redirect("policies:gazette_edit", pk=pk)
    form = GazetteIssueForm(initial={"year": issue.year, "number": issue.number,
                                     "title": issue.title, "published_on": issue.published_on})
    return render(request, "policies/staff_gazette_edit.html", {
        "issue": issue, "form": form, "add_form": GazetteAddForm(),
        "entries": issue.entries.select_related("document")})


@login_required
@require_http_methods(["GET", "POST"])
def enterprise_list(request):
    _require_office(request.user)
    form = EnterpriseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "order": form.cleaned_data["order"] or 0}
        if attempt(request, lambda: services.enterprise_create(actor=request.user, **data),
                   success=_("已添加。")).ok:
            return redirect("policies:enterprise_list")
    return render(request, "policies/staff_enterprise_list.html", {
        "enterprises": PublicEnterprise.objects.select_related("supervisor"), "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def enterprise_edit(request, pk: int):
    _require_office(request.user)
    enterprise = get_object_or_404(PublicEnterprise, pk=pk)
    if request.method == "POST" and request.POST.get("action") == "delete":
        services.enterprise_delete(enterprise=enterprise, actor=request.user)
        messages.success(request, _("已删除。"))
        return redirect("policies:enterprise_list")
    form = EnterpriseForm(request.POST or None, initial={
        f: getattr(enterprise, f) for f in ("name", "field", "url", "supervisor", "note",
                                            "order")})
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "order": form.cleaned_data["order"] or 0}
        if attempt(request, lambda: services.enterprise_update(
                enterprise=enterprise, actor=request.user, **data), success=_("已保存。")).ok:
            return redirect("policies:enterprise_list")
    return render(request, "policies/staff_enterprise_edit.html",
                  {"enterprise": enterprise, "form": form})


def _unit_for_counts(request) -> Unit:
    """The office may enter any unit's figures; unit staff only their own."""
    user = request.user
    unit = user.unit
    wanted = parse_int(request.POST.get("unit") or request.GET.get("unit"))
    if user.is_office_admin and wanted is not None:
        unit = get_object_or_404(Unit, pk=wanted)
    if unit is None or not perms.can_enter_decision_counts(user, unit):
        raise PermissionDenied
    return unit


@login_required
@require_http_methods(["GET", "POST"])
def decision_counts(request):
    unit = _unit_for_counts(request)
    year = _year(request)
    record = AnnualDecisionCount.objects.filter(unit=unit, year=year).first()
    initial = {f: getattr(record, f) for f in DecisionCountForm.base_fields} if record else {}
    form = DecisionCountForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if attempt(request, lambda: services.decision_counts_set(
                unit=unit, year=year, actor=request.user, **form.cleaned_data),
                success=_("已保存。")).ok:
            return redirect(f"{request.path}?year={year}&unit={unit.pk}")
    return render(request, "policies/staff_decision_counts.html", {
        "unit": unit, "year": year, "form": form, "record": record,
        "units": Unit.objects.filter(is_active=True) if request.user.is_office_admin else [],
    })


@login_required
@require_GET
def stats(request):
    user = request.user
    if not perms.can_manage_documents(user):
        raise PermissionDenied
    year = _year(request)
    unit = None if user.is_office_admin else user.unit
    return render(request, "policies/staff_stats.html", {
        "year": year, "unit": unit,
        "total": table_two(year=year, unit=unit),
        "rows": table_two_by_unit(year=year, unit=unit),
        "shares": same_day_interpretation_share(year=year, unit=unit),
    })
