"""How a resident's question is read (``gongkai.qa.retrieval.query`` and ``text``):
circumstances count less than what is asked, the dialects' grammar words are read as
Mandarin, an asking clause that names nothing asks about the clause before it, a single
spoken character reads as the library's compound, and no slip is read across a word
Mandarin grammar knows."""
import pytest

from gongkai.lexicon.services import term_variant_add
from gongkai.qa.retrieval.message import clause_weights
from gongkai.qa.retrieval.query import CIRCUMSTANCE_WEIGHT, COMPOUND_WEIGHT, parse
from gongkai.qa.retrieval.search import search
from gongkai.qa.retrieval.text import circumstance, mandarin
from gongkai.qa.tests.factories_qa import published_entry

pytestmark = pytest.mark.django_db


def _weight_of(query, word: str) -> float:
    return next(g[word] for g in query.groups if word in g)


@pytest.mark.parametrize("word", ["去年", "听说", "因为", "五年", "三个月", "二十多万", "一段时间", "真"])
def test_time_quantities_and_discourse_words_are_circumstances(word):
    assert circumstance(word)


@pytest.mark.parametrize("word", ["社保", "失业", "一百岁", "转学", "个税"])
def test_words_of_the_subject_and_ages_are_not_circumstances(word):
    assert not circumstance(word)


def test_circumstance_words_count_less_than_the_subject():
    query = parse("听说去年交的五年社保可以转移吗")
    assert _weight_of(query, "社保") == 1.0
    for word in ("听说", "去年"):
        assert _weight_of(query, word) == CIRCUMSTANCE_WEIGHT


def test_a_long_story_finds_the_entry_its_subject_names():
    """Told with many circumstances, the question still finds the entry on 失业保险金
    first, above one sharing only the story's everyday words."""
    entry = published_entry(question="失业保险金怎么申领？", answer="到就业服务窗口申领。")
    published_entry(question="去年的工作证明现在还能开吗？", answer="可以，到原单位开具。")
    _query, hits = search("听说去年交了五年失业保险，现在还没找到工作，那个钱能领吗")
    assert hits and hits[0].id == entry.pk


@pytest.mark.parametrize("typed, read", [
    ("社保喺边度交㗎", "社保在哪里交"),
    ("揾边个处理", "找谁处理"),
    ("佢哋冇交社保", "他们没有交社保"),
    ("医保能给报不？", "医保能给报吗？"),
    ("要办啥证不", "要办啥证吗"),
    ("辞职了社保自个儿上哪儿交", "辞职了社保自己去哪里交"),
])
def test_the_dialects_grammar_words_are_read_as_mandarin(typed, read):
    assert mandarin(typed) == read


@pytest.mark.parametrize("text", ["工资不给怎么办", "能不能报", "好不好办", "还没"])
def test_a_not_inside_a_question_or_after_not_is_kept(text):
    assert mandarin(text) == text


@pytest.mark.parametrize("typed, read", [
    ("我系香港人", "我是香港人"),
    ("唔系本地户口", "不是本地户口"),
    ("细路几多岁先可以读书", "小孩多少岁才可以读书"),
    ("一年后先能申请", "一年后才能申请"),
    ("可以放几耐假", "可以放多久假"),
    ("可唔可以喺呢度买楼", "可不可以在这里买房"),
    ("想买楼花", "想买楼花"),
    ("请个外国人返工", "请个外国人上班"),
    ("想开间公司", "想开一家公司"),
    ("仲有冇补贴", "还有没有补贴"),
    ("阿拉屋里老人哪能报名", "我们家里老人怎么报名"),
    ("社区好打伐", "社区可以打吗"),
    ("要预约伐，哪能约", "要预约吗，怎么约"),
    ("俺们村", "我们村"),
    ("要办啥子手续", "要办什么手续"),
    ("摆个摊要得不", "摆个摊可以吗"),
])
def test_more_of_the_dialects_words_are_read_as_mandarin(typed, read):
    assert mandarin(typed) == read


