"""How a resident's own words are read (round 15): a yes-no question's verb-not-verb
is the verb asked, not a word of what is asked; a question asking whether it is done
online is not vague; 每个月 is how often and 时候 a circumstance; a spoken
character also reads as the compounds the library writes."""
import pytest

from gongkai.qa.retrieval.query import CIRCUMSTANCE_WEIGHT, COMPOUND_WEIGHT, parse
from gongkai.qa.retrieval.search import related, search
from gongkai.qa.retrieval.text import asked_verb, circumstance, content_words, spoken_forms
from gongkai.qa.tests.factories_qa import published_entry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("typed, read", [
    ("要不要报警", "要报警"),
    ("算不算劳动者", "算劳动者"),
    ("有没有补贴", "有补贴"),
    ("可不可以网上办", "可以网上办"),
    ("需不需要带户口本", "需要带户口本"),
    ("不要乱停车", "不要乱停车"),  # a plain negation stays
    ("好好学习", "好好学习"),
])
def test_verb_not_verb_is_read_as_the_verb(typed, read):
    assert asked_verb(typed) == read


@pytest.mark.parametrize("text", ["刮了一下要不要报警", "新工作试用六个月是不是太长",
                                  "手机上能不能直接交社保"])
def test_the_negation_of_a_yes_no_question_is_no_word_of_it(text):
    words = content_words(text)
    assert not {"不要", "是不是", "不能"} & set(words)


def test_a_yes_no_question_finds_the_entry_its_subject_names_not_one_sharing_its_form():
    """要不要 asked of a scrape finds the accident entry, not the one whose own question
    says 要不要 about something else (台风天要不要上班)."""
    accident = published_entry(question="车辆剐蹭了怎么处理？", answer="拍照后撤离现场。")
    published_entry(question="台风天要不要上班？", answer="按预警安排。")
    _query, hits = search("车子剐蹭了一下，要不要报警")
    assert hits and hits[0].id == accident.pk


@pytest.mark.parametrize("text", ["材料能不能网上提交", "材料可以网上提交吗", "线上能办理吗"])
def test_asking_whether_it_is_done_online_is_not_vague(text):
    published_entry(question="办事材料可以网上提交吗？", answer="可在政务服务网提交。")
    assert parse(text).scope == ""


@pytest.mark.parametrize("text", ["怎么办理？", "需要什么材料", "材料能不能提交"])
def test_asking_only_what_any_service_asks_stays_vague(text):
    published_entry(question="办事材料可以网上提交吗？", answer="可在政务服务网提交。")
    assert parse(text).scope == "vague"


@pytest.mark.parametrize("typed, read", [
    ("听说每个月可以领点钱", "听说每月可以领点钱"),
    ("每个星期去一次", "每星期去一次"),
    ("每个人都要交", "每个人都要交"),  # how many people, not how often
])
def test_every_month_is_read_as_one_word(typed, read):
    assert spoken_forms(typed) == read


def test_how_often_is_a_circumstance_not_a_word_asked():
    """每个月 said of a payment is how often; 月 alone matched the entry on how many
    months the benefit lasts."""
    words = content_words("听说每个月可以领点钱")
    assert "月" not in words and "每月" in words
    assert circumstance("每月")


@pytest.mark.parametrize("text", ["倒车的时候蹭了别人车", "报名是什么时候"])
def test_a_time_clause_or_when_is_a_circumstance(text):
    query = parse(text)
    weights = [g["时候"] for g in query.groups if "时候" in g]
    assert weights and all(w <= CIRCUMSTANCE_WEIGHT for w in weights)


def test_how_often_does_not_find_the_entry_on_how_long():
    claim = published_entry(question="失业保险金怎么申领？", answer="到窗口申领。",
                            alternatives=["被辞退了能领失业救济吗"])
    published_entry(question="失业保险可以领几个月？", answer="按缴费时间确定。")
    _query, hits = search("公司把我辞退了，听说每个月可以领点失业金，去哪领")
    assert hits and hits[0].id == claim.pk


def test_a_spoken_character_an_entry_holds_also_reads_as_the_compounds_others_write():
    """赔 is a word of one entry (能赔多少), 赔偿 of another: asked 公司辞退了该赔我多少钱,
    the entry on compensation comes before the one on dismissal in pregnancy, which
    only 辞退 and 公司 found."""
    compensation = published_entry(question="被公司辞退有经济补偿吗？", answer="按年限支付。",
                                   alternatives=["辞退赔偿"])
    published_entry(question="怀孕被公司辞退合法吗？", answer="不得因怀孕解除合同。")
    published_entry(question="交通事故能赔多少？", answer="按责任划分。")
    query, hits = search("公司突然辞退了我，该赔我多少钱")
    group = next(g for g in query.groups if "赔" in g)
    assert group["赔偿"] == COMPOUND_WEIGHT
    assert hits and hits[0].id == compensation.pk


def test_a_match_on_a_widened_compound_alone_is_not_close():
    """换 (held by 身份证到期怎么换) widened to 换证 shows nothing close to 换手机."""
    entry = published_entry(question="换证要带什么？", answer="带旧证。")
    published_entry(question="身份证到期怎么换？", answer="到派出所换领。")
    query, hits = search("想换个新的")
    assert "换证" in query.general_words
    shown = [h for h in hits if h.id == entry.pk]
    assert not shown or not related(query, shown[0])


@pytest.mark.parametrize("typed, read", [
    ("路坑坑洼洼的，找谁来修", "路坑坑洼洼的，谁来修"),
    ("该找哪个部门", "该哪个部门"),
    ("想找工作", "想找工作"),  # looking for a job is what is asked
])
def test_whom_to_turn_to_is_a_question_word(typed, read):
    assert spoken_forms(typed) == read


def test_whom_to_turn_to_does_not_find_the_entry_written_so():
    """找谁 asked of a flooded street finds the flooding entry, not one on another
    subject whose question also says 找谁."""
    flooding = published_entry(question="下雨路面积水怎么反映？", answer="向水务部门反映。")
    published_entry(question="婚姻家庭纠纷找谁调解？", answer="向社区申请调解。")
    _query, hits = search("一下雨这条路就积水，找谁")
    assert hits and hits[0].id == flooding.pk


def test_finished_after_a_verb_is_no_word_asked():
    assert "完" not in content_words("我生完孩子在家休产假，怎么领钱")
    assert "完税" in content_words("完税证明怎么开")  # a word of its own stays


def test_a_birth_told_as_finished_does_not_find_the_entry_written_so():
    """生完孩子 told before asking for the allowance finds the allowance entry, not the
    one on leave whose phrasing also says 生完孩子."""
    allowance = published_entry(question="生育津贴怎么申领？", answer="由单位申领。",
                                alternatives=["产假工资找谁领"])
    published_entry(question="产假有多少天？", answer="按规定。", alternatives=["生完孩子能休多久"])
    _query, hits = search("我生完孩子在家，听说能领生育津贴，怎么领")
    assert hits and hits[0].id == allowance.pk
