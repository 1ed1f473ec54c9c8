"""Written-out statements sent together (one round trip on PostgreSQL): each returns
its own rows in order, the writes after ``fetch`` take effect, JSON columns decode."""
import pytest

from gongkai.core.sql import json_value, placeholders, run_together
from gongkai.orgs.models import Unit
from gongkai.orgs.tests.factories import UnitFactory

TABLE = Unit._meta.db_table
pytestmark = pytest.mark.django_db


def test_each_statement_returns_its_own_rows_in_order():
    ids = sorted(UnitFactory().pk for _ in range(3))
    found = run_together([
        (f"SELECT id FROM {TABLE} WHERE id IN ({placeholders(ids[:2])}) ORDER BY id",  # noqa: S608
         ids[:2]),
        (f"SELECT COUNT(*) FROM {TABLE} WHERE id IN ({placeholders(ids)})", ids),  # noqa: S608
        (f"SELECT id FROM {TABLE} WHERE id = %s", [-1])])  # noqa: S608
    assert found == [[(ids[0],), (ids[1],)], [(3,)], []]


def test_the_statements_after_fetch_write_and_return_nothing():
    unit = UnitFactory(name="旧名称")
    found = run_together([
        (f"SELECT name FROM {TABLE} WHERE id = %s", [unit.pk]),  # noqa: S608
        (f"UPDATE {TABLE} SET name = %s WHERE id = %s", ["新名称", unit.pk])],  # noqa: S608
        fetch=1)
    assert found == [[("旧名称",)]]
    unit.refresh_from_db()
    assert unit.name == "新名称"


def test_a_value_goes_in_as_a_parameter_never_as_text():
    unit = UnitFactory()
    hostile = "x' OR '1'='1"
    found = run_together([(f"SELECT id FROM {TABLE} WHERE name = %s", [hostile])])  # noqa: S608
    assert found == [[]]
    assert Unit.objects.filter(pk=unit.pk).exists()


def test_json_columns_are_decoded_whichever_way_the_database_gives_them():
    assert json_value('{"词": [1, 2]}') == {"词": [1, 2]}
    assert json_value({"词": [1, 2]}) == {"词": [1, 2]}
    assert json_value(None) is None
