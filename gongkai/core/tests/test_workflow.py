import pytest

from gongkai.core.audit import history_of
from gongkai.core.errors import ApplicationError
from gongkai.core.workflow import transition
from gongkai.orgs.models import Unit
from gongkai.plans.models import Plan, ReportingPeriod  # noqa: F401


@pytest.mark.django_db
def test_transition_refuses_a_move_missing_from_the_table_and_changes_nothing():
    unit = Unit.objects.create(name="区测试局", category="department")
    table = {("department", "street_town"): "orgs.unit.recategorised"}
    transition(unit, to="street_town", table=table, field="category")
    unit.refresh_from_db()
    assert unit.category == "street_town"
    with pytest.raises(ApplicationError, match="不能变更"):
        transition(unit, to="park", table=table, field="category")
    unit.refresh_from_db()
    assert unit.category == "street_town"
    assert [e.action for e in history_of(unit)] == ["orgs.unit.recategorised"]
