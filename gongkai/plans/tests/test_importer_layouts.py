"""Plans in other layouts than the seed import correctly too."""
import datetime as dt
import io
from pathlib import Path

import docx
import pytest

from gongkai.orgs.huangpu import load_huangpu_registry
from gongkai.orgs.services import groups_ensure_known
from gongkai.plans.importer import parse_plan, read_lines
from gongkai.plans.selectors.plan import plan_to_dict
from gongkai.plans.services.importing import plan_import_file

DATA = Path(__file__).parent / "data"


def roles(plan_dict: dict, number: int) -> tuple[dict, dict]:
    task = next(t for p in plan_dict["parts"] for s in p["sections"] for t in s["tasks"]
                if t["number"] == number)
    return ({u["name"]: u["role"] for u in task["units"]},
            {g["name"]: g["role"] for g in task["groups"]})


def test_pipe_flattened_goal_task_content_units_layout():
    data = (DATA / "pipe-goal-task-2023.txt").read_bytes()
    parsed = parse_plan(read_lines(data, "plan.txt"), year=2023)
    assert [p.title for p in parsed.parts] == ["以公开助力经济发展", "以公开助力社会稳定"]
    assert [s.number for s in parsed.sections] == [1, 2, 3]  # (三) repeated → one section
    assert [t.number for t in parsed.tasks] == [1, 2, 3, 4, 5, 6]
    assert parsed.signed_on == dt.date(2023, 7, 3)
    assert [(p.number, p.deadline) for p in parsed.periods] == [
        (3, dt.date(2023, 9, 25)), (4, dt.date(2023, 12, 25))]
    tasks = {t.number: t for t in parsed.tasks}
    first = [(r.name, r.role) for r in tasks[1].refs]
    assert first == [("市发展改革委", "lead"), ("市工业和信息化局", "cooperate"),
                     ("市商务局", "cooperate")]
    assert tasks[2].shares_units_of is None and tasks[2].refs == []  # empty, not merged
    assert [(r.name, r.role) for r in tasks[3].refs] == [
        ("市税务局", "lead"), ("市财政局", "lead"), ("各区", "implement")]
    assert [(r.name, r.role) for r in tasks[4].refs] == [("市人力资源社会保障局", "implement")]


@pytest.mark.django_db
def test_pipe_layout_imports_with_created_city_units(tmp_path):
    groups_ensure_known()
    result = plan_import_file(source=DATA / "pipe-goal-task-2023.txt", year=2023,
                              create_units=True)
    d = plan_to_dict(result.plan)
    assert roles(d, 5)[0]["市教育局"] == "lead"
    assert roles(d, 6) == ({"市教育局": "implement"}, {})
    assert d["report_deadlines"] == ["2023-09-25", "2023-12-25"]
    assert sum(len(s["tasks"]) for p in d["parts"] for s in p["sections"]) == 6


@pytest.mark.django_db
def test_html_table_with_separate_lead_column_and_spans():
    load_huangpu_registry()
    result = plan_import_file(source=DATA / "html-table-2024.html", year=2024)
    d = plan_to_dict(result.plan)
    assert result.plan.doc_number == "测府办〔2024〕5号"
    assert result.plan.signed_on == dt.date(2024, 3, 15)
    assert d["report_deadlines"] == ["2024-09-30", "2024-12-20"]
    assert [p["title"] for p in d["parts"]] == ["提高政策公开质量", "加强平台建设"]
    assert roles(d, 1) == roles(d, 2) == (
        {"区司法局": "lead"}, {"各部门": "implement", "各街镇": "implement"})
    assert roles(d, 3) == ({"区政务服务数据管理局": "lead", "区教育局": "implement",
                            "区卫生健康局": "implement"}, {"园区管理机构": "implement"})
    task_1 = d["parts"][0]["sections"][0]["tasks"][0]
    assert task_1["text"] == "落实政策解读三同步要求。"
    assert "不应出现" not in result.plan.notice_text


def _docx_plan() -> bytes:
    document = docx.Document()
    document.add_paragraph("关于印发测试区2025年政务公開工作要點分工方案的通知")
    document.add_paragraph("各單位於2025年9月30日、12月30日前報送第三、四季度推進落實情況。")
    document.add_paragraph("二〇二五年五月六日")
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ["工作任务", "工作要求", "牵头单位", "责任单位"],
                          strict=True):
        cell.text = text
    rows = [
        ("一、加强政策解读", "", "", ""),
        ("（一）解读质量", "", "", ""),
        ("1.政策解读", "做好政策諮詢和解讀。", "區政務公開辦", "各部門，各街鎮"),
        ("2.跟踪评估", "開展跟蹤評估。", "", ""),
        ("3.公报", "辦好政府公報。", "區政府辦", "區農業農村局教育局"),
    ]
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    table.rows[1].cells[0].merge(table.rows[1].cells[3])
    table.rows[2].cells[0].merge(table.rows[2].cells[3])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
def test_docx_table_in_traditional_characters(tmp_path):
    load_huangpu_registry()
    path = tmp_path / "plan.docx"
    path.write_bytes(_docx_plan())
    result = plan_import_file(source=path, year=2025)
    d = plan_to_dict(result.plan)
    assert result.plan.signed_on == dt.date(2025, 5, 6)
    assert d["report_deadlines"] == ["2025-09-30", "2025-12-30"]
    assert d["parts"][0]["title"] == "加强政策解读"
    assert d["parts"][0]["sections"][0]["title"] == "解读质量"
    assert roles(d, 1) == ({"区政务公开办": "lead"}, {"各部门": "implement",
                                                      "各街镇": "implement"})
    assert roles(d, 2) == ({}, {})  # empty unit cells name nobody (not a merge)
    assert roles(d, 3) == ({"区政府办": "lead", "区农业农村局": "implement",
                            "区教育局": "implement"}, {})
    task_1 = d["parts"][0]["sections"][0]["tasks"][0]
    assert task_1["text"] == "做好政策咨询和解读。"


@pytest.mark.django_db
def test_reimport_removes_vanished_tasks_unless_work_hangs_on_them():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gongkai.plans.models import Assignment, Task

    load_huangpu_registry()
    full = "(一)测试\n1.甲。\n区教育局。\n2.乙。\n区财政局。\n3.丙。\n区民政局。\n"
    plan_import_file(source=SimpleUploadedFile("p.txt", full.encode()), year=2026)
    Assignment.objects.filter(task__number=2).update(measures="已分解的措施")
    short = "(一)测试\n1.甲。\n区教育局、区司法局。\n"
    result = plan_import_file(source=SimpleUploadedFile("p.txt", short.encode()), year=2026)
    assert sorted(Task.objects.values_list("number", flat=True)) == [1, 2]
    assert any("任务2" in note for note in result.kept)
    assert set(Task.objects.get(number=1).task_units.values_list("unit__name", flat=True)) == {
        "区教育局", "区司法局"}
