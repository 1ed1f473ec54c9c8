"""The proactive-disclosure catalog: each unit's items with their timeliness, editing an
item and sending it to review, the public catalog of a unit, and the office's review
routes.

A unit's own catalog (drafts included) is for its staff and the office: other units get
403 on the list and 404 on an item. The public catalog shows only what the reader's
audience may read.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.core.actions import attempt
from gongkai.core.errors import ApplicationError
from gongkai.core.params import int_param
from gongkai.orgs.models import Unit
from gongkai.publishing import permissions as perms
from gongkai.publishing.forms import CatalogItemForm, RouteForm, WithdrawForm
from gongkai.publishing.lists import CATALOG_ITEMS
from gongkai.publishing.models import (
    CatalogCategory,
    CatalogItem,
    Review,
    ReviewRoute,
    ReviewStatus,
)
from gongkai.publishing.selectors import published_visible_to, routes_by_unit
from gongkai.publishing.selectors.catalog import (
    catalog_by_category,
    catalog_items,
    catalog_timeliness,
    timeliness_summary,
)
from gongkai.publishing.services import (
    catalog_item_create,
    catalog_item_update,
    content_submit_for_review,
    content_withdraw,
    review_route_set,
)


def _year(request) -> int:
    year = int_param(request.GET, "year", minimum=2000, maximum=2100)
    return year or timezone.localdate().year


def _unit_of(request) -> Unit:
    """The unit whose catalog is shown: the office picks one, staff see their own."""
    user = request.user
    if user.is_office_admin:
        unit_id = int_param(request.GET, "unit")
        unit_id = unit_id if unit_id is not None else int_param(request.POST, "unit")
        if unit_id is not None:
            return get_object_or_404(Unit, pk=unit_id)
    if user.unit is None or not perms.can_view_catalog_of(user, user.unit):
        raise PermissionDenied
    return user.unit


def _catalog_unit(request) -> tuple[Unit, bool]:
    """The unit whose catalog is listed, and whether the office's ``?unit=`` named no
    unit (then its own unit is shown and the page says the value was ignored)."""
    raw = request.GET.get("unit", "")
    if request.user.is_office_admin and raw:
        unit_id = int_param(request.GET, "unit")
        unit = Unit.objects.filter(pk=unit_id).first() if unit_id else None
        if unit is not None:
            return unit, False
    user = request.user
    if user.unit is None or not perms.can_view_catalog_of(user, user.unit):
        raise PermissionDenied
    return user.unit, bool(raw) and user.is_office_admin


@login_required
@require_GET
def catalog(request):
    unit, unit_ignored = _catalog_unit(request)
    if not perms.can_view_catalog_of(request.user, unit):
        raise PermissionDenied
    year = _year(request)
    office = request.user.is_office_admin
    listing = CATALOG_ITEMS.read(request, catalog_items(unit=unit), keep={
        "unit": unit.pk if office else None,
        "year": year if "year" in request.GET else None})
    if unit_ignored:
        listing.ignored.append(_("单位"))
    rows = catalog_timeliness(unit=unit, year=year)
    timeliness = {row.item.pk: row for row in rows}
    return render(request, "publishing/catalog.html", {
        "unit": unit, "year": year, "summary": timeliness_summary(rows), "listing": listing,
        "entries": [(item, timeliness.get(item.pk)) for item in listing.page],
        # Categories the unit has no item in: the gaps the grouped catalog used to show.
        "empty_categories": CatalogCategory.objects.exclude(items__unit=unit),
        "units": Unit.objects.filter(is_active=True) if office else [],
        "can_edit": perms.can_edit_catalog_of(request.user, unit),
    })


def _item_action(request, item: CatalogItem) -> bool:
    """Submit or withdraw ``item``; True when done."""
    action = request.POST.get("action")
    if not perms.can_submit_content(request.user, item):
        raise PermissionDenied
    if action == "submit":
        content_submit_for_review(obj=item, actor=request.user)
        messages.success(request, _("已提交审核。"))
        return True
    if action == "withdraw":
        form = WithdrawForm(request.POST)
        if not form.is_valid():
            raise ApplicationError(_("撤回时须填写撤回理由。"))
        content_withdraw(obj=item, actor=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("已撤回。"))
        return True
    return False


def _save(request, form: CatalogItemForm, item: CatalogItem | None, unit: Unit):
    data = form.cleaned_data
    if item is None:
        return catalog_item_create(unit=unit, actor=request.user, **data)
    return catalog_item_update(item=item, actor=request.user, version=form.opened_version(),
                               **data)


def _post(request, form: CatalogItemForm, item: CatalogItem | None, unit: Unit, *,
          editable: bool):
    """Run the posted action or save; the redirect on success, else None (the page is
    shown again with the errors, and the conflict if someone saved meanwhile)."""
    if item is not None:
        acted = attempt(request, lambda: _item_action(request, item))
        if not acted.ok:
            return None
        if acted.value:
            return redirect("publishing:catalog_item_edit", pk=item.pk)
    if not editable:
        messages.error(request, _("已发布或审核中的事项不能修改；已发布的事项请先撤回。"))
        return None
    if form.is_valid():
        saved = attempt(request, lambda: _save(request, form, item, unit), conflict=form,
                        success=_("已保存。"))
        if saved.ok:
            return redirect("publishing:catalog_item_edit", pk=saved.value.pk)
    return None


@login_required
@require_http_methods(["GET", "POST"])
def catalog_item_edit(request, pk: int | None = None):
    item = None
    if pk is not None:
        item = get_object_or_404(CatalogItem.objects.select_related("unit", "category"), pk=pk)
        if not perms.can_view_catalog_of(request.user, item.unit):
            raise Http404
    unit = item.unit if item else _unit_of(request)
    if not perms.can_edit_catalog_of(request.user, unit):
        raise PermissionDenied
    editable = item is None or perms.can_edit_catalog_item(request.user, item)
    form = CatalogItemForm(request.POST or None, instance=item)
    if request.method == "POST":
        done = _post(request, form, item, unit, editable=editable)
        if done is not None:
            return done
    review = None
    if item is not None:
        review = Review.objects.filter(content_type__model="catalogitem",
                                       content_type__app_label="publishing",
                                       object_id=item.pk).order_by("-submitted_at").first()
    return render(request, "publishing/catalog_item_edit.html", {
        "item": item, "unit": unit, "form": form, "editable": editable, "review": review,
        "review_open": review is not None and review.status == ReviewStatus.OPEN,
        "withdraw_form": WithdrawForm(),
    }, status=400 if request.method == "POST" else 200)


@require_GET
def catalog_public(request, unit_id: int):
    unit = get_object_or_404(Unit, pk=unit_id, is_active=True)
    items = published_visible_to(request.user, catalog_items(unit=unit))
    grouped = [(c, members) for c, members in catalog_by_category(items) if members]
    return render(request, "publishing/catalog_public.html", {"unit": unit, "grouped": grouped})


@login_required
@require_http_methods(["GET", "POST"])
def routes(request):
    if not perms.can_manage_routes(request.user):
        raise PermissionDenied
    unit_id = int_param(request.GET, "unit")
    unit = get_object_or_404(Unit, pk=unit_id) if unit_id is not None else None
    route = ReviewRoute.objects.filter(unit=unit).first()
    initial = {"levels": route.levels if route else 3,
               "reviewers": list(route.reviewers.all()) if route else []}
    form = RouteForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if attempt(request, lambda: review_route_set(unit=unit, actor=request.user,
                                                     **form.cleaned_data),
                   success=_("审核流程已保存。")).ok:
            return redirect(request.get_full_path())
    all_routes = routes_by_unit()
    units = [(u, all_routes.get(u.pk)) for u in Unit.objects.filter(is_active=True)]
    return render(request, "publishing/routes.html", {
        "unit": unit, "form": form, "units": units, "default_route": all_routes.get(None),
    }, status=400 if request.method == "POST" else 200)
