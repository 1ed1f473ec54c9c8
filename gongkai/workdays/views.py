
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.core.actions import attempt
from gongkai.core.params import year_param
from gongkai.workdays.forms import DayForm, YearForm
from gongkai.workdays.models import CalendarYear, SpecialDay
from gongkai.workdays.permissions import can_edit_calendar, can_view_calendar
from gongkai.workdays.services import calendar_year_load, special_day_set


@login_required
@require_http_methods(["GET", "POST"])
def calendar(request):
    """The years loaded, one year's exceptional dates, and the office's edit forms."""
    if not can_view_calendar(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    year = year_param(request.GET, default=today.year)
    year_form, day_form = YearForm(prefix="y"), DayForm(prefix="d")
    if request.method == "POST":
        if not can_edit_calendar(request.user):
            raise PermissionDenied
        handled = _post(request, year)
        if handled is not None:
            return handled
        year_form = YearForm(request.POST, prefix="y") if "load_year" in request.POST \
            else year_form
        day_form = DayForm(request.POST, prefix="d") if "set_day" in request.POST \
            else day_form
    return render(request, "workdays/calendar.html", {
        "year": year, "loaded": CalendarYear.objects.filter(year=year).first(),
        "years": CalendarYear.objects.order_by("-year"),
        "days": SpecialDay.objects.filter(date__year=year).order_by("date"),
        "editable": can_edit_calendar(request.user),
        "year_form": year_form, "day_form": day_form,
    }, status=400 if request.method == "POST" else 200)


def _post(request, year: int):
    """Apply a valid form and redirect; None when the form has errors to show."""
    if "load_year" in request.POST:
        form = YearForm(request.POST, prefix="y")
        if not form.is_valid():
            return None
        data = form.cleaned_data
        loaded = attempt(request, lambda: calendar_year_load(
            year=data["year"], holidays=data["holidays"], workdays=data["workdays"],
            source=data["source"], actor=request.user),
            success=_("%(y)s年节假日安排已载入，在办事项的期限已重新计算。") % {"y": data["year"]})
        if not loaded.ok:
            return None
        return redirect(f"{request.path}?year={data['year']}")
    form = DayForm(request.POST, prefix="d")
    if not form.is_valid():
        return None
    data = form.cleaned_data
    is_workday = {"holiday": False, "workday": True, "normal": None}[data["kind"]]
    special_day_set(date=data["date"], is_workday=is_workday, name=data["name"],
                    actor=request.user)
    messages.success(request, _("%(d)s 已调整，在办事项的期限已重新计算。")
                     % {"d": data["date"].isoformat()})
    return redirect(f"{request.path}?year={data['date'].year}")

