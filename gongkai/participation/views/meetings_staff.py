"""The staff side of decision meetings: record and announce meetings, add invited
representatives, select among the public's sign-ups, record the meeting as held; the
office's view of who has met the year's target.

Every page starts from ``meetings_visible_to``: another unit's meeting is a 404."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.actions import attempt
from gongkai.core.params import year_param
from gongkai.participation import permissions as perms
from gongkai.participation.forms_consultations import (
    CancelForm,
    MeetingForm,
    RepresentativeForm,
)
from gongkai.participation.models import MeetingTarget, Representative, SignUp
from gongkai.participation.selectors.meetings import target_progress
from gongkai.participation.services import meetings as svc


def _meeting(request, pk: int):
    meeting = get_object_or_404(
        perms.meetings_visible_to(request.user).select_related("unit"), pk=pk)
    if not perms.can_manage_meeting(request.user, meeting):
        raise PermissionDenied
    return meeting


@login_required
def staff_list(request):
    if not perms.can_create_meeting(request.user):
        raise PermissionDenied
    meetings = perms.meetings_visible_to(request.user).select_related("unit")
    return render(request, "participation/meeting_staff_list.html", {
        "meetings": meetings, "may_see_targets": perms.can_view_meeting_targets(request.user)})


def _form(request, instance=None):
    return MeetingForm(request.POST or None, instance=instance,
                       may_record_district=perms.can_record_for_district_government(
                           request.user))


@login_required
def staff_create(request):
    if not perms.can_create_meeting(request.user) or request.user.unit_id is None:
        raise PermissionDenied
    form = _form(request)
    if request.method == "POST" and form.is_valid():
        meeting = attempt(request, lambda: svc.meeting_create(
            unit=request.user.unit, actor=request.user, **form.cleaned_data),
            form=form, success=_("会议已保存。"))
        if meeting.ok:
            return redirect("participation:staff_meeting", pk=meeting.value.pk)
    return render(request, "participation/meeting_staff_form.html", {"form": form},
                  status=400 if form.errors else 200)


@login_required
def staff_edit(request, pk: int):
    meeting = _meeting(request, pk)
    form = _form(request, instance=meeting)
    if request.method == "POST" and form.is_valid():
        fresh = _meeting(request, pk)
        saved = attempt(request, lambda: svc.meeting_update(
            meeting=fresh, actor=request.user, version=form.opened_version(),
            **{k: v for k, v in form.cleaned_data.items()
               if k != "version" and v != form.initial.get(k)}),
            form=form, conflict=form, success=_("已保存。"))
        if saved.ok:
            return redirect("participation:staff_meeting", pk=pk)
    return render(request, "participation/meeting_staff_form.html",
                  {"form": form, "meeting": meeting}, status=400 if form.errors else 200)


@login_required
def staff_detail(request, pk: int):
    meeting = _meeting(request, pk)
    return render(request, "participation/meeting_staff_detail.html", {
        "meeting": meeting, "representatives": meeting.representatives.all(),
        "signups": meeting.signups.all(), "rep_form": RepresentativeForm(),
        "cancel_form": CancelForm(),
    })


@login_required
@require_POST
def staff_announce(request, pk: int):
    meeting = _meeting(request, pk)
    attempt(request, lambda: svc.meeting_announce(meeting=meeting, actor=request.user),
            success=_("会议已公告。"))
    return redirect("participation:staff_meeting", pk=pk)


@login_required
@require_POST
def staff_held(request, pk: int):
    meeting = _meeting(request, pk)
    attempt(request, lambda: svc.meeting_mark_held(meeting=meeting, actor=request.user),
            success=_("已登记为已召开。"))
    return redirect("participation:staff_meeting", pk=pk)


@login_required
@require_POST
def staff_cancel(request, pk: int):
    meeting = _meeting(request, pk)
    attempt(request, lambda: svc.meeting_cancel(
        meeting=meeting, actor=request.user, reason=request.POST.get("reason", "")),
        success=_("会议已取消。"))
    return redirect("participation:staff_meeting", pk=pk)


@login_required
@require_POST
def staff_representative_add(request, pk: int):
    meeting = _meeting(request, pk)
    form = RepresentativeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请填写代表姓名并选择类别。"))
        return redirect("participation:staff_meeting", pk=pk)
    attempt(request, lambda: svc.representative_add(
        meeting=meeting, actor=request.user, **form.cleaned_data),
        success=_("已添加列席代表。"))
    return redirect("participation:staff_meeting", pk=pk)


@login_required
@require_POST
def staff_representative_remove(request, pk: int):
    representative = get_object_or_404(Representative, pk=pk)
    meeting = _meeting(request, representative.meeting_id)
    representative.meeting = meeting
    attempt(request, lambda: svc.representative_remove(
        representative=representative, actor=request.user), success=_("已移除。"))
    return redirect("participation:staff_meeting", pk=meeting.pk)


@login_required
@require_POST
def staff_signup_decide(request, pk: int, choice: str):
    signup = get_object_or_404(SignUp, pk=pk)
    meeting = _meeting(request, signup.meeting_id)
    signup.meeting = meeting
    if choice == "select":
        attempt(request, lambda: svc.signup_select(signup=signup, actor=request.user),
                success=_("已选定，报名人已列为列席代表。"))
    else:
        attempt(request, lambda: svc.signup_reject(signup=signup, actor=request.user),
                success=_("已标记为未选定。"))
    return redirect("participation:staff_meeting", pk=meeting.pk)


@login_required
def staff_targets(request):
    if not perms.can_view_meeting_targets(request.user):
        raise PermissionDenied
    years = list(MeetingTarget.objects.values_list("year", flat=True).distinct())
    year = year_param(request.GET, default=timezone.localdate().year)
    if years and year not in years and "year" not in request.GET:
        year = max(years)
    return render(request, "participation/meeting_staff_targets.html", {
        "progress": target_progress(year=year), "years": sorted(set(years)), "year": year})
