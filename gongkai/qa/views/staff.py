"""The units' side: the library, writing and importing entries, the queue of questions
nothing answered, testing a question with the reasons for each match, tuning and the
office's statistics. Every view asks ``gongkai.qa.permissions``."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.core.actions import attempt
from gongkai.core.params import int_param
from gongkai.lexicon.selectors import groups_applied
from gongkai.orgs.models import Unit
from gongkai.qa import permissions as perms
from gongkai.qa.forms import EntryForm, ImportForm, TestForm, ThresholdForm
from gongkai.qa.models import PendingStatus, QaTopic
from gongkai.qa.selectors import stats
from gongkai.qa.services.answering import question_explain
from gongkai.qa.services.entries import (
    entry_create,
    entry_submit,
    entry_update,
    pending_assign,
    pending_dismiss,
)
from gongkai.qa.services.importing import entries_import, import_template
from gongkai.qa.services.settings import qa_settings, thresholds_set

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGE = 200


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


@login_required
def entries(request):
    _require(perms.can_use_library(request.user))
    rows = perms.entries_visible_to(request.user).select_related("unit")
    topic, status, mine = (request.GET.get(k, "") for k in ("topic", "status", "mine"))
    if topic:
        rows = rows.filter(topic=topic)
    if status:
        rows = rows.filter(publication_status=status)
    if mine and request.user.unit_id:
        rows = rows.filter(unit_id=request.user.unit_id)
    return render(request, "qa/staff_entries.html", {
        "rows": rows.order_by("-updated_at")[:PAGE], "total": rows.count(),
        "topics": QaTopic.choices, "topic": topic, "status": status, "mine": mine,
        "open_pending": perms.pending_visible_to(request.user)
        .filter(status=PendingStatus.OPEN).count()})


def _entry_form_initial(entry) -> dict:
    return {"question": entry.question, "alternatives": "\n".join(entry.alternatives or []),
            "answer": entry.answer, "topic": entry.topic, "sources": entry.sources,
            "documents": list(entry.documents.all()), "version": entry.version}


@login_required
@require_http_methods(["GET", "POST"])
def entry_new(request):
    _require(perms.can_create_entry(request.user))
    pending = None
    if (pending_id := int_param(request.GET, "pending")) is not None:
        pending = get_object_or_404(perms.pending_visible_to(request.user),
                                    pk=pending_id, status=PendingStatus.OPEN)
    form = EntryForm(request.POST or None,
                     initial={"question": pending.text} if pending else None)
    if request.method == "POST" and form.is_valid():
        created = attempt(request, lambda: entry_create(
            data=form.entry_data(), unit=request.user.unit, actor=request.user,
            pending=pending), form=form,
            success=_("问答已保存为草稿，提交审核通过后对公众答复。"))
        if created.ok:
            return redirect("qa:staff_entry", pk=created.value.pk)
    return render(request, "qa/staff_entry_form.html", {"form": form, "pending": pending})


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request, pk: int):
    found = get_object_or_404(perms.entries_visible_to(request.user), pk=pk)
    _require(perms.can_edit_entry(request.user, found))
    form = EntryForm(request.POST or None, initial=_entry_form_initial(found))
    if request.method == "POST" and form.is_valid():
        saved = attempt(request, lambda: entry_update(
            entry=found, data=form.entry_data(), actor=request.user,
            version=form.opened_version()), form=form, success=_("已保存。"),
            conflict=form, conflict_fields=["question", "alternatives", "answer", "topic",
                                            "sources"])
        if saved.ok:
            return redirect("qa:staff_entry", pk=found.pk)
    return render(request, "qa/staff_entry_form.html", {"form": form, "entry": found})


@login_required
def entry_detail(request, pk: int):
    found = get_object_or_404(perms.entries_visible_to(request.user)
                              .select_related("unit", "author"), pk=pk)
    return render(request, "qa/staff_entry_detail.html", {
        "entry": found, "can_edit": perms.can_edit_entry(request.user, found),
        "pending": found.pending_questions.all()})


@login_required
@require_POST
def entry_submit_view(request, pk: int):
    found = get_object_or_404(perms.entries_visible_to(request.user), pk=pk)
    _require(perms.can_submit_entry(request.user, found))
    attempt(request, lambda: entry_submit(entry=found, actor=request.user),
            success=_("已提交审核。"))
    return redirect("qa:staff_entry", pk=found.pk)


@login_required
@require_http_methods(["GET", "POST"])
def import_entries(request):
    _require(perms.can_create_entry(request.user))
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        imported = attempt(request, lambda: entries_import(
            upload=form.cleaned_data["file"], unit=request.user.unit, actor=request.user),
            show_error=False, success=lambda result: _(
                "已导入%(n)s条问答（草稿），请逐条或批量提交审核。") % {"n": len(result.created)})
        if imported.ok:
            return redirect(f"{reverse('qa:staff_entries')}?mine=1")
        errors = imported.error.details.get("rows") or [imported.error.message]
    return render(request, "qa/staff_import.html", {"form": form, "errors": errors},
                  status=400 if errors else 200)


@login_required
def import_template_download(request):
    _require(perms.can_create_entry(request.user))
    response = HttpResponse(import_template(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="qa-import-template.xlsx"'
    return response


@login_required
def test_question(request):
    _require(perms.can_use_library(request.user))
    form = TestForm(request.GET or None)
    answer, applied = None, []
    if form.is_valid():
        answer = question_explain(text=form.cleaned_data["question"])
        # Which of the office's groups the Q&A applies, and which the policy search
        # would: a group may be held for one of them (its scope).
        applied = groups_applied(form.cleaned_data["question"])
    return render(request, "qa/staff_test.html", {
        "form": form, "answer": answer, "applied": applied, "tuning": qa_settings(),
        "can_tune": perms.can_tune(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def tuning(request):
    _require(perms.can_tune(request.user))
    row = qa_settings()
    form = ThresholdForm(request.POST or None, initial={
        "answer_threshold": row.answer_threshold, "suggest_threshold": row.suggest_threshold})
    if request.method == "POST" and form.is_valid():
        saved = attempt(request, lambda: thresholds_set(
            answer=form.cleaned_data["answer_threshold"],
            suggest=form.cleaned_data["suggest_threshold"], actor=request.user),
            form=form, success=_("阈值已保存。"))
        if saved.ok:
            return redirect("qa:staff_tuning")
    return render(request, "qa/staff_tuning.html", {"threshold_form": form},
                  status=400 if form.is_bound and form.errors else 200)


@login_required
def pending_list(request):
    _require(perms.can_use_library(request.user))
    status = request.GET.get("status") or PendingStatus.OPEN
    rows = perms.pending_visible_to(request.user).filter(status=status) \
        .select_related("unit", "entry")
    return render(request, "qa/staff_pending.html", {
        "rows": rows[:PAGE], "status": status, "statuses": PendingStatus.choices,
        "can_assign": perms.can_assign_pending(request.user),
        "units": Unit.objects.filter(is_active=True) if perms.can_assign_pending(
            request.user) else []})


@login_required
@require_POST
def pending_action(request, pk: int):
    pending = get_object_or_404(perms.pending_visible_to(request.user), pk=pk)
    if request.POST.get("action") == "assign":
        _require(perms.can_assign_pending(request.user))
        unit_id = int_param(request.POST, "unit")
        unit = get_object_or_404(Unit, pk=unit_id) if unit_id is not None else None
        attempt(request, lambda: pending_assign(pending=pending, unit=unit, actor=request.user),
                success=_("已处理。"))
    else:
        _require(perms.can_answer_pending(request.user, pending))
        attempt(request, lambda: pending_dismiss(
            pending=pending, actor=request.user, reason=request.POST.get("reason", "")),
            success=_("已处理。"))
    return redirect("qa:staff_pending")


@login_required
def statistics(request):
    _require(perms.can_view_stats(request.user))
    return render(request, "qa/staff_stats.html", {
        "overview": stats.overview(), "most_asked": stats.most_asked(),
        "least_answered": stats.least_answered(), "worst_rated": stats.worst_rated()})
