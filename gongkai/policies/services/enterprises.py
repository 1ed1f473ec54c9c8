"""The public-enterprise column (task 19): enterprises and institutions by field,
with links to their own disclosure pages."""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.services import model_update
from gongkai.policies.events import PoliciesEvent
from gongkai.policies.models import EnterpriseField, PublicEnterprise

_FIELDS = ("name", "field", "url", "supervisor", "note", "order")


def _save(enterprise: PublicEnterprise) -> None:
    enterprise.name = (enterprise.name or "").strip()
    if not enterprise.name:
        raise ApplicationError(_("请填写名称。"))
    if enterprise.field not in EnterpriseField.values:
        raise ApplicationError(_("请选择领域。"))
    try:
        enterprise.full_clean()
    except ValidationError as exc:
        raise ApplicationError("；".join(m for ms in exc.message_dict.values() for m in ms)
                               ) from exc
    enterprise.save()


@transaction.atomic
def enterprise_create(*, name: str, field: str, url: str, actor, supervisor=None,
                      note: str = "", order: int = 0) -> PublicEnterprise:
    enterprise = PublicEnterprise(name=name, field=field, url=url, supervisor=supervisor,
                                  note=note, order=order)
    _save(enterprise)
    record_event(obj=enterprise, action=PoliciesEvent.ENTERPRISE_CREATED, actor=actor,
                 details={"name": enterprise.name, "url": enterprise.url})
    return enterprise


@transaction.atomic
def enterprise_update(*, enterprise: PublicEnterprise, actor, **fields) -> PublicEnterprise:
    unknown = set(fields) - set(_FIELDS)
    if unknown:
        raise ApplicationError(_("不能修改的字段：%(fields)s") % {"fields": ", ".join(unknown)})
    model_update(enterprise, fields, _FIELDS)
    _save(enterprise)
    record_event(obj=enterprise, action=PoliciesEvent.ENTERPRISE_UPDATED, actor=actor,
                 details={"fields": sorted(fields)})
    return enterprise


@transaction.atomic
def enterprise_delete(*, enterprise: PublicEnterprise, actor) -> None:
    record_event(obj=enterprise, action=PoliciesEvent.ENTERPRISE_DELETED, actor=actor,
                 details={"name": enterprise.name, "url": enterprise.url})
    enterprise.delete()
