"""plan_json prints the stored plan in the agreed shape."""
import io
import json

import pytest

from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.orgs.huangpu import load_huangpu_registry
from gongkai.plans.models import Plan
from gongkai.plans.selectors.plan import plan_to_dict
from gongkai.plans.tests.test_importer_seed import SEED

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored():
    load_huangpu_registry()
    out = io.StringIO()
    call_command("import_plan", str(SEED), "--year", "2022", stdout=out)
    assert "任务 64 项" in out.getvalue()
    return Plan.objects.get(year=2022)


def test_plan_json_prints_the_seed(stored):
    out = io.StringIO()
    call_command("plan_json", "--year", "2022", stdout=out)
    text = out.getvalue()
    assert "区发展改革局" in text and "\\u" not in text and '\n  "year"' in text
    data = json.loads(text)
    assert set(data) == {"year", "title", "signed_on", "report_deadlines", "parts"}
    assert data["year"] == 2022 and data["signed_on"] == "2022-08-08"
    assert data["report_deadlines"] == ["2022-09-30", "2022-12-30"]
    assert len(data["parts"]) == 5
    assert sum(len(p["sections"]) for p in data["parts"]) == 18
    tasks = [t for p in data["parts"] for s in p["sections"] for t in s["tasks"]]
    assert [t["number"] for t in tasks] == list(range(1, 65))
    assert set(tasks[0]) == {"number", "text", "units", "groups"}
    assert tasks[0]["units"][0] == {"name": "区发展改革局", "role": "implement"}
    assert {"name": "各街镇", "role": "implement"} in tasks[0]["groups"]
    assert set(data["parts"][0]) == {"number", "title", "sections"}
    assert set(data["parts"][0]["sections"][0]) == {"number", "title", "tasks"}


def test_plan_to_dict_uses_a_constant_number_of_queries(stored):
    with CaptureQueriesContext(connection) as queries:
        plan_to_dict(stored)
    assert len(queries) <= 8


def test_plan_json_for_a_missing_year_fails():
    with pytest.raises(CommandError):
        call_command("plan_json", "--year", "1999")
