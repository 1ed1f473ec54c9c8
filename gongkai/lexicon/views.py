"""Staff pages of the lexicon: browse and find groups, create, change, delete. Every
view asks ``gongkai.lexicon.permissions``."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.core.actions import attempt
from gongkai.lexicon import permissions as perms
from gongkai.lexicon.forms import FilterForm, GroupForm
from gongkai.lexicon.models import TermGroup
from gongkai.lexicon.selectors import groups_search
from gongkai.lexicon.services import term_group_create, term_group_delete, term_group_update

PAGE = 500


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


@login_required
def group_list(request):
    _require(perms.can_view_lexicon(request.user))
    form = FilterForm(request.GET or None)
    query = kind = ""
    if form.is_valid():
        query, kind = form.cleaned_data["q"], form.cleaned_data["kind"]
    rows = list(groups_search(query, kind))
    return render(request, "lexicon/list.html", {
        "form": form, "rows": rows[:PAGE], "total": len(rows),
        "can_edit": perms.can_edit_lexicon(request.user)})


def _save(request, form: GroupForm, group: TermGroup | None):
    def save():
        if group is None:
            return term_group_create(data=form.group_data(), actor=request.user)
        return term_group_update(group=group, data=form.group_data(), actor=request.user)

    saved = attempt(request, save, form=form, success=_("已保存，立即对问答和检索生效。"))
    return redirect("lexicon:list") if saved.ok else None


@login_required
@require_http_methods(["GET", "POST"])
def group_new(request):
    _require(perms.can_edit_lexicon(request.user))
    form = GroupForm(request.POST or None, initial={"canonical": request.GET.get("canonical",
                                                                                 "")[:30]})
    if request.method == "POST" and form.is_valid():
        done = _save(request, form, None)
        if done:
            return done
    return render(request, "lexicon/form.html", {"form": form},
                  status=400 if form.is_bound and form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request, pk: int):
    _require(perms.can_edit_lexicon(request.user))
    group = get_object_or_404(TermGroup, pk=pk)
    form = GroupForm(request.POST or None, initial={
        "canonical": group.canonical, "variants": "\n".join(group.variants or []),
        "kind": group.kind, "note": group.note})
    if request.method == "POST" and form.is_valid():
        done = _save(request, form, group)
        if done:
            return done
    return render(request, "lexicon/form.html", {"form": form, "group": group},
                  status=400 if form.is_bound and form.errors else 200)


@login_required
@require_POST
def group_delete(request, pk: int):
    _require(perms.can_edit_lexicon(request.user))
    term_group_delete(group=get_object_or_404(TermGroup, pk=pk), actor=request.user)
    messages.success(request, _("已删除。"))
    return redirect("lexicon:list")

