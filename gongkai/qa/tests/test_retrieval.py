"""The index on its own: no database."""
import pytest

from gongkai.qa.retrieval.explain import explain
from gongkai.qa.retrieval.index import EntryDoc, QaIndex
from gongkai.qa.retrieval.text import SynonymTable

DOCS = [
    EntryDoc(1, "生育津贴怎么申领？", ("产假工资找谁领",), "参加生育保险的职工，可按规定申领生育津贴。"),
    EntryDoc(2, "灵活就业人员怎么参加社会保险？", ("自由职业者怎么交社会保险",),
             "可以在户籍地或居住地以灵活就业人员身份参加基本养老保险和基本医疗保险。"),
    EntryDoc(3, "新生儿怎么办理入户？", (), "新生儿出生后，由监护人到户籍所在地派出所申报出生登记。"),
    EntryDoc(4, "住房公积金怎么提取？", ("租房怎么取公积金",), "购房、租房、还贷可按规定提取住房公积金。"),
]
SYNONYMS = SynonymTable.from_mapping({"生娃": "生育", "社保": "社会保险", "公积金": "住房公积金"})


@pytest.fixture(scope="module")
def index():
    return QaIndex(DOCS, SYNONYMS)


def test_the_stored_question_itself_matches_with_full_confidence(index):
    _query, hits = index.search("生育津贴怎么申领？")
    assert hits[0].id == 1 and hits[0].confidence == 1.0


def test_a_question_in_traditional_characters_finds_the_simplified_entry(index):
    _query, hits = index.search("新生兒怎麼辦理入戶")
    assert hits[0].id == 3 and hits[0].confidence >= 0.6


def test_synonyms_turn_colloquial_words_into_the_library_words(index):
    query, hits = index.search("生娃的津贴怎么领")
    assert "生育" in query.terms and ("生娃", "生育") in query.synonyms
    assert hits[0].id == 1
    _query, hits = index.search("自由职业咋交社保")
    assert hits[0].id == 2


def test_a_synonym_contained_in_its_canonical_word_does_not_double_it(index):
    query = index.parse("住房公积金怎么取")
    assert query.canonical.count("住房") == 1


def test_unrelated_question_matches_nothing_confidently(index):
    _query, hits = index.search("今天天气怎么样")
    assert all(h.confidence < 0.3 for h in hits)


def test_empty_or_punctuation_only_question_returns_no_matches(index):
    assert index.search("")[1] == []
    assert index.search("？？！！")[1] == []


def test_explanation_lists_matched_terms_with_fields_and_adds_up_to_the_score(index):
    query, hits = index.search("灵活就业人员怎么交社保")
    best = hits[0]
    explanation = explain(index, "灵活就业人员怎么交社保", DOCS[1])
    matched = {t.term: t for t in explanation.matched_terms}
    assert "社会保险" in matched and "question" in matched["社会保险"].fields
    assert explanation.bm25 == pytest.approx(best.bm25, abs=1e-3)
    assert explanation.confidence == pytest.approx(best.confidence, abs=1e-3)
    assert explanation.phrase in (DOCS[1].question, *DOCS[1].alternatives)


def test_larger_library_still_ranks_the_right_entry_first():
    docs = list(DOCS) + [EntryDoc(100 + i, f"第{i}号事项怎么办理？", (), "按规定办理。")
                         for i in range(3000)]
    index = QaIndex(docs, SYNONYMS)
    _query, hits = index.search("生娃津贴在哪里申领")
    assert hits[0].id == 1
