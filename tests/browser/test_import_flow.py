"""Importing another district's plan in a browser: upload a web page, see the year read
from its title, filter the tasks with no units, correct one in place, map an unknown
name once for all its occurrences, and confirm (the progress indicator shows)."""
import os
from pathlib import Path

import pytest

from gongkai.orgs.models import Role, Unit, UnitAlias, User
from gongkai.orgs.services import groups_ensure_known
from gongkai.plans.models import Plan, TaskUnit
from tests.browser.conftest import login, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-pass-1"
PLAN = (Path(__file__).resolve().parents[2] / "gongkai" / "plans" / "fixtures" / "plans"
        / "district-2022-table.html")
KNOWN = ("区发展改革局", "区工业和信息化局", "区商务局", "区政务服务数据管理局", "区住房城乡建设局",
         "区规划和自然资源局", "区税务局", "区财政局", "区人力资源社会保障局", "区退役军人事务局",
         "区农业农村局", "区教育局", "区卫生健康局", "区司法局", "区管委会办公室")


@pytest.fixture
def office():
    groups_ensure_known()
    office_unit = Unit.objects.create(name="区政务公开办", category="other", is_office=True)
    for name in KNOWN:
        Unit.objects.create(name=name, category="department")
    Unit.objects.create(name="中国人民银行广州分行营业管理部黄埔中心支行", category="other")
    User.objects.create_user("office", password=PASSWORD, role=Role.OFFICE_ADMIN,
                             unit=office_unit)


def test_upload_filter_correct_map_and_confirm(new_page, office):
    page = new_page()
    login(page, "office", PASSWORD)
    page.goto("/plans/import/")
    page.set_input_files("#id_file", str(PLAN))
    submit(page, "main button[type=submit]")
    assert page.input_value("#id_year") == "2022"  # read from the title
    assert page.locator(".year-warning").count() == 0
    assert "共1处" in page.inner_text("#pending")

    page.check("#filters input[data-filter=empty]")
    visible = page.locator("tr.task-row:visible")
    assert visible.count() == 1 and visible.first.get_attribute("id") == "task-5"
    page.fill("textarea[name=units-5]", "区税务局牵头；区财政局配合")
    page.uncheck("#filters input[data-filter=empty]")
    assert page.locator("tr.task-row:visible").count() == 10
    submit(page, "#units-form button[type=submit] >> nth=0")
    assert "已手工修改" in page.inner_text("#task-5")

    row = page.locator("#pending tr", has_text="人民银行黄埔中心支行")
    row.locator("select[name=unit]").select_option(label="中国人民银行广州分行营业管理部黄埔中心支行")
    with page.expect_navigation():
        row.locator("button:has-text('对应')").click()
    assert page.locator("#pending").count() == 0
    if os.environ.get("GONGKAI_SCREENSHOTS"):
        page.screenshot(path=os.environ["GONGKAI_SCREENSHOTS"] + "/import-preview.png",
                        full_page=True)

    # Hold the first submission back to see what the office sees while it runs.
    page.evaluate("document.getElementById('confirm-form').addEventListener("
                  "'submit', (e) => e.preventDefault(), {once: true})")
    page.click("#confirm-button")
    assert page.locator("#confirm-progress").is_visible()
    assert page.locator("#confirm-button").is_disabled()
    with page.expect_navigation():
        page.evaluate("document.getElementById('confirm-form').submit()")
    assert "已导入2022年分工方案：10项任务" in page.content()
    plan = Plan.objects.get(year=2022)
    assert plan.signed_on.isoformat() == "2022-08-08"
    task_5 = plan.tasks.get(number=5)
    assert [(tu.unit.name, tu.role) for tu in task_5.task_units.all()] == [
        ("区税务局", "lead"), ("区财政局", "cooperate")]
    assert UnitAlias.objects.filter(name="人民银行黄埔中心支行").exists()
    note = TaskUnit.objects.get(task__plan=plan, task__number=8, unit__name="区司法局").note
    assert note == "负责规范性文件审核"
