"""The yearly figures of annual-report table 二 that units enter themselves."""
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.services import model_update
from gongkai.orgs.models import Unit
from gongkai.policies.events import PoliciesEvent
from gongkai.policies.models import AnnualDecisionCount

_MAX_FEES = Decimal("9999999999")


def _count(value, label: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if number < 0:
        raise ApplicationError(_("%(label)s应为不小于0的整数。") % {"label": label})
    return number


def _fees(value) -> Decimal:
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.0001"))
    except (InvalidOperation, ValueError) as exc:
        raise ApplicationError(_("行政事业性收费金额应为数字（单位：万元）。")) from exc
    if amount < 0 or amount > _MAX_FEES:
        raise ApplicationError(_("行政事业性收费金额应在0到99亿万元之间。"))
    return amount


@transaction.atomic
def decision_counts_set(*, unit: Unit, year: int, licensing: int, penalty: int,
                        enforcement: int, fees_wan_yuan, actor) -> AnnualDecisionCount:
    """Enter (or correct) ``unit``'s decisions and fees for ``year``."""
    if not (1949 <= int(year) <= 2199):
        raise ApplicationError(_("年度不正确。"))
    values = {
        "licensing": _count(licensing, _("行政许可处理决定数量")),
        "penalty": _count(penalty, _("行政处罚处理决定数量")),
        "enforcement": _count(enforcement, _("行政强制处理决定数量")),
        "fees_wan_yuan": _fees(fees_wan_yuan),
    }
    record, created = AnnualDecisionCount.objects.select_for_update().get_or_create(
        unit=unit, year=year, defaults=values)
    before = {k: getattr(record, k) for k in values}
    if not created:
        model_update(record, values, values)
        record.save(update_fields=list(values))
    record_event(obj=record, action=PoliciesEvent.DECISION_COUNTS_SET, actor=actor,
                 details={"year": year, "unit": unit.name, "before": None if created else before,
                          "after": values})
    return record
