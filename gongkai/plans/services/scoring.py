"""Writes to the scoring rule of a plan."""
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.services import model_update
from gongkai.plans.events import PlansEvent
from gongkai.plans.models import Plan, ScoringRule

_FIELDS = ("on_time_points", "passed_points", "completeness_points", "return_penalty")


def scoring_rule_ensure(*, plan: Plan) -> ScoringRule:
    """The plan's rule, stored with the model's defaults the first time it is needed."""
    rule, _created = ScoringRule.objects.get_or_create(plan=plan)
    return rule


@transaction.atomic
def scoring_rule_update(*, plan: Plan, actor, on_time_points, passed_points,
                        completeness_points, return_penalty) -> ScoringRule:
    """Change the weights; every change is recorded with the old and new values."""
    rule = scoring_rule_ensure(plan=plan)
    try:
        values = {"on_time_points": int(on_time_points), "passed_points": int(passed_points),
                  "completeness_points": int(completeness_points),
                  "return_penalty": Decimal(str(return_penalty)).quantize(Decimal("0.01"))}
    except (TypeError, ValueError, InvalidOperation) as exc:
        raise ApplicationError(_("评分规则的分值必须是数字。")) from exc
    if any(v < 0 for v in values.values()) or values["return_penalty"] >= 1000 or any(
            values[k] > 1000 for k in _FIELDS[:3]):
        raise ApplicationError(_("评分规则的分值必须在 0 到 1000 之间。"))
    changes = {k: [str(getattr(rule, k)), str(v)] for k, v in values.items()
               if Decimal(str(getattr(rule, k))) != Decimal(str(v))}
    model_update(rule, values, _FIELDS)
    rule.save(update_fields=list(_FIELDS))
    record_event(obj=plan, action=PlansEvent.SCORING_RULE_UPDATED, actor=actor,
                 details={"changes": changes})
    return rule