@pytest.mark.parametrize("text", [
    "关系证明怎么开", "联系电话", "他系统里查不到", "单位体系", "劳动仲裁怎么申请",
    "先进个人评选", "社保先交还是先办卡", "房屋开间多大", "砍伐树木要审批", "讨伐",
    "屋里漏水", "好办吗",
])
def test_mandarin_words_holding_a_dialect_character_are_kept(text):
    assert mandarin(text) == text


@pytest.mark.parametrize("typed, read", [
    # Cantonese (round 12b)
    ("地盘仲喺度打桩", "工地还在打桩"),
    ("嘈到冇觉瞓", "吵到没有觉睡"),
    ("身份证唔见咗", "身份证不见了"),
    ("呢段时间有冇临时身份证用住先？", "这段时间有没有临时身份证用着？"),
    ("我架车要年审喇，去边度验？", "我的车要年审，去哪里验？"),
    ("唔使交钱", "不用交钱"),
    ("使唔使预约", "需不需要预约"),
    ("老细冇出粮", "老板没有出粮"),
    ("揾工", "找工作"),
    ("我老豆入院", "我爸爸入院"),
    ("间铺执笠咗", "间铺倒闭了"),
    ("有医生纸", "有病假条"),
    # Wu
    ("侬晓得到啥地方去投诉伐？", "你知道到哪里去投诉吗？"),
    ("啥辰光报名", "什么时候报名"),
    ("阿拉囡囡要打疫苗", "我们孩子要打疫苗"),
    # South-western, northern
    ("婆娘生娃娃了", "老婆生孩子了"),
    ("甭交钱", "不用交钱"),
    # Taiwanese and Hong Kong usage
    ("健保要在学校保吗", "医保要在学校保吗"),
    ("公车路线有改吗", "公交路线有改吗"),
    ("资遣费要怎么算", "经济补偿要怎么算"),
    ("小朋友要上幼稚园", "小朋友要上幼儿园"),
    ("在家里做小食卖", "在家里做小吃卖"),
])
def test_round_12b_dialect_words_are_read_as_mandarin(typed, read):
    assert mandarin(typed) == read


@pytest.mark.parametrize("text", [
    # Mandarin words holding a character the round-12b table reads: left as typed
    "环境嘈杂", "绑架车主", "全部车辆", "喇叭太响", "说话啰嗦", "伊朗", "伊斯兰教",
    "公车私用", "老年小食堂", "先交钱", "住在哪里",
])
def test_round_12b_mandarin_words_are_kept(text):
    assert mandarin(text) == text


def test_a_cantonese_question_finds_what_its_mandarin_finds():
    entry = published_entry(question="社保卡在哪里补办？", answer="到社保网点补办。")
    published_entry(question="公积金怎么提取？", answer="网上提取。")
    _query, hits = search("社保卡喺边度补办㗎")
    assert hits and hits[0].id == entry.pk
    query = parse("社保卡喺边度补办㗎")
    assert not {w for g in query.groups for w in g} & {"㗎", "边度", "喺"}


def test_an_asking_clause_naming_nothing_asks_about_the_clause_before():
    """要带什么材料去哪里办 names nothing but what any service asks: the clause before it
    (想把失业的钱领上) is what is asked about, and counts fully."""
    weights = dict(clause_weights("上个月被裁员了，想把失业的钱领上，要带什么材料去哪里办？"))
    assert weights["想把失业的钱领上"] == 1.0
    assert weights["要带什么材料去哪里办？"] == 1.0
    assert weights["上个月被裁员了"] < 1.0


def test_an_asking_clause_that_names_something_keeps_the_decay():
    weights = dict(clause_weights("上个月被裁员了，失业金去哪里领？"))
    assert weights["上个月被裁员了"] < 1.0 == weights["失业金去哪里领？"]


