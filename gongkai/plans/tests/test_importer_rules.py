"""The general rules under the importer: role headers, group words, names."""
import pytest

from gongkai.orgs.groups import looks_like_group
from gongkai.plans.importer import parse_plan, read_lines
from gongkai.plans.importer.headers import classify, header_columns
from gongkai.plans.importer.units import parse_units


def refs(text: str, **kwargs) -> list[tuple[str, str, str]]:
    return [(r.name, r.role, r.kind) for r in parse_units(text, line=1, **kwargs)]


@pytest.mark.parametrize(("header", "roles", "first_leads"), [
    ("牵头单位", ("lead",), False), ("责任单位", ("implement",), False),
    ("配合单位", ("cooperate",), False), ("协办单位", ("cooperate",), False),
    ("参与单位", ("cooperate",), False), ("牵头部门", ("lead",), False),
    ("配合部门", ("cooperate",), False), ("主办/协办", ("lead", "cooperate"), False),
    ("配合/责任单位", ("cooperate", "implement"), False),
    ("牵头部门/配合部门", ("lead", "cooperate"), False),
    ("责任单位（第一个为牵头单位）", ("implement",), True),
    ("牵 头 单 位", ("lead",), False), ("牵头\n单位", ("lead",), False),
    ("牵头处室（单位）", ("lead",), False), ("会办处室", ("cooperate",), False),
])
def test_role_headers_of_every_common_form(header, roles, first_leads):
    column = classify(header)
    assert column.kind == "units" and column.roles == roles
    assert column.first_leads == first_leads


@pytest.mark.parametrize("text", ["区教育局", "负责同志", "一、加强政策解读", "牵头单位要认真履职。"])
def test_other_cells_are_not_role_headers(text):
    assert classify(text) is None or classify(text).kind != "units"


def _table(header: str, rows: list[tuple[str, ...]]) -> list:
    lines = ["|".join(("工作任务", "具体要求", *header.split("|")))]
    lines += ["|".join(row) for row in rows]
    return parse_plan(read_lines("\n".join(lines).encode(), "p.txt"), year=2022).tasks


def test_combined_cooperate_or_implement_column_depends_on_a_lead_in_the_row():
    tasks = _table("牵头单位|配合/责任单位", [
        ("（一）甲", "1.公开甲。", "区财政局", "区教育局"),
        ("（一）甲", "2.公开乙。", "", "区教育局、区民政局"),
    ])
    assert [(r.name, r.role) for r in tasks[0].refs] == [
        ("区财政局", "lead"), ("区教育局", "cooperate")]
    assert [(r.name, r.role) for r in tasks[1].refs] == [
        ("区教育局", "implement"), ("区民政局", "implement")]


def test_first_named_unit_leads_when_the_header_says_so():
    tasks = _table("责任单位（第一个为牵头单位）", [("（一）甲", "1.公开甲。", "区司法局、区财政局、各街镇")])
    assert [(r.name, r.role) for r in tasks[0].refs] == [
        ("区司法局", "lead"), ("区财政局", "implement"), ("各街镇", "implement")]


def test_zhuban_xieban_column_splits_at_the_slash():
    tasks = _table("主办/协办", [("（一）甲", "1.公开甲。", "区政府办/区司法局、区财政局")])
    assert [(r.name, r.role) for r in tasks[0].refs] == [
        ("区政府办", "lead"), ("区司法局", "cooperate"), ("区财政局", "cooperate")]


def test_a_header_repeated_at_a_page_break_is_not_a_task():
    tasks = _table("牵头单位", [("（一）甲", "1.公开甲。", "区财政局"),
                              ("工作任务", "具体要求", "牵头单位"),
                              ("（一）甲", "2.公开乙。", "区民政局")])
    assert [t.number for t in tasks] == [1, 2]
    assert header_columns(("工作任务", "具体要求", "牵头单位")) is not None


