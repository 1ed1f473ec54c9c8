"""Reading a question (``gongkai.qa.retrieval.query``): a lexicon phrase found in the
question only adds to what the question says, it never takes words away."""
import pytest

from gongkai.lexicon.services import term_variant_add
from gongkai.qa.retrieval.query import SWALLOWED_WEIGHT, parse
from gongkai.qa.retrieval.search import search
from gongkai.qa.tests.factories_qa import published_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def base_phrase():
    """社保基数 is what residents say for 缴费基数, which the segmenter cuts in two."""
    term_variant_add(canonical="缴费基数", variant="社保基数", actor=None)


def test_the_pieces_a_lexicon_phrase_swallows_still_count(base_phrase):
    """社保基数 read as 缴费基数 still asks about 社保: an entry holding only 社保 is
    found by it, below the weight of a word typed on its own."""
    entry = published_entry(question="社保断缴了有什么影响？", answer="可能影响待遇。")
    published_entry(question="公积金贷款利率是多少？", answer="按规定执行。")
    query, hits = search("社保基数断了有影响吗")
    kept = [g for g in query.groups if next(iter(g)) == "社保"]
    assert kept and kept[0]["社保"] == SWALLOWED_WEIGHT
    assert hits and hits[0].id == entry.pk
    assert "社保" in hits[0].matched


def test_a_canonical_term_of_several_index_words_matches_by_its_words(base_phrase):
    """缴费基数 is no key of the index (its entries hold 缴费 and 基数): the question's
    phrase reaches the entry through both words, not only through shared bigrams."""
    entry = published_entry(question="缴费基数每年什么时候调整？", answer="每年七月调整。")
    other = published_entry(question="养老金每年什么时候调整？", answer="每年一次。")
    query, hits = search("社保基数啥时候调整")
    assert query.parts["缴费基数"] == ("缴费", "基数")
    assert [h.id for h in hits[:2]] == [entry.pk, other.pk]
    assert set(hits[0].matched) & {"缴费基数", "社保基数"}
    assert hits[0].bm25_norm > hits[1].bm25_norm


def test_a_single_character_piece_is_not_kept():
    """房 of 廉租房 says too little alone: the lexicon word replaces it."""
    query = parse("廉租房怎么申请")
    words = {w for g in query.groups for w in g}
    assert "廉租房" in words and "房" not in words


def _weight_of(query, word: str) -> float:
    return next(g[word] for g in query.groups if word in g)


def test_a_long_question_counts_the_words_of_its_asking_clause_most():
    """The circumstances come first, the ask last: words count the less the farther
    their clause is from the one that asks."""
    query = parse("我在一家装修公司做了半年，老板跑了，还欠我们三个月工资，能找政府要回来吗")
    asked, before, first = (_weight_of(query, w) for w in ("政府", "工资", "装修"))
    assert asked == 1.0
    assert 0.5 <= first < before < asked


def test_a_short_question_or_a_list_of_keywords_keeps_every_word_whole():
    for text in ("社保卡丢了怎么补办", "社保卡 补办 材料", "社保卡怎么补办？急用"):
        query = parse(text)
        assert _weight_of(query, "社保卡") == 1.0 and _weight_of(query, "补办") == 1.0


def test_a_pinyin_slip_means_what_the_corrected_word_means(library_words):
    """设保 is read as 社保, and 社保 as the lexicon says: 社会保险."""
    query = parse("灵活就业人员怎么交设保")
    group = next(g for g in query.groups if "设保" in g)
    assert group["社保"] > 0 and group["社会保险"] > 0


def test_no_slip_is_read_across_two_words_the_library_knows(library_words):
    """府公 (fu gong, as 复工) is the end of 政府 and the start of 公开, not a slip."""
    query = parse("政府公开的文件在哪看")
    assert not [e for e in query.expansions if e.how == "pinyin"]
    assert {"政府", "公开", "文件"} <= {w for g in query.groups for w in g}


def test_dialect_question_words_say_how_it_is_asked_not_what_about():
    """点样 (粤: 怎么) and the particles 喺 咗 are no words of the question's subject."""
    query = parse("社保卡唔见咗，喺边度点样补办")
    words = {w for g in query.groups for w in g}
    assert not words & {"点样", "怎么", "喺", "咗"}
    assert "补办" in words and "点样" not in query.scope_words


@pytest.fixture
def library_words():
    published_entry(question="复工需要什么条件？", answer="按规定。")
    published_entry(question="政府信息公开的文件在哪里查？", answer="在门户网站。")
    published_entry(question="灵活就业人员怎么参加社会保险？", answer="以个人身份参保。")
    published_entry(question="社保断缴有什么影响？", answer="可能影响待遇。")
    published_entry(question="社保卡怎么补办？", answer="到网点补办。")


def test_a_piece_is_not_counted_twice_when_the_phrase_matches_by_its_pieces(base_phrase):
    """With entries holding 社保 and 基数, 社保基数 is matched by those two words: 社保
    is not also a group of its own (a word counted twice would outweigh the rest)."""
    published_entry(question="社保基数怎么查？", answer="网上查询。")
    published_entry(question="公积金基数怎么调？", answer="每年调整。")
    query = parse("社保基数怎么查")
    assert query.parts["社保基数"] == ("社保", "基数")
    leaders = [next(iter(g)) for g in query.groups]
    assert "社保" not in leaders and "基数" not in leaders