def test_a_single_spoken_character_reads_as_the_librarys_compound():
    """撤 (spoken for 撤回) is no word of any entry: it reads as 撤回, which one holds."""
    entry = published_entry(question="信息公开申请能撤回吗？", answer="可以撤回。")
    published_entry(question="信息公开申请可以邮寄吗？", answer="可以邮寄。")
    query, hits = search("信息公开申请交了，想撤怎么弄")
    group = next(g for g in query.groups if "撤" in g)
    assert group["撤回"] == COMPOUND_WEIGHT
    assert hits and hits[0].id == entry.pk


def test_a_single_character_the_library_holds_is_widened_to_its_compounds():
    """An entry holds 撤 as a word: 撤 is matched as typed, and its compounds (撤回)
    only widen it ("widened", not "compound"): alone they show nothing close."""
    published_entry(question="撤回申请怎么办？", answer="提交撤回。")
    published_entry(question="撤是什么意思？", answer="撤即撤回。")
    query = parse("撤怎么写")
    assert not [e for e in query.expansions if e.how == "compound"]
    assert [e.term for e in query.expansions if e.how == "widened"] == ["撤回"]
    assert "撤回" in query.general_words


def test_no_slip_is_read_across_a_word_mandarin_grammar_knows():
    """住一 of 住一段时间 sounds as 注意 but cuts across 一段时间."""
    published_entry(question="办理居住证有什么注意事项？", answer="带好材料。")
    query = parse("回老家住一段时间，医保怎么办")
    assert not [e for e in query.expansions if e.how == "pinyin" and e.term == "注意"]


def test_an_entry_whose_long_word_the_question_names_in_part_ranks_first():
    """高新 is the short of 高新技术企业: the entry on 高新技术企业 covers more of what
    is asked than one sharing only 公司, and comes first."""
    entry = published_entry(question="高新技术企业认定怎么申报？", answer="网上申报。")
    published_entry(question="公司怎么注销？", answer="先清税再注销。")
    published_entry(question="公司注册地址怎么变更？", answer="办理变更登记。")
    _query, hits = search("我们公司想评高新，要怎么弄")
    assert hits and hits[0].id == entry.pk
    assert hits[0].features["cover"] > 0


def test_a_lexicon_phrase_said_apart_reads_as_the_phrase():
    """社保能转过来 says 转社保 with 能 between and the object first: it reads as the
    lexicon's 转社保 (→ 社保转移), so the entry on moving 社保 comes before one that
    shares only 社保 and 交."""
    term_variant_add(canonical="社保转移", variant="转社保", actor=None)
    entry = published_entry(question="社保转移怎么办理？", answer="到社保窗口办理转移。")
    published_entry(question="社保能补交吗？", answer="符合条件的可以补交。")
    published_entry(question="社保卡过来办理要带什么？", answer="带身份证。")
    query, hits = search("社保能转过来吗")
    assert ("转社保", "社保转移") in {(e.typed, e.term) for e in query.expansions
                                    if e.how == "apart"}
    assert _weight_of(query, "社保") == 1.0  # the words said stay as they were
    assert hits and hits[0].id == entry.pk


def test_words_a_sentence_apart_are_not_one_phrase():
    """老人 … 补贴 with a whole story between is not the lexicon's 老人补贴."""
    term_variant_add(canonical="高龄补贴", variant="老人补贴", actor=None)
    published_entry(question="高龄补贴怎么申请？", answer="到社区申请。")
    query = parse("老人失能了生活不能自理有没有补贴")
    assert not [e for e in query.expansions if e.how == "apart"]
    query = parse("老人有没有补贴")
    assert [e for e in query.expansions if e.how == "apart" and e.term == "高龄补贴"]


