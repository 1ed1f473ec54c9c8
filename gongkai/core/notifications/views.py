"""The inbox: the signed-in user's own notifications, paged, newest first; marking
one or all read (POST with CSRF); opening one marks it read and follows its link."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.models import NotificationKind
from gongkai.core.notifications import selectors, services
from gongkai.core.params import int_param, parse_int


def _own(request, pk: str):
    """The user's own notification ``pk``; another's, or an id that is no id, answers
    404, as if absent."""
    number = parse_int(pk, minimum=1)
    if number is None:
        raise Http404
    notification = selectors.notifications_of(request.user).filter(pk=number).first()
    if notification is None:
        raise Http404
    return notification


def _back(request):
    """Back to the inbox page the button was on."""
    page = int_param(request.POST, "page", minimum=1, default=1)
    unread = "unread=1&" if request.POST.get("unread") == "1" else ""
    return redirect(f"{reverse('core:inbox')}?{unread}page={page}")


@login_required
def inbox(request):
    unread_only = request.GET.get("unread") == "1"
    page = selectors.inbox_page(request.user, unread_only=unread_only,
                                page=int_param(request.GET, "page", minimum=1, default=1))
    return render(request, "core/inbox.html", {
        "page": page, "unread_only": unread_only, "kinds": NotificationKind,
        "daily_digest": selectors.wants_daily_digest(request.user),
        "has_email": bool(request.user.email)})


@login_required
@require_POST
def mark_read(request, pk: str):
    services.notification_mark_read(notification=_own(request, pk), user=request.user)
    return _back(request)


@login_required
@require_POST
def open_one(request, pk: str):
    notification = _own(request, pk)
    services.notification_mark_read(notification=notification, user=request.user)
    url = notification.url
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
        return redirect(url)
    return _back(request)


@login_required
@require_POST
def mark_all_read(request):
    n = services.notifications_mark_all_read(user=request.user)
    messages.success(request, _("已将 %(n)d 条提醒标为已读。") % {"n": n} if n
                     else _("没有未读提醒。"))
    return _back(request)


@login_required
@require_POST
def digest_choice(request):
    on = request.POST.get("daily_digest") == "1"
    services.notification_settings_set(user=request.user, daily_digest=on)
    if on and not request.user.email:
        messages.warning(request, _("已开启每日邮件汇总，但您的账号没有登记电子邮箱，"
                                    "请联系管理员登记后才能收到邮件。"))
    else:
        messages.success(request, _("已开启每日邮件汇总。") if on else _("已关闭每日邮件汇总。"))
    return redirect("core:inbox")
