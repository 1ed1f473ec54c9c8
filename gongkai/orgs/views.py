"""The registry pages: the office lists, searches and edits units, aliases and groups."""
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.actions import attempt
from gongkai.orgs import services_registry
from gongkai.orgs.forms import AliasForm, GroupForm, UnitCreateForm, UnitEditForm
from gongkai.orgs.lists import UNITS
from gongkai.orgs.models import Unit, UnitAlias, UnitCategory, UnitGroup
from gongkai.orgs.permissions import (
    can_edit_registry,
    can_view_registry,
    can_view_registry_history,
)


def _allowed(predicate):
    """Anonymous users go to the login page; signed-in users without the right get 403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if not predicate(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _services():
    # Creating units and adding aliases live in the registry's main services module.
    from gongkai.orgs import services

    return services


@_allowed(can_view_registry)
def unit_list(request):
    units = Unit.objects.prefetch_related(
        Prefetch("aliases", queryset=UnitAlias.objects.order_by("name")))
    listing = UNITS.read(request, units)
    return render(request, "orgs/unit_list.html", {
        "listing": listing, "units": listing.page.object_list,
        "can_edit": can_edit_registry(request.user),
    })


@_allowed(can_edit_registry)
def unit_create(request):
    form = UnitCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = attempt(request, lambda: _services().unit_create(
            name=data["name"], category=data["category"], short_name=data["short_name"],
            aliases=tuple(data["aliases"]), actor=request.user), form=form,
            success=lambda created: _("已新建单位“%(name)s”。") % {"name": created.name})
        if unit.ok:
            return redirect("orgs:unit_edit", pk=unit.value.pk)
    return render(request, "orgs/unit_create.html", {"form": form})


@_allowed(can_edit_registry)
def unit_edit(request, pk: int):
    unit = get_object_or_404(Unit, pk=pk)
    form = UnitEditForm(request.POST or None, unit=unit)
    if request.method == "POST" and form.is_valid():
        if attempt(request, lambda: services_registry.unit_update(
                unit=unit, actor=request.user, **form.cleaned_data),
                form=form, success=_("已保存。")).ok:
            return redirect("orgs:unit_edit", pk=unit.pk)
    return _render_edit(request, unit, form, AliasForm(unit=unit))


def _render_edit(request, unit, form, alias_form, status=200):
    return render(request, "orgs/unit_edit.html", {
        "unit": Unit.objects.get(pk=unit.pk), "form": form, "alias_form": alias_form,
        "aliases": unit.aliases.order_by("name"),
    }, status=status)


@require_POST
@_allowed(can_edit_registry)
def unit_alias_add(request, pk: int):
    unit = get_object_or_404(Unit, pk=pk)
    alias_form = AliasForm(request.POST, unit=unit)
    if alias_form.is_valid():
        if attempt(request, lambda: _services().unit_alias_add(
                unit=unit, name=alias_form.cleaned_data["name"], actor=request.user),
                form=alias_form, field="name",
                success=lambda alias: _("已添加别名“%(name)s”。") % {"name": alias.name}).ok:
            return redirect("orgs:unit_edit", pk=unit.pk)
    return _render_edit(request, unit, UnitEditForm(unit=unit), alias_form, status=400)


@require_POST
@_allowed(can_edit_registry)
def unit_alias_remove(request, pk: int, alias_pk: int):
    alias = get_object_or_404(UnitAlias, pk=alias_pk, unit_id=pk)
    services_registry.unit_alias_remove(alias=alias, actor=request.user)
    messages.success(request, _("已删除别名“%(name)s”。") % {"name": alias.name})
    return redirect("orgs:unit_edit", pk=pk)


@_allowed(can_view_registry_history)
def unit_history(request, pk: int):
    unit = get_object_or_404(Unit, pk=pk)
    return render(request, "orgs/unit_history.html", {"unit": unit})


@_allowed(can_view_registry)
def group_list(request):
    groups = UnitGroup.objects.prefetch_related("members")
    labels = dict(UnitCategory.choices)
    rows = [{"group": g, "categories": [labels.get(c, c) for c in g.categories]}
            for g in groups]
    return render(request, "orgs/group_list.html", {
        "rows": rows, "can_edit": can_edit_registry(request.user)})


@require_POST
@_allowed(can_edit_registry)
def group_ensure_known(request):
    created = _services().groups_ensure_known()
    messages.success(request, _("已补充 %(n)d 个常用单位组。") % {"n": created})
    return redirect("orgs:group_list")


@_allowed(can_edit_registry)
def group_edit(request, pk: int):
    group = get_object_or_404(UnitGroup, pk=pk)
    form = GroupForm(request.POST or None, initial={
        "categories": group.categories, "members": list(group.members.all()),
        "description": group.description,
    })
    if request.method == "POST" and form.is_valid():
        if attempt(request, lambda: services_registry.group_update(
                group=group, actor=request.user, **form.cleaned_data),
                form=form, success=_("已保存单位组“%(name)s”。") % {"name": group.name}).ok:
            return redirect("orgs:group_list")
    return render(request, "orgs/group_edit.html", {"group": group, "form": form})