@pytest.mark.parametrize("word", [
    "各部门", "省政府各部门", "各直属机构", "各设区市政府", "各县（市、区）政府", "各区人民政府",
    "区属事业单位", "各乡镇人民政府（街道办事处）", "各有关单位", "有关部门", "相关单位",
    "市直各有关单位", "区直各单位", "县直各有关部门（单位）", "机关各处室", "行业主管部门",
])
def test_group_words_at_every_level_by_the_general_rule(word):
    assert looks_like_group(word)
    assert refs(word) == [(word.replace("(", "（").replace(")", "）"), "implement", "group")] \
        or refs(word)[0][2] == "group"


@pytest.mark.parametrize("name", ["区教育局", "市政府办公厅", "区政府办", "功能区管委会",
                                  "人民银行潍坊市中心支行", "区管委会办公室", "各"])
def test_unit_names_are_not_group_words(name):
    assert not looks_like_group(name)


def test_a_cell_of_groups_only_keeps_them():
    assert refs("各部门，各街镇和园区管理机构落实") == [
        ("各部门", "implement", "group"), ("各街镇", "implement", "group"),
        ("园区管理机构", "implement", "group")]


def test_glued_names_split_by_their_endings():
    assert [n for n, _r, _k in refs("区农业农村局教育局")] == ["区农业农村局", "区教育局"]
    assert [n for n, _r, _k in refs("市财政局市税务局")] == ["市财政局", "市税务局"]
    assert [n for n, _r, _k in refs("国家税务总局广东省税务局")] == ["国家税务总局广东省税务局"]


def test_role_words_inside_names_are_not_cut_out():
    assert refs("区管委会办公室、人民银行黄埔中心支行") == [
        ("区管委会办公室", "implement", "unit"), ("人民银行黄埔中心支行", "implement", "unit")]
    assert refs("各政策牵头部门") == [("各政策牵头部门", "implement", "group")]


def test_shared_prefix_only_for_names_that_need_it():
    names = [n for n, _r, _k in refs("市金融办、人民银行潍坊市中心支行、潍坊银监分局、国家统计局潍坊调查队、"
                                     "财政局、各县市区政府", places={"潍坊"})]
    assert names == ["市金融办", "人民银行潍坊市中心支行", "潍坊银监分局", "国家统计局潍坊调查队",
                     "市财政局", "各县市区政府"]
    assert [n for n, _r, _k in refs("区市场监管局、民政局")] == ["区市场监管局", "区民政局"]


def test_a_bracket_describing_a_duty_is_a_note_not_a_unit():
    found = parse_units("区司法局（负责规范性文件审核）、区政务服务数据管理局", line=1)
    assert [(r.name, r.note) for r in found] == [
        ("区司法局", "负责规范性文件审核"), ("区政务服务数据管理局", "")]
    assert refs("区教育局（牵头）、区财政局") == [
        ("区教育局", "lead", "unit"), ("区财政局", "implement", "unit")]


def test_names_on_separate_lines_of_one_cell_are_several_names():
    assert [n for n, _r, _k in refs("区教育局\n区财政局\n各街镇")] == ["区教育局", "区财政局", "各街镇"]


def test_labels_and_trailing_roles_in_prose():
    assert refs("（牵头单位：市政府办公室；配合单位：市发展改革委、市财政局）") == [
        ("市政府办公室", "lead", "unit"), ("市发展改革委", "cooperate", "unit"),
        ("市财政局", "cooperate", "unit")]
    assert refs("市卫生健康委牵头，各区政府落实") == [
        ("市卫生健康委", "lead", "unit"), ("各区政府", "implement", "group")]


def test_plan_with_one_heading_level_and_units_in_the_last_clause():
    text = ("2022年某市政务公开工作要点\n一、公开惠企政策。集中发布惠企政策。市发展改革委牵头，各区政府落实\n"
            "二、做好政策解读。同步发布解读材料。（市政府办公厅牵头，市政府各部门负责落实）\n")
    tasks = parse_plan(read_lines(text.encode(), "p.txt"), year=2022).tasks
    assert [t.number for t in tasks] == [1, 2]
    assert [(r.name, r.role) for r in tasks[0].refs] == [
        ("市发展改革委", "lead"), ("各区政府", "implement")]
    assert tasks[1].text == "做好政策解读。同步发布解读材料。"


