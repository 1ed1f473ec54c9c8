"""Decision meetings on the public site: announced meetings with open calls for
representatives (sign up here) and meetings held, with their links. Sign-ups are public
input: CSRF-protected, length-limited, rate-limited per visitor; names of
representatives and contact details are never shown publicly, only counts by kind.
The staff side is in ``meetings_staff``."""
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core import ratelimit
from gongkai.core.actions import attempt
from gongkai.core.security import no_store
from gongkai.participation.forms_consultations import SignUpForm
from gongkai.participation.models import MeetingStatus
from gongkai.participation.permissions import meetings_public
from gongkai.participation.selectors.meetings import representative_counts
from gongkai.participation.services.meetings import signup_submit

SIGNUP_LIMIT = 10  # sign-ups an hour from one address
RATE_SCOPE = "participation:signup"


def meeting_list(request):
    meetings = meetings_public().select_related("unit")
    announced = meetings.filter(status=MeetingStatus.ANNOUNCED).order_by("held_on")
    held = list(meetings.filter(status=MeetingStatus.HELD)[:200])
    counts = representative_counts(held)
    rows = [(m, counts.get(m.pk, {})) for m in held]
    return render(request, "participation/meeting_list.html", {
        "announced": announced, "held": rows})


def _signup_open(meeting, today) -> bool:
    return (meeting.status == MeetingStatus.ANNOUNCED and meeting.open_call
            and meeting.signup_closes_on is not None and today <= meeting.signup_closes_on)


def meeting_detail(request, pk: int, form: SignUpForm | None = None, status: int = 200):
    meeting = get_object_or_404(meetings_public().select_related("unit"), pk=pk)
    return render(request, "participation/meeting_detail.html", {
        "meeting": meeting, "counts": representative_counts([meeting]).get(meeting.pk, {}),
        "signup_open": _signup_open(meeting, timezone.localdate()),
        "form": form or SignUpForm()}, status=status)


@no_store
@require_POST
def meeting_signup(request, pk: int):
    meeting = get_object_or_404(meetings_public(), pk=pk)
    form = SignUpForm(request.POST)
    if not form.is_valid():
        return meeting_detail(request, pk, form, status=400)
    if not ratelimit.take(request, RATE_SCOPE, SIGNUP_LIMIT):
        form.add_error(None, _("本网络地址一小时内提交的报名过多，请稍后再试。"))
        return meeting_detail(request, pk, form, status=429)
    signed = attempt(request, lambda: signup_submit(meeting=meeting, **form.cleaned_data),
                     form=form, success=_("报名已提交。遴选结果将通过您留下的联系方式通知。"))
    if not signed.ok:
        ratelimit.give_back(request, RATE_SCOPE)
        return meeting_detail(request, pk, form, status=400)
    return redirect("participation:meeting", pk=pk)
