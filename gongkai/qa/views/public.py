"""The public side: ask in your own words, read the answer and its sources, rate it.

Questions are logged without personal data. A visitor may rate only the answers this
session was shown, once each. Asking and rating are limited per address.
"""
from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.core import ratelimit
from gongkai.core.actions import attempt
from gongkai.core.params import int_param
from gongkai.policies.permissions import documents_visible_to
from gongkai.publishing.selectors import published_visible_to
from gongkai.qa.forms import AskForm, RateForm
from gongkai.qa.models import QaEntry, QuestionLog
from gongkai.qa.services.answering import answer_question
from gongkai.qa.services.ratings import rating_record

ASK_LIMIT = 60  # questions an hour from one address
RATE_LIMIT = 120  # ratings an hour from one address
SHOWN_KEY = "qa_shown"  # log id → entry ids this session was shown
SHOWN_KEEP = 30


def _public_entries(request):
    # Only documents the public may read are named, whatever the entry cites: an
    # audience narrowed after the entry was saved must not leak a title either.
    return published_visible_to(None, QaEntry.objects.all()).select_related("unit") \
        .prefetch_related(Prefetch("documents", queryset=documents_visible_to(None)))


def _remember_shown(request, log: QuestionLog, entry_ids: list[int]) -> None:
    shown = dict(request.session.get(SHOWN_KEY, {}))
    shown[str(log.pk)] = entry_ids
    request.session[SHOWN_KEY] = dict(list(shown.items())[-SHOWN_KEEP:])


def _was_shown(request, log_id: int, entry_id: int) -> bool:
    return entry_id in request.session.get(SHOWN_KEY, {}).get(str(log_id), [])


@require_http_methods(["GET", "POST"])
def ask(request):
    form = AskForm(request.POST or None)
    answer, entries = None, {}
    if request.method == "POST":
        if form.is_valid() and not ratelimit.take(request, "qa_ask", ASK_LIMIT):
            form.add_error(None, _("提问过于频繁，请稍后再试。"))
        elif form.is_valid():
            answer = answer_question(text=form.cleaned_data["question"])
            entries = _public_entries(request).in_bulk([m.id for m in answer.matches])
            answer.matches = [m for m in answer.matches if m.id in entries]
            if answer.log is not None:
                _remember_shown(request, answer.log, [m.id for m in answer.matches])
    return render(request, "qa/ask.html", {
        "form": form, "answer": answer, "entries": entries,
        "best_entry": entries.get(answer.best.id) if answer and answer.best else None,
    }, status=400 if form.errors else 200)


def entry(request, pk: int):
    """One published entry; reached from the suggestions, it may be rated."""
    found = get_object_or_404(_public_entries(request), pk=pk)
    log_id = int_param(request.GET, "log")
    rateable = log_id is not None and _was_shown(request, log_id, found.pk)
    return render(request, "qa/entry.html", {"entry": found,
                                             "log_id": log_id if rateable else None})


@require_POST
def rate(request):
    form = RateForm(request.POST)
    if not form.is_valid():
        raise Http404
    log_id, entry_id = form.cleaned_data["log"], form.cleaned_data["entry"]
    if not _was_shown(request, log_id, entry_id):
        raise Http404
    if not ratelimit.take(request, "qa_rate", RATE_LIMIT):
        messages.error(request, _("评价过于频繁，请稍后再试。"))
    else:
        log = get_object_or_404(QuestionLog, pk=log_id)
        found = get_object_or_404(_public_entries(request), pk=entry_id)
        rated = attempt(request, lambda: rating_record(
            log=log, entry=found, useful=form.cleaned_data["useful"]),
            success=_("感谢您的评价！"), show_error=False)
        if not rated.ok:
            messages.info(request, rated.error.message)  # e.g. rated already: no fault
    return redirect(f"{reverse('qa:entry', args=[entry_id])}?log={log_id}")