def test_a_phrase_repeating_a_character_is_said_apart_only_with_it_twice():
    """唱唱歌 (to sing a little: the senior college's pastime) has 唱 twice; 你会唱歌吗
    holds its pieces 唱 and 唱歌 in one 唱歌, which is not the phrase said apart."""
    term_variant_add(canonical="老年大学", variant="唱唱歌", actor=None)
    published_entry(question="老年大学怎么报名？", answer="向街道报名。")
    assert not [e for e in parse("你会唱歌吗").expansions if e.how == "apart"]
    query = parse("退休了唱唱歌")  # as typed: found, not apart
    assert ("唱唱歌", "老年大学") in {(e.typed, e.term) for e in query.expansions}
    query = parse("唱歌唱得好不好")  # 唱 twice, 唱歌 within the gap: apart
    assert [e for e in query.expansions if e.how == "apart" and e.term == "老年大学"]


def test_a_two_character_word_the_index_holds_cut_apart_is_matched_by_its_characters():
    """车辆剐蹭 is indexed 车辆 + 剐 + 蹭: the lexicon's 蹭了 → 剐蹭 reaches the entry
    through 剐 and 蹭, which it writes side by side."""
    term_variant_add(canonical="剐蹭", variant="蹭了", actor=None)
    entry = published_entry(question="轻微交通事故怎么处理？", alternatives=["车辆剐蹭"],
                            answer="拍照后撤离现场。")
    published_entry(question="乱停车怎么举报？", answer="向交警举报。")
    query, hits = search("倒车蹭了别人")
    assert query.parts.get("剐蹭") == ("剐", "蹭")
    assert hits and hits[0].id == entry.pk


def test_two_characters_written_apart_do_not_match_a_word_cut_apart():
    """Bad input for the rule above: 上牌 (the lexicon's word) is held by no entry, and
    its characters only apart (能上高架吗 … 车牌): it is not matched by them; nor is a
    word typed (its own bigrams match it)."""
    term_variant_add(canonical="上牌", variant="挂牌照", actor=None)
    published_entry(question="电动车能上高架吗？", answer="不能。车牌不是通行证。")
    query = parse("电动车挂牌照")
    assert "上牌" not in query.parts
    assert "电动" not in query.parts


def test_a_phrase_said_apart_that_leads_nowhere_in_the_library_is_dropped():
    term_variant_add(canonical="社保转移", variant="转社保", actor=None)
    published_entry(question="社保在哪里交？", answer="在税务窗口交。")
    query = parse("社保能转过来吗")
    assert not [g for g in query.groups if "社保转移" in g]


def test_a_lexicon_word_leading_to_its_own_piece_counts_it_once():
    """失业了 (the seed's word for 失业) is cut as 失业 + 了: 失业 is one group, not two."""
    published_entry(question="失业保险金怎么领？", answer="到窗口申领。")
    query = parse("失业了能领钱吗")
    assert sum(1 for g in query.groups if "失业" in g) == 1


def test_a_cantonese_age_question_finds_the_entry_on_the_age():
    """几多岁先可以 (how old before one can) reads as 多少岁才可以, which the dialects'
    lexicon (migration 0006) holds as 几岁: the entry on the school age is first, not
    the one on enrolling in the first year."""
    from gongkai.lexicon.data.seed import load_dialects, load_everyday
    from gongkai.lexicon.models import LexiconVersion, TermGroup
    from gongkai.policies.search.lexicon_seed import load_search_lexicon

    load_search_lexicon(TermGroup, LexiconVersion)  # what migrations load before 0003
    load_everyday(TermGroup, LexiconVersion)
    load_dialects(TermGroup, LexiconVersion)
    entry = published_entry(question="上小学需要满几岁？", answer="满6周岁。")
    published_entry(question="小学一年级怎么报名？", answer="网上报名。")
    _query, hits = search("细路几多岁先可以读一年级？")
    assert hits and hits[0].id == entry.pk


def test_a_wu_question_reads_its_home_and_its_how():
    """阿拉屋里 … 哪能报名 is 我们家里 … 怎么报名: 屋里 and 哪能 are not words the
    question is about."""
    query = parse("阿拉屋里老人想去吃老年食堂，哪能报名")
    words = {w for g in query.groups for w in g}
    assert not words & {"屋里", "哪能", "阿拉"}
    assert "报名" in words