def test_published_numbering_is_kept_with_its_gaps():
    text = "（一）甲\n1.公开甲。\n区教育局\n3.公开丙。\n区财政局\n"
    tasks = parse_plan(read_lines(text.encode(), "p.txt"), year=2022).tasks
    assert [t.number for t in tasks] == [1, 3]


def test_labels_after_the_task_text_in_the_same_paragraph():
    text = "（一）甲\n1.公开甲。牵头单位：市发改委。配合单位：市财政局、各区政府。\n"
    task = parse_plan(read_lines(text.encode(), "p.txt"), year=2022).tasks[0]
    assert task.text == "公开甲。"
    assert [(r.name, r.role) for r in task.refs] == [
        ("市发改委", "lead"), ("市财政局", "cooperate"), ("各区政府", "cooperate")]


def test_number_column_written_with_a_dunhao():
    text = "序号|工作任务|牵头单位|配合单位\n1、|公开甲。|市发改委|市财政局\n2、|公开乙。|市民政局|\n"
    tasks = parse_plan(read_lines(text.encode(), "p.txt"), year=2022).tasks
    assert [(t.number, [(r.name, r.role) for r in t.refs]) for t in tasks] == [
        (1, [("市发改委", "lead"), ("市财政局", "cooperate")]), (2, [("市民政局", "lead")])]


PROVINCE_HTML = """<html><body><p>某省人民政府办公厅关于印发某省2020年政务公开工作要点的通知</p>
<p>2020年5月6日</p><table>
<tr><td><p>序号</p></td><td>重点任务</td><td>具体内容</td><td><p>牵 头</p><p>单 位</p></td>
<td>配合单位</td><td>完成时限</td></tr>
<tr><td>一、加强解读</td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>1</td><td rowspan="2">（一）政策解读</td><td>做好省政府文件解读。</td><td>省政府办公厅</td>
<td>省直各有关单位，各设区市人民政府</td><td>2020年底</td></tr>
<tr><td>2</td><td>做好回应关切。</td><td>省委网信办、省政府新闻办</td><td></td><td>持续推进</td></tr>
<tr><td>3</td><td>（二）平台建设</td><td>加强政府网站集约化。</td><td>省政务服务数据管理局（省大数据中心）</td>
<td>各市、县（市、区）政府</td><td>年底前</td></tr></table>
<p>抄送：省委办公厅。</p></body></html>"""


def test_province_table_with_spaced_header_and_closing_block():
    plan = parse_plan(read_lines(PROVINCE_HTML.encode(), "p.html"), year=2020)
    assert plan.title == "某省2020年政务公开工作要点" and plan.title_year == 2020
    assert plan.tail == ["抄送:省委办公厅。"]
    got = [[(r.name, r.role, r.kind) for r in t.refs] for t in plan.tasks]
    assert got == [
        [("省政府办公厅", "lead", "unit"), ("省直各有关单位", "cooperate", "group"),
         ("各设区市人民政府", "cooperate", "group")],
        [("省委网信办", "lead", "unit"), ("省政府新闻办", "lead", "unit")],
        [("省政务服务数据管理局", "lead", "unit"), ("各市政府", "cooperate", "group"),
         ("各县（市、区）政府", "cooperate", "group")],
    ]
    assert plan.tasks[2].refs[0].note == "省大数据中心"


def test_combined_column_with_a_lead_named_in_its_own_cell():
    tasks = _table("配合/责任单位", [("（一）甲", "1.公开甲。", "区教育局牵头，区财政局")])
    assert [(r.name, r.role) for r in tasks[0].refs] == [
        ("区教育局", "lead"), ("区财政局", "cooperate")]
