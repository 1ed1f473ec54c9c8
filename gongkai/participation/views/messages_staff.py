"""Leader messages, the staff side: the office's inbox (assign, transfer, reject), the
unit's queue with days left and overdue, the message page with the reply form, the
statistics of frequently raised problems and the policy responses.

Every page starts from ``messages_visible_to``: a message outside it is 404, so a unit
cannot learn that another unit's message exists. Actions then ask the permission
predicates and call one service each.
"""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.actions import attempt
from gongkai.core.errors import ApplicationError
from gongkai.core.params import parse_int
from gongkai.participation import permissions as perms
from gongkai.participation.forms_messages import (
    AssignForm,
    PolicyResponseForm,
    ReasonForm,
    ReplyForm,
    TransferForm,
)
from gongkai.participation.lists import STAFF_MESSAGES
from gongkai.participation.models.messages import (
    MESSAGE_OPEN_STATUSES,
    MessageReply,
    MessageStatus,
    PolicyResponse,
)
from gongkai.participation.selectors.messages import (
    message_stats,
    queue_item,
    responses_for,
    status_counts,
)
from gongkai.participation.services import messages as services
from gongkai.workdays.selectors import calendar_from_db


def _desk_user(request):
    if not perms.can_use_message_desk(request.user):
        raise PermissionDenied
    return request.user


@login_required
def staff_list(request):
    user = _desk_user(request)
    today, calendar = timezone.localdate(), calendar_from_db()
    visible = perms.messages_visible_to(user)
    listing = STAFF_MESSAGES.read(request, visible.select_related("unit", "topic", "mailbox"),
                                  user=user, base=visible)
    return render(request, "participation/message_staff_list.html", {
        "listing": listing,
        "rows": [queue_item(m, today=today, calendar=calendar) for m in listing.page],
        "counts": status_counts(visible, today=today),
        "can_manage": perms.can_manage_messages(user),
    })


def _reply_of(message):
    try:
        return message.reply
    except MessageReply.DoesNotExist:
        return None


@login_required
def staff_detail(request, pk: int, reply_form=None, status_code: int = 200):
    user = _desk_user(request)
    message = get_object_or_404(perms.messages_visible_to(user)
                                .select_related("unit", "topic", "mailbox"), pk=pk)
    reply = _reply_of(message)
    manage, answer = perms.can_manage_messages(user), perms.can_reply_message(user, message)
    status = message.status
    forms = {
        "assign": AssignForm(initial={"unit": message.mailbox.unit_id})
        if manage and status == MessageStatus.RECEIVED else None,
        "transfer": TransferForm() if manage and status == MessageStatus.ASSIGNED else None,
        "reject": ReasonForm() if manage and status == MessageStatus.RECEIVED else None,
        "return": ReasonForm() if answer and status == MessageStatus.ASSIGNED else None,
        "reply": reply_form or ReplyForm(initial={"text": reply.text if reply else "",
                                                  "version": reply.version if reply else 0})
        if answer and status in (MessageStatus.ASSIGNED, MessageStatus.DRAFTED) else None,
    }
    return render(request, "participation/message_staff_detail.html", {
        "message": message, "reply": reply, "forms": forms,
        "can_submit": answer and status == MessageStatus.DRAFTED,
        "show_contact": perms.can_see_message_contact(user, message),
        "item": queue_item(message, today=timezone.localdate(), calendar=calendar_from_db()),
        "responses": responses_for(message, user),
    }, status=status_code)


def _assign(request, message):
    form = AssignForm(request.POST)
    if not form.is_valid():
        raise ApplicationError(_("请选择承办单位。"))
    services.message_assign(message=message, unit=form.cleaned_data["unit"],
                            actor=request.user)
    return _("已交办%(u)s。") % {"u": message.unit.name}


def _transfer(request, message):
    form = TransferForm(request.POST)
    if not form.is_valid():
        raise ApplicationError(_("请选择单位并填写转办理由。"))
    services.message_transfer(message=message, unit=form.cleaned_data["unit"],
                              reason=form.cleaned_data["reason"], actor=request.user)
    return _("已转办%(u)s，答复期限重新计算。") % {"u": message.unit.name}


