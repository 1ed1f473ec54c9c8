import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from docx import Document

from gongkai.core.audit import history_of
from gongkai.core.errors import ApplicationError
from gongkai.orgs.tests.factories import OfficeUnitFactory, UnitFactory
from gongkai.plans.models import Notice, ReportStatus, ScoringRule
from gongkai.plans.services.notices import notice_generate
from gongkai.plans.tests.factories import (
    AssignmentFactory,
    PlanFactory,
    ReportFactory,
    ReportingPeriodFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db
ON_TIME = dt.datetime(2022, 9, 20, 10, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def results():
    OfficeUnitFactory()
    plan = PlanFactory(year=2022, title="广州市黄埔区广州开发区2022年政务公开工作要点分工方案")
    q3 = ReportingPeriodFactory(plan=plan, number=3, deadline=dt.date(2022, 9, 30))
    task = TaskFactory(plan=plan)
    units = {}
    for name, status in [("区商务局", ReportStatus.PASSED), ("区教育局", ReportStatus.PASSED),
                         ("区民政局", ReportStatus.RETURNED), ("区<b>坏</b>局", None)]:
        unit = units[name] = UnitFactory(name=name)
        assignment = AssignmentFactory(task=task, unit=unit)
        if status:
            ReportFactory(assignment=assignment, period=q3, status=status,
                          first_submitted_at=ON_TIME, return_count=int(status == "returned"))
    return plan, q3, units


def test_the_notice_praises_the_best_and_criticises_the_rest(results, office_admin):
    plan, q3, units = results
    notice = notice_generate(plan=plan, period=q3, actor=office_admin, praised_count=1,
                             doc_number="埔公开〔2022〕5号")
    assert notice.title == "关于2022年第三季度政务公开工作要点落实情况的通报"
    assert list(notice.praised.values_list("name", flat=True)) == ["区商务局"]
    assert set(notice.criticised.values_list("name", flat=True)) == {"区民政局", "区<b>坏</b>局"}
    # 区教育局 is good but outside the top 1: neither praised nor criticised.
    assert "区教育局" not in notice.body.split("予以通报表扬")[0]
    assert "区民政局：1项退回整改后未重新报送" in notice.body
    assert "区<b>坏</b>局：1项任务未报送" in notice.body
    assert ScoringRule.objects.filter(plan=plan).exists()
    event = history_of(notice).get()
    assert event.action == "plans.notice.generated" and event.actor == office_admin


def test_the_docx_opens_and_names_the_units(results, office_admin):
    plan, q3, _units = results
    notice = notice_generate(plan=plan, period=q3, actor=office_admin)
    document = Document(io.BytesIO(notice.file.read()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "关于2022年第三季度政务公开工作要点落实情况的通报" in text
    assert "区商务局" in text and "区教育局" in text and "区民政局" in text
    table_units = [row.cells[1].text for row in document.tables[0].rows[1:]]
    assert table_units[:2] == ["区商务局", "区教育局"] and "区<b>坏</b>局" in table_units
    assert "区政务公开办" in text


def test_a_plan_without_assignments_gets_no_notice(office_admin):
    plan = PlanFactory()
    period = ReportingPeriodFactory(plan=plan)
    with pytest.raises(ApplicationError, match="尚未分派任务"):
        notice_generate(plan=plan, period=period, actor=office_admin)
    assert not Notice.objects.exists()


def test_a_period_of_another_plan_is_refused(results, office_admin):
    plan, _q3, _units = results
    with pytest.raises(ApplicationError):
        notice_generate(plan=plan, period=ReportingPeriodFactory(), actor=office_admin)
