"""Meeting and training records (tasks 54, 55, 57): list, add with files, download."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.core.actions import attempt
from gongkai.core.downloads import stored_file_response
from gongkai.core.params import parse_int
from gongkai.orgs.models import Unit
from gongkai.reports.forms import RecordForm
from gongkai.reports.models import WorkRecordFile
from gongkai.reports.permissions import (
    can_add_record_for,
    can_view_assessment,
    work_records_visible_to,
)
from gongkai.reports.services.records import record_create


def _unit_for(request) -> Unit | None:
    if request.user.is_office_admin:
        unit_id = parse_int(request.POST.get("unit"))
        return Unit.objects.filter(pk=unit_id, is_active=True).first() if unit_id else (
            request.user.unit)
    return request.user.unit


@login_required
@require_http_methods(["GET", "POST"])
def record_list(request):
    visible = work_records_visible_to(request.user)
    may_add = request.user.is_office_admin or (request.user.is_unit_staff
                                               and request.user.unit_id is not None)
    if not may_add and not can_view_assessment(request.user):
        raise PermissionDenied
    form = RecordForm(request.POST or None)
    if request.method == "POST":
        unit = _unit_for(request) if may_add else None
        if unit is None or not can_add_record_for(request.user, unit):
            raise PermissionDenied
        if form.is_valid() and attempt(request, lambda: record_create(
                unit=unit, files=request.FILES.getlist("files"), actor=request.user,
                **form.cleaned_data), success=_("记录已保存。")).ok:
            return redirect("reports:record_list")
    records = visible.select_related("unit").prefetch_related("files")[:200]
    return render(request, "reports/record_list.html", {
        "form": form, "records": records, "may_add": may_add,
        "units": Unit.objects.filter(is_active=True) if request.user.is_office_admin
        else None}, status=400 if request.method == "POST" else 200)


@login_required
@require_GET
def record_file(request, pk: int):
    item = get_object_or_404(WorkRecordFile.objects.select_related("record"), pk=pk,
                             record__in=work_records_visible_to(request.user))
    return stored_file_response(item.file, filename=item.original_name or item.file.name,
                                content_type=item.mime_type)
