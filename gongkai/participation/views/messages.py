"""Leader messages, the public side: write a message, see the query code once, follow
the message with it, and read the published messages with their replies.

Proving the query code grants access in the session to that message only; anyone
without access gets 404, so a guess learns nothing. The writer's contact details are
never rendered on these pages. The staff pages live in ``messages_staff``.
"""
from django.contrib import messages as flash
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.core import ratelimit
from gongkai.core.actions import attempt
from gongkai.core.params import parse_int
from gongkai.core.security import no_store
from gongkai.orgs.models import Unit
from gongkai.participation.forms_messages import TrackForm, WriteForm
from gongkai.participation.models.messages import Message, MessageTopic
from gongkai.participation.selectors.messages import (
    message_for_code,
    public_messages,
    reply_for_writer,
    responses_for,
)
from gongkai.participation.services.messages import message_submit

ACCESS_KEY = "message_access"  # ids of the messages this visitor proved the code of
SENT_KEY = "message_sent"  # the message whose query code is still to be shown
WRITE_LIMIT = 5  # messages an hour from one address
TRACK_LIMIT = 10  # wrong query codes an hour from one address


def _int(value) -> int | None:
    return parse_int(value, minimum=1)


@no_store
@require_http_methods(["GET", "POST"])
def write(request):
    form = WriteForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid() and not ratelimit.take(request, "message_write", WRITE_LIMIT):
            form.add_error(None, _("本网络地址一小时内提交的留言过多，请稍后再试。"))
        elif form.is_valid():
            submitted = attempt(request, lambda: message_submit(**form.cleaned_data),
                                form=form)
            if submitted.ok:
                request.session.cycle_key()
                request.session[ACCESS_KEY] = [submitted.value.pk]
                request.session[SENT_KEY] = submitted.value.pk
                return redirect("participation:message_sent")
            ratelimit.give_back(request, "message_write")
    initial_mailbox = _int(request.GET.get("mailbox"))
    if request.method == "GET" and initial_mailbox:
        form = WriteForm(initial={"mailbox": initial_mailbox})
    return render(request, "participation/message_write.html", {"form": form},
                  status=400 if form.errors else 200)


@no_store
def sent(request):
    """Shown once after writing: the query code."""
    message = Message.objects.filter(pk=request.session.pop(SENT_KEY, None)).first()
    if message is None:
        flash.info(request, _("查询码只显示一次。请凭查询码查看留言办理情况。"))
        return redirect("participation:message_track")
    return render(request, "participation/message_sent.html", {"message": message})


@no_store
@require_http_methods(["GET", "POST"])
def track(request):
    form = TrackForm(request.POST or None)
    if request.method == "POST":
        if not ratelimit.take(request, "message_track", TRACK_LIMIT):
            form.is_valid()
            form.add_error(None, _("查询失败次数过多，请一小时后再试。"))
        elif form.is_valid():
            message = message_for_code(form.cleaned_data["query_code"])
            if message is not None:
                ratelimit.give_back(request, "message_track")
                request.session.cycle_key()
                request.session[ACCESS_KEY] = [message.pk]
                return redirect("participation:message_track_detail", pk=message.pk)
            form.add_error(None, _("查询码不正确，请核对后重试。"))
    return render(request, "participation/message_track.html", {"form": form},
                  status=400 if form.errors else 200)


@no_store
def track_detail(request, pk: int):
    """The writer's view: the status, and the reply once it passed review."""
    if pk not in (request.session.get(ACCESS_KEY) or []):
        raise Http404
    message = get_object_or_404(Message.objects.select_related("unit", "topic", "mailbox"),
                                pk=pk)
    return render(request, "participation/message_track_detail.html", {
        "message": message, "reply": reply_for_writer(message),
        "responses": responses_for(message, request.user),
    })


def public_list(request):
    """Published messages with their replies, by topic and by unit."""
    topic_id, unit_id = _int(request.GET.get("topic")), _int(request.GET.get("unit"))
    qs = public_messages(topic_id=topic_id, unit_id=unit_id)
    page = Paginator(qs, 20).get_page(request.GET.get("page"))
    everything = public_messages()
    return render(request, "participation/message_list.html", {
        "page": page, "topic_id": topic_id, "unit_id": unit_id,
        "topics": MessageTopic.objects.filter(
            pk__in=everything.values("topic_id")).order_by("sort_order", "name"),
        "units": Unit.objects.filter(pk__in=everything.values("unit_id")),
    })


def public_detail(request, pk: int):
    message = get_object_or_404(public_messages(), pk=pk)
    return render(request, "participation/message_public_detail.html", {
        "message": message, "reply": message.reply,
        "responses": responses_for(message, request.user),
    })
