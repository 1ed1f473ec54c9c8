"""Learning from the queue of unanswered questions, one step at a time: the question
becomes another phrasing of the entry that should have answered it, or the word it
used joins the lexicon. Either is live for the next question asked anywhere."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.core.actions import attempt
from gongkai.lexicon.models import TermScope
from gongkai.lexicon.permissions import can_edit_lexicon
from gongkai.lexicon.services import term_variant_add
from gongkai.qa import permissions as perms
from gongkai.qa.forms import LearnSynonymForm
from gongkai.qa.models import PendingStatus, QaEntry
from gongkai.qa.services.answering import (
    answerable_entries,
    question_candidates,
    question_explain,
)
from gongkai.qa.services.entries import entry_phrasing_add, pending_answer


@login_required
@require_http_methods(["GET", "POST"])
def pending_learn(request, pk: int):
    pending = get_object_or_404(perms.pending_visible_to(request.user), pk=pk,
                                status=PendingStatus.OPEN)
    synonym_form = LearnSynonymForm(request.POST if request.POST.get("action") == "synonym"
                                    else None)
    if request.method == "POST":
        done = _act(request, pending, synonym_form)
        if done is not None:
            return done
    query, hits = question_candidates(text=pending.text)
    entries = answerable_entries().in_bulk([m.id for m in hits])
    return render(request, "qa/staff_learn.html", {
        "pending": pending, "query": query, "synonym_form": synonym_form,
        "matches": [(m, entries.get(m.id)) for m in hits],
        "can_edit_lexicon": can_edit_lexicon(request.user)},
        status=400 if synonym_form.is_bound and synonym_form.errors else 200)


def _act(request, pending, synonym_form):
    if request.POST.get("action") == "phrasing":
        entry = get_object_or_404(QaEntry, pk=request.POST.get("entry", "0") or 0)
        if not perms.can_add_phrasing(request.user, entry):
            raise PermissionDenied
        added = attempt(request, lambda: entry_phrasing_add(
            entry=entry, text=pending.text, actor=request.user, pending=pending),
            success=_("已把该问题加为“%(q)s”的问法，立即生效。") % {"q": entry.question})
        return redirect("qa:staff_pending") if added.ok else None
    if request.POST.get("action") == "synonym":
        if not can_edit_lexicon(request.user):
            raise PermissionDenied
        if synonym_form.is_valid():
            return attempt(request, lambda: _learn_synonym(
                request, pending, synonym_form.cleaned_data)).value
    return None


def _learn_synonym(request, pending, data):
    group = term_variant_add(canonical=data["canonical"], variant=data["variant"],
                             scope=data["scope"] or TermScope.QA, actor=request.user)
    # The scope is the group's: a word joining a group of both readers serves both.
    scope = _("适用范围：%(s)s") % {"s": group.get_scope_display()}
    answer = question_explain(text=pending.text)
    if answer.answered:
        entry = QaEntry.objects.get(pk=answer.best.id)
        pending_answer(pending=pending, entry=entry, actor=request.user)
        messages.success(request, _("同义词已添加（%(scope)s）；该问题现在由“%(q)s”直接答复。")
                         % {"q": entry.question, "scope": scope})
        return redirect("qa:staff_pending")
    messages.info(request, _("同义词已添加（%(scope)s），但该问题仍未能直接答复，可继续处理。")
                  % {"scope": scope})
    return redirect("qa:staff_pending_learn", pk=pending.pk)
