"""What a resident's question is about (round 16): an entry matched only on how any
service is done (办, 手续) yields to one matching the subject; the head of a word the
index holds as several does not count alone; a span of time closed by 了 says the
deed was done; a supposition's negated words are not what is asked."""
import pytest

from gongkai.qa.retrieval.query import parse
from gongkai.qa.retrieval.search import Hit, _bm25, _yield_to_the_subject, search
from gongkai.qa.tests.factories_qa import published_entry

pytestmark = pytest.mark.django_db


def _hit(entry_id: int, score: float, matched: dict[str, float]) -> Hit:
    return Hit(id=entry_id, question="", confidence=0.0, bm25=0.0, bm25_norm=0.0, dice=0.0,
               phrase="0", matched=matched, features={"score": score})


def test_an_entry_matched_only_on_procedure_words_yields_to_the_subject():
    """出租屋要办什么手续 matched 办 + 手续 of a question about a flower shop; the entry on
    the flower shop comes first, the other just below it."""
    query = parse("想开一家花店，要办什么手续")
    hits = [_hit(1, 0.30, {"办": 1.9, "手续": 2.9}), _hit(2, 0.25, {"花店": 3.4})]
    ordered = _yield_to_the_subject(query, hits)
    assert [h.id for h in ordered] == [2, 1]
    assert ordered[1].rank < ordered[0].rank


@pytest.mark.parametrize("matched", [{"文件": 3.0}, {"办": 1.0, "花": 2.0}, {}])
def test_an_entry_matched_on_anything_but_procedure_words_keeps_its_place(matched):
    """文件 is a thing asked about (这个文件还有效吗), not how a service is done; a match
    holding any other word, or none, is not one on the procedure alone."""
    query = parse("想开一家花店，要办什么手续")
    hits = [_hit(1, 0.30, matched), _hit(2, 0.25, {"花店": 3.4})]
    assert [h.id for h in _yield_to_the_subject(query, hits)] == [1, 2]


def test_a_question_naming_no_subject_keeps_the_order():
    query = parse("要办什么手续")
    hits = [_hit(1, 0.30, {"办": 1.9, "手续": 2.9}), _hit(2, 0.25, {"材料": 3.4})]
    assert [h.id for h in _yield_to_the_subject(query, hits)] == [1, 2]


def test_the_subject_entry_comes_first_in_a_search():
    published_entry(question="出租屋要办什么手续？", answer="向社区登记出租屋。")
    florist = published_entry(question="花店怎么开？", answer="办理营业执照。")
    _query, hits = search("想开一家花店，要办啥手续")
    assert hits[0].id == florist.pk


def test_the_head_of_a_word_of_several_index_words_alone_is_another_word():
    """做点公益 (the index holds 做点 and 公益, not the phrase) is not matched by an entry
    holding its head 公益 alone (公益性岗位); one holding what comes before the head
    counts at that share (残疾人 of 残疾人证), one holding them all in full."""
    alternatives = [{"做点公益": (("做点", 1.0), ("公益", 1.0))}]
    assert _bm25(alternatives, {"公益": 2.0}) == ({}, 0.0)
    assert _bm25(alternatives, {"做点": 1.5}) == ({"做点公益": 1.5}, 1.5)
    matched, value = _bm25(alternatives, {"公益": 2.0, "做点": 1.0})
    assert matched == {"做点公益": 3.0} and value == 3.0


@pytest.fixture
def card_library():
    return [
        published_entry(question="单位不给交社会保险怎么办？", answer="可向劳动保障监察机构投诉。"),
        published_entry(question="社会保障卡怎么申领？", alternatives=["办社保卡"],
                        answer="携带身份证到银行网点申领。"),
    ]


@pytest.mark.parametrize("text", ["交社保三年了，社保卡在哪里领",
                                  "社保交了好几个月了，卡去哪办"])
def test_a_span_of_time_closed_by_le_says_it_was_done(card_library, text):
    refusal, card = card_library
    _query, hits = search(text)
    assert hits[0].id == card.pk
    held = next(h for h in hits if h.id == refusal.pk)
    assert held.features["contradicted"] == 1.0


def test_a_span_of_time_without_le_says_nothing_was_done(card_library):
    refusal, _card = card_library
    _query, hits = search("没单位，想自己交社保三年，上哪儿交")
    held = next(h for h in hits if h.id == refusal.pk)
    assert held.features["contradicted"] == 0.0


@pytest.mark.parametrize("text, negated", [
    ("公积金不买房的话能不能取出来", "买房"),
    ("如果没有工作，医保怎么交", "工作"),
    ("要是不结婚的话，孩子户口怎么上", "结婚"),
])
def test_the_words_a_supposition_negates_are_not_asked(text, negated):
    query = parse(text)
    assert all(negated not in key for group in query.groups for key in group)
    assert query.groups


@pytest.mark.parametrize("text, kept", [
    ("买房能用公积金吗", "买房"),
    ("房东不退押金怎么办", "押金"),  # a complaint, not a supposition
    ("不买房的话", "买房"),  # nothing else is left: kept
])
def test_words_no_supposition_negates_are_kept(text, kept):
    query = parse(text)
    assert any(kept in key for group in query.groups for key in group)


@pytest.mark.parametrize("text, spanning", [
    ("没收入也没亲人，政府管不管", "人政"),  # across a comma
    ("那个免费检查咋个约", "查约"),  # across a filler
    ("挣了几十万，税能少交吗", "万税"),
])
def test_a_slip_is_looked_for_within_one_run_of_typing(text, spanning):
    from gongkai.qa.retrieval.text import pinyin_probes

    pieces = {p for found in pinyin_probes(text).values() for p in found}
    assert spanning not in pieces
    assert pieces  # the runs themselves are still probed


def test_a_slip_within_a_word_is_still_read():
    from gongkai.qa.retrieval.text import pinyin_probes, word_pinyin

    assert "医宝" in pinyin_probes("医宝怎么报销")[word_pinyin("医保")]


def test_a_verb_glued_to_dian_is_read_as_the_verb():
    """领点钱 (get a little money): the segmenter's 领点 is held by no entry; read as 领
    it finds the entry on claiming the benefit."""
    published_entry(question="失业登记怎么办理？", answer="到街道办理失业登记。")
    benefit = published_entry(question="失业保险金怎么领？", answer="登记后申领。")
    query = parse("失业了能领点钱吗")
    typed = {next(iter(group)) for group in query.groups}
    assert "领" in typed and "领点" not in typed
    assert search("失业了能领点钱吗")[1][0].id == benefit.pk


def test_a_time_or_a_degree_with_dian_is_no_verb():
    from gongkai.qa.retrieval.query import _glued

    assert _glued(["几点", "有点", "一点"]) == {}
    assert _glued(["领点", "贷了点"]) == {"领点": "领", "贷了点": "贷"}


def test_a_measure_word_and_its_noun_are_no_slip():
    """这条街 (this street): 条街 reads tiao jie like 调解, but 条 counts the street."""
    from gongkai.qa.retrieval.slips import _measured

    published_entry(question="邻里纠纷怎么调解？", answer="向人民调解委员会申请。")
    query = parse("一下大雨我们这条街就淹了")
    assert not any("调解" in group for group in query.groups)
    assert _measured("我们这条街就淹了", "条街")
    assert not _measured("条街", "条街")  # nothing counted before it
    assert not _measured("一条街道", "街道")  # not a measure word
