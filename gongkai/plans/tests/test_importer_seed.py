"""The whole seed (Huangpu 2022) imported as a careful reader would list it."""
import datetime as dt
import shutil

import pytest

from django.conf import settings
from django.core.management import CommandError, call_command

from gongkai.core.errors import ApplicationError
from gongkai.core.models import AuditEvent
from gongkai.orgs.huangpu import load_huangpu_registry
from gongkai.orgs.models import Unit, UnitAlias, UnitGroup
from gongkai.plans.models import Assignment, Part, Plan, Section, Task, TaskGroup, TaskUnit
from gongkai.plans.selectors.plan import plan_to_dict
from gongkai.plans.services.importing import plan_import_file

SEED = settings.BASE_DIR / "gongkai" / "plans" / "fixtures" / "huangpu-2022.txt"
SHARED_SEED = settings.BASE_DIR.parent / "shared" / "seeds" / "000_cf2d3c68f4e2a2f4.txt"

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    load_huangpu_registry()
    result = plan_import_file(source=SEED, year=2022)
    return result.plan


def roles(plan_dict: dict, number: int) -> tuple[dict, dict]:
    task = next(t for p in plan_dict["parts"] for s in p["sections"] for t in s["tasks"]
                if t["number"] == number)
    return ({u["name"]: u["role"] for u in task["units"]},
            {g["name"]: g["role"] for g in task["groups"]})


def test_repo_copy_of_the_seed_is_the_shared_seed():
    if SHARED_SEED.exists():
        assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_registry_load_is_idempotent():
    created = load_huangpu_registry()
    assert created >= 50
    counts = (Unit.objects.count(), UnitAlias.objects.count(), UnitGroup.objects.count())
    assert load_huangpu_registry() == 0
    assert (Unit.objects.count(), UnitAlias.objects.count(), UnitGroup.objects.count()) == counts
    office = Unit.objects.get(is_office=True)
    assert office.name == "区政务公开办" and office.category == "other"
    assert Unit.objects.filter(category="street_town").count() == 17
    assert UnitGroup.objects.filter(name="各街镇").exists()


def test_seed_counts_metadata_and_periods(seeded):
    plan = seeded
    assert (Part.objects.count(), Section.objects.count(), Task.objects.count()) == (5, 18, 64)
    assert plan.title == "广州市黄埔区广州开发区2022年政务公开工作要点分工方案"
    assert plan.doc_number == "穗埔府办函〔2022〕号"
    assert plan.signed_on == dt.date(2022, 8, 8)
    assert "广州市黄埔区人民政府办公室" in plan.issuer
    assert [(p.number, p.deadline) for p in plan.periods.all()] == [
        (3, dt.date(2022, 9, 30)), (4, dt.date(2022, 12, 30))]
    for heading in ("一、提高思想认识", "二、细化责任分工", "三、推进工作实施", "四、加强督促考核"):
        assert heading in plan.notice_text
    # The table's part headings are not confused with the notice's requirements.
    assert Part.objects.get(number=1).title == "以公开助力经济平稳健康发展"


def test_seed_text_is_simplified_and_artefacts_repaired(seeded):
    texts = " ".join(Task.objects.values_list("text", flat=True))
    for artefact in ("方麵", "製度", "係統", "谘詢", "谘询", "區"):
        assert artefact not in texts
    assert "咨询" in Task.objects.get(number=6).text
    assert Task.objects.get(number=5).text.startswith("系统集成")


def test_repeated_section_headings_are_one_section(seeded):
    section = Section.objects.get(number=10)
    assert list(section.tasks.values_list("number", flat=True)) == [28, 29, 30]
    assert list(Section.objects.get(number=18).tasks.values_list("number", flat=True)) == [
        61, 62, 63, 64]