def _reason(request) -> str:
    form = ReasonForm(request.POST)
    if not form.is_valid():
        raise ApplicationError(_("请填写理由（不超过500字）。"))
    return form.cleaned_data["reason"]


def _reject(request, message):
    services.message_reject(message=message, reason=_reason(request), actor=request.user)
    return _("已作不予受理处理。")


def _return(request, message):
    services.message_return_to_office(message=message, reason=_reason(request),
                                      actor=request.user)
    return _("已退回区政务公开办重新分办。")


def _reply(request, message):
    """Save the reply; on any error the page is shown again with the text kept (and,
    when someone saved meanwhile, both versions side by side)."""
    form = ReplyForm(request.POST)
    if form.is_valid() and attempt(request, lambda: services.message_reply_save(
            message=message, text=form.cleaned_data["text"], actor=request.user,
            version=form.opened_version()),
            form=form, conflict=form, success=_("答复已保存。")).ok:
        return redirect("participation:staff_message_detail", pk=message.pk)
    return staff_detail(request, message.pk, reply_form=form, status_code=400)


def _submit(request, message):
    services.message_reply_submit(message=message, actor=request.user)
    return _("答复已提交审核，审核通过后发布。")


# action → (permission predicate, handler)
_ACTIONS = {
    "assign": (lambda u, m: perms.can_manage_messages(u), _assign),
    "transfer": (lambda u, m: perms.can_manage_messages(u), _transfer),
    "reject": (lambda u, m: perms.can_manage_messages(u), _reject),
    "return": (perms.can_reply_message, _return),
    "reply": (perms.can_reply_message, _reply),
    "submit": (perms.can_reply_message, _submit),
}


@login_required
@require_POST
def staff_action(request, pk: int, action: str):
    user = _desk_user(request)
    message = get_object_or_404(perms.messages_visible_to(user).select_related("unit"),
                                pk=pk)
    if action not in _ACTIONS:
        raise PermissionDenied
    allowed, handler = _ACTIONS[action]
    if not allowed(user, message):
        raise PermissionDenied
    if action == "reply":
        return _reply(request, message)
    attempt(request, lambda: handler(request, message), success=lambda said: said)
    return redirect("participation:staff_message_detail", pk=message.pk)


@login_required
def staff_stats(request):
    user = _desk_user(request)
    today = timezone.localdate()
    year = request.GET.get("year", "")
    year = parse_int(year, minimum=2000, maximum=2100, default=today.year)
    visible = perms.messages_visible_to(user)
    return render(request, "participation/message_stats.html", {
        "stats": message_stats(visible, year=year, today=today), "year": year,
        "years": range(today.year, today.year - 5, -1),
        "open_count": visible.filter(status__in=MESSAGE_OPEN_STATUSES).count(),
    })


def _response_form(request, data=None):
    from gongkai.policies.selectors import documents_visible_to

    return PolicyResponseForm(
        data, documents=documents_visible_to(request.user).order_by("-id")[:500],
        messages=perms.messages_visible_to(request.user).exclude(
            status__in=[MessageStatus.REJECTED]).select_related("topic"))


@login_required
def staff_responses(request):
    user = _desk_user(request)
    if not perms.can_manage_messages(user):
        raise PermissionDenied
    form = _response_form(request, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = attempt(request, lambda: services.policy_response_save(
            title=data["title"], note=data["note"], document=data["document"],
            url=data["url"], messages=list(data["messages"]), actor=user),
            form=form, success=_("政策回应已保存，相关留言页面将显示该回应。"))
        if saved.ok:
            return redirect("participation:staff_message_responses")
    return render(request, "participation/message_responses.html", {
        "form": form,
        "responses": PolicyResponse.objects.select_related("document")
        .prefetch_related("messages")[:100],
    }, status=400 if form.errors else 200)
