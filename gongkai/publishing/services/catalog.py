"""The proactive-disclosure catalog (tasks 49, 50): its categories and each unit's items.

Items are public content: they are created as drafts and reach the public catalog only
through review (``content_submit_for_review``). A published item is withdrawn before it
is changed, and its 形成或变更日期 then starts a new 20-working-day limit.
"""
import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.services import model_update
from gongkai.core.versioning import claim_version
from gongkai.orgs.models import Unit
from gongkai.publishing.catalog_defaults import CATEGORIES
from gongkai.publishing.events import PublishingEvent
from gongkai.publishing.models import Audience, CatalogCategory, CatalogItem
from gongkai.publishing.permissions import EDITABLE

EDITABLE_FIELDS = ("category", "title", "description", "basis", "time_limit",
                   "is_standard_catalog", "made_on", "url", "audience")
_LABELS = {"title": gettext_lazy("公开事项"), "description": gettext_lazy("公开内容"),
           "basis": gettext_lazy("公开依据"), "time_limit": gettext_lazy("公开时限"),
           "url": gettext_lazy("公开链接"), "made_on": gettext_lazy("形成或变更日期"),
           "category": gettext_lazy("类别"), "audience": gettext_lazy("公开范围")}


def catalog_categories_ensure() -> int:
    """Create the Art. 20 and Art. 21 categories that are missing; return how many."""
    existing = set(CatalogCategory.objects.values_list("code", flat=True))
    missing = [CatalogCategory(code=code, name=name, article=article, order=order)
               for code, name, article, order in CATEGORIES if code not in existing]
    CatalogCategory.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


def _clean(item: CatalogItem) -> None:
    item.title = (item.title or "").strip()
    if not item.title:
        raise ApplicationError(_("请填写公开事项名称。"))
    if item.audience == Audience.UNITS:
        raise ApplicationError(_("目录事项面向社会公众或政府工作人员公开。"))
    try:
        item.full_clean(exclude=["unit", "author", "audience_units"])
    except ValidationError as error:
        problems = "；".join(
            f"{_LABELS.get(field, field)}：{' '.join(str(m) for m in messages)}"
            for field, messages in error.message_dict.items())
        raise ApplicationError(problems) from error


@transaction.atomic
def catalog_item_create(*, unit: Unit, actor, category: CatalogCategory, title: str,
                        description: str = "", basis: str = "", time_limit: str = "",
                        is_standard_catalog: bool = False, made_on: dt.date | None = None,
                        url: str = "", audience: str = Audience.PUBLIC) -> CatalogItem:
    """A draft catalog item of ``unit``."""
    item = CatalogItem(unit=unit, author=actor, category=category, title=title,
                       description=description or "", basis=basis or "",
                       is_standard_catalog=is_standard_catalog, made_on=made_on,
                       url=url or "", audience=audience)
    if time_limit:
        item.time_limit = time_limit
    _clean(item)
    item.save()
    record_event(obj=item, action=PublishingEvent.CATALOG_ITEM_CREATED, actor=actor,
                 details={"title": item.title, "category": str(category)})
    return item


@transaction.atomic
def catalog_item_update(*, item: CatalogItem, actor, version: int | None = None,
                        **fields) -> CatalogItem:
    """Change a draft, returned or withdrawn item; ``fields`` are among EDITABLE_FIELDS.
    Refused (``StaleEdit``) when someone saved it since ``version``."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ApplicationError(_("不能修改：%(f)s。") % {"f": "、".join(sorted(unknown))})
    locked = CatalogItem.objects.select_for_update().get(pk=item.pk)
    if locked.publication_status not in EDITABLE:
        raise ApplicationError(_("“%(s)s”的事项不能修改；已发布的事项请先撤回。") % {
            "s": locked.get_publication_status_display()})
    data = {name: "" if value is None and name not in ("made_on", "category") else value
            for name, value in fields.items()}
    before = {name: getattr(locked, name) for name in data}
    changed = {name: [str(before[name]), str(getattr(locked, name))]
               for name in model_update(locked, data, EDITABLE_FIELDS)}
    if not changed:
        return locked
    claim_version(locked, version)
    _clean(locked)
    locked.save()
    record_event(obj=locked, action=PublishingEvent.CATALOG_ITEM_UPDATED, actor=actor,
                 details={"changed": changed})
    return locked
