"""Staff pages of the lexicon: browse and find groups, create, change, delete, export
to Excel and import from it. Every view asks ``gongkai.lexicon.permissions``."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.core.actions import attempt
from gongkai.core.xlsx import xlsx_response
from gongkai.lexicon import permissions as perms
from gongkai.lexicon.exchange import lexicon_import, lexicon_xlsx
from gongkai.lexicon.forms import FilterForm, GroupForm, ImportForm
from gongkai.lexicon.models import TermGroup, TermScope
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
    rows = list(groups_search(**_filters(form)))
    return render(request, "lexicon/list.html", {
        "form": form, "rows": rows[:PAGE], "total": len(rows),
        "export_query": request.GET.urlencode(),
        "can_edit": perms.can_edit_lexicon(request.user)})


def _filters(form: FilterForm) -> dict[str, str]:
    if not form.is_valid():
        return {}
    return {"query": form.cleaned_data["q"], "kind": form.cleaned_data["kind"],
            "scope": form.cleaned_data["scope"]}


@login_required
def group_export(request):
    """The groups the list shows (its filters), as the workbook the import reads."""
    _require(perms.can_view_lexicon(request.user))
    rows = groups_search(**_filters(FilterForm(request.GET or None)))
    return xlsx_response(lexicon_xlsx(rows), "同义词词库.xlsx")


@login_required
@require_http_methods(["GET", "POST"])
def group_import(request):
    _require(perms.can_edit_lexicon(request.user))
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        imported = attempt(request, lambda: lexicon_import(
            upload=form.cleaned_data["file"], actor=request.user), show_error=False,
            success=lambda result: _("已导入：新增%(c)s个词组，更新%(u)s个词组，立即生效。")
            % {"c": result.created, "u": result.updated})
        if imported.ok:
            return redirect("lexicon:list")
        errors = imported.error.details.get("rows") or [imported.error.message]
    return render(request, "lexicon/import.html", {"form": form, "errors": errors},
                  status=400 if errors or (form.is_bound and form.errors) else 200)


def _saved_message(group: TermGroup) -> str:
    """What the saved group now serves: a group held for one reader does not change the
    other's answers, and staff should test the side it serves."""
    if group.scope == TermScope.SEARCH:
        return _("已保存，立即对政策检索生效（不用于政策问答）。")
    if group.scope == TermScope.QA:
        return _("已保存，立即对政策问答生效（不用于政策检索）。")
    return _("已保存，立即对问答和检索生效。")


def _save(request, form: GroupForm, group: TermGroup | None):
    def save():
        if group is None:
            return term_group_create(data=form.group_data(), actor=request.user)
        return term_group_update(group=group, data=form.group_data(), actor=request.user)

    saved = attempt(request, save, form=form, success=_saved_message)
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
        "kind": group.kind, "scope": group.scope, "note": group.note})
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