def test_tricky_tasks_read_as_a_careful_reader_would(seeded):
    d = plan_to_dict(seeded)
    assert roles(d, 5) == (
        {"区政务公开办": "coordinate", "区税务局": "implement", "区财政局": "implement"},
        {"各有关部门": "cooperate", "各街镇": "cooperate", "园区管理机构": "cooperate"})
    assert roles(d, 6) == roles(d, 5)
    for number in (7, 8, 9):
        assert roles(d, number) == ({}, {"各部门": "implement", "各街镇": "implement",
                                         "园区管理机构": "implement"})
    expected_13 = ({"区人力资源社会保障局": "implement", "区退役军人事务局": "implement",
                    "区农业农村局": "implement", "区教育局": "implement"},
                   {"各街镇": "implement", "园区管理机构": "implement"})
    assert roles(d, 13) == expected_13 and roles(d, 14) == expected_13
    assert roles(d, 16) == ({"区卫生健康局": "lead"}, {"各街镇": "implement"})
    assert roles(d, 19) == ({"区政务服务数据管理局": "lead"},
                            {"各相关主管部门": "implement", "各街镇": "implement",
                             "园区管理机构": "implement"})
    assert roles(d, 30) == ({}, {"各政策牵头部门": "implement", "各有关单位": "cooperate"})
    units_53, groups_53 = roles(d, 53)
    assert {"区图书馆", "区档案馆", "生物岛管委会", "区政务服务数据管理局",
            "区规划和自然资源局", "区文化广电旅游局"} == set(units_53)
    assert groups_53 == {"各街镇": "implement"}
    assert roles(d, 59) == roles(d, 60) == (
        {"区政务公开办": "implement", "区信息办": "implement"}, {})
    assert roles(d, 61) == ({"区政务公开办": "lead"}, {
        "各部门": "implement", "各街镇": "implement", "园区管理机构": "implement"})
    assert roles(d, 63) == roles(d, 64)
    assert roles(d, 1)[0]["区工业和信息化局"] == "implement"  # shared 区 prefix
    assert roles(d, 51)[0] == {"区民政局": "lead", "区农业农村局": "lead", "区财政局": "lead"}


def test_group_words_are_never_units(seeded):
    group_names = set(UnitGroup.objects.values_list("name", flat=True))
    assert not Unit.objects.filter(name__in=group_names).exists()
    assert Assignment.objects.filter(task__number=16, unit__name="黄埔街道").exists()


def test_second_import_changes_nothing(seeded):
    before = (Task.objects.count(), TaskUnit.objects.count(), TaskGroup.objects.count(),
              Assignment.objects.count(), Plan.objects.count())
    first = plan_to_dict(seeded)
    result = plan_import_file(source=SEED, year=2022)
    assert result.plan.pk == seeded.pk
    assert (Task.objects.count(), TaskUnit.objects.count(), TaskGroup.objects.count(),
            Assignment.objects.count(), Plan.objects.count()) == before
    assert plan_to_dict(result.plan) == first
    assert result.counts["created"] == 0 and result.counts["removed"] == 0


def test_dry_run_writes_nothing():
    load_huangpu_registry()
    events = AuditEvent.objects.count()
    result = plan_import_file(source=SEED, year=2022, dry_run=True)
    assert result.plan is None and result.counts["tasks"] == 64 and not result.unresolved
    assert not Plan.objects.exists() and AuditEvent.objects.count() == events


def test_unmatched_name_stops_with_name_and_line_and_writes_nothing(tmp_path):
    load_huangpu_registry()
    Unit.objects.filter(name="区信息办").delete()
    with pytest.raises(ApplicationError) as caught:
        plan_import_file(source=SEED, year=2022)
    assert "区信息办" in caught.value.message and "第314行" in caught.value.message
    assert caught.value.details["unresolved"] == [("区信息办", 314)]
    assert not Plan.objects.exists() and not Task.objects.exists()
    with pytest.raises(CommandError):
        call_command("import_plan", str(SEED), "--year", "2022")
    assert not Plan.objects.exists()


def test_create_units_on_an_empty_registry_never_creates_a_group_word(tmp_path):
    copy = tmp_path / "plan.txt"
    shutil.copy(SEED, copy)
    call_command("import_plan", str(copy), "--year", "2022", "--create-units")
    names = set(Unit.objects.values_list("name", flat=True))
    assert {"区发展改革局", "区工业和信息化局", "区农业农村局", "区教育局", "区信息办"} <= names
    assert not names & {"各部门", "各街镇", "街镇", "园区管理机构", "各有关单位",
                        "各政策牵头部门", "各相关主管部门", "各有关部门"}
    assert Task.objects.count() == 64
    assert TaskGroup.objects.filter(task__number=30, group__name="各政策牵头部门").exists()
