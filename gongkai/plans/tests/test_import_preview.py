"""The preview as the office uses it: year from the title, corrections of units in
place, one mapping for every occurrence of a name, flags for the filters."""
import re

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.orgs.models import UnitAlias
from gongkai.orgs.services import groups_ensure_known
from gongkai.orgs.tests.factories import OfficeAdminFactory, UnitFactory
from gongkai.plans.importer import parse_plan, read_lines
from gongkai.plans.importer.edits import apply_edits, refs_as_text
from gongkai.plans.models import Plan, TaskUnit

pytestmark = pytest.mark.django_db

PLAN = """关于印发测试区2022年政务公开工作要点分工方案的通知
各单位分别于2022年9月30日、12月30日前报送第三、四季度推进落实情况。
测试区人民政府办公室
2022年3月1日
工作任务|具体要求|牵头单位|责任单位
一、夯实基础||||
(一)规范公开|1.做好信息公开。|区测试一局|区神秘局
(一)规范公开|2.加强培训。||
(一)规范公开|3.做好解读。|区神秘局|各街镇
"""


def upload(client, text=PLAN, year=""):
    return client.post(reverse("plans:import"), {
        "file": SimpleUploadedFile("plan.txt", text.encode()), "year": year})


@pytest.fixture
def admin_client(client):
    groups_ensure_known()
    UnitFactory(name="区测试一局")
    UnitFactory(name="区测试二局")
    client.force_login(OfficeAdminFactory())
    return client


def test_year_left_blank_is_read_from_the_title(admin_client):
    upload(admin_client)
    assert admin_client.session["plans_import"]["year"] == 2022
    page = admin_client.get(reverse("plans:import_preview")).content.decode()
    assert "year-warning" not in page


def test_a_year_that_disagrees_with_title_and_deadlines_is_warned_about(admin_client):
    upload(admin_client, year=2026)
    page = admin_client.get(reverse("plans:import_preview")).content.decode()
    assert "标题中的年份是2022年，与所选年度2026年不一致" in page
    assert "报送截止日期在2022年" in page
    admin_client.post(reverse("plans:import_year"), {"year": 2022})
    page = admin_client.get(reverse("plans:import_preview")).content.decode()
    assert "year-warning" not in page


def test_preview_flags_empty_and_unknown_and_shows_each_unknown_name_once(admin_client):
    upload(admin_client)
    page = admin_client.get(reverse("plans:import_preview")).content.decode()
    assert re.search(r'data-empty="1" data-merged="0" data-guessed="0" id="task-2"', page)
    assert re.search(r'data-empty="0" data-merged="0" data-guessed="1" id="task-1"', page)
    assert page.count('<span class="unresolved">区神秘局</span>') == 1
    assert "共2处" in page


def test_mapping_an_unknown_name_once_resolves_every_occurrence(admin_client):
    upload(admin_client)
    unit = UnitFactory(name="区神秘事务局")
    admin_client.post(reverse("plans:import_map"), {"name": "区神秘局", "unit": unit.pk})
    assert UnitAlias.objects.filter(unit=unit, name="区神秘局").exists()
    admin_client.post(reverse("plans:import_confirm"))
    plan = Plan.objects.get(year=2022)
    roles = set(TaskUnit.objects.filter(task__plan=plan, unit=unit)
                .values_list("task__number", "role"))
    assert roles == {(1, "implement"), (3, "lead")}


def test_units_edited_in_the_preview_are_what_is_imported(admin_client):
    upload(admin_client)
    unit = UnitFactory(name="区神秘事务局")
    admin_client.post(reverse("plans:import_map"), {"name": "区神秘局", "unit": unit.pk})
    admin_client.post(reverse("plans:import_units"), {
        "units-2": "区测试二局牵头；各街镇配合", "original-2": "",
        "units-1": "区测试一局牵头；区神秘局落实", "original-1": "区测试一局牵头；区神秘局落实"})
    assert admin_client.session["plans_import"]["edits"] == {"2": "区测试二局牵头；各街镇配合"}
    admin_client.post(reverse("plans:import_confirm"))
    task_2 = Plan.objects.get(year=2022).tasks.get(number=2)
    assert [(tu.unit.name, tu.role) for tu in task_2.task_units.all()] == [("区测试二局", "lead")]
    assert [(tg.group.name, tg.role) for tg in task_2.task_groups.all()] == [("各街镇", "cooperate")]


def test_a_bad_edit_stops_confirmation_with_the_name_and_nothing_is_imported(admin_client):
    upload(admin_client)
    UnitFactory(name="区神秘局")
    admin_client.post(reverse("plans:import_units"), {"units-2": "区不存在局落实", "original-2": ""})
    response = admin_client.post(reverse("plans:import_confirm"), follow=True)
    assert "区不存在局" in response.content.decode()
    assert not Plan.objects.exists()


def test_units_text_round_trips_through_the_units_rules():
    lines = read_lines(PLAN.encode(), "p.txt")
    plan = parse_plan(lines, year=2022)
    task = plan.tasks[2]
    text = refs_as_text(task.refs)
    assert text == "区神秘局牵头；各街镇落实"
    apply_edits(plan, {"3": text})
    assert [(r.name, r.role, r.kind) for r in plan.tasks[2].refs] == [
        ("区神秘局", "lead", "unit"), ("各街镇", "implement", "group")]
    apply_edits(plan, {"1": ""})
    assert plan.tasks[0].refs == [] and plan.tasks[0].edited
