"""SQLite: the scores of matches of every word are read without the words most
documents hold (``SqliteMatcher.scored_query``): FTS5 weighs them by 1e-6, and counting
their documents was most of a 文号 query's BM25 statement."""
import pytest

from django.db import connection

from gongkai.policies.search import words
from gongkai.policies.search.backends import backend
from gongkai.policies.search.backends.sqlite import SqliteMatcher
from gongkai.policies.tests.factories_policies import make_document

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5's BM25 only")]


@pytest.fixture
def library():
    """Ten documents: 政务 in all, 公开 in seven, 桥梁 in three, 隧道 in two of those."""
    documents = []
    for n in range(10):
        body = "政务 " + ("公开 " if n < 7 else "") + ("桥梁 检测 " if n % 3 == 0 else "") \
            + ("隧道 " if n in (0, 3) else "") + "说明" * n
        documents.append(make_document(title=f"文件{n}", body_html=f"<p>{body}</p>"))
    words.forget()
    return documents


def _full_scores(matcher, ids):
    sql, params = matcher.scores_sql(ids)
    params[0] = matcher.params[0]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return dict(cursor.fetchall())


def test_the_words_most_documents_hold_are_left_out_of_the_scores_query(library):
    matcher = backend().matcher(["政务", "公开", "桥梁"], match_all=True)
    assert matcher.scored_query() == '"桥梁"'
    ids = [d.pk for n, d in enumerate(library) if n % 3 == 0 and n < 7]
    scores = matcher.scores(ids)
    full = _full_scores(matcher, ids)
    # The same rows; each score less the millionths the common words added.
    assert set(scores) == set(full) == set(ids)
    assert all(0 < full[pk] - scores[pk] < 1e-5 for pk in ids)


def test_every_word_is_kept_when_all_are_common_or_any_word_matches(library):
    assert backend().matcher(["政务", "公开"], match_all=True).scored_query() \
        == '"政务" AND "公开"'
    assert backend().matcher(["政务", "桥梁"], match_all=False).scored_query() \
        == '"政务" OR "桥梁"'
    assert backend().matcher(["政务"], match_all=True).scored_query() == '"政务"'
    # A word with an alternative few documents hold is kept; a phrase (not a term of
    # the vocabulary) too.
    assert backend().matcher([("政务", "隧道"), "桥梁"], match_all=True).scored_query() \
        == '("政务" OR "隧道") AND "桥梁"'
    assert backend().matcher(["政务 公开", "桥梁"], match_all=True).scored_query() \
        == '"政务 公开" AND "桥梁"'
    assert isinstance(backend().matcher(["政务"], match_all=True), SqliteMatcher)


def test_which_ids_hold_each_word_is_read_without_scores(library):
    matcher = backend().matcher(["政务", ("桥梁", "隧道"), "公开"], match_all=False)
    ids = [d.pk for d in library]
    bridges = {d.pk for n, d in enumerate(library) if n % 3 == 0}
    public = {d.pk for d in library[:7]}
    assert matcher.holding(ids) == [set(ids), bridges, public]
    assert matcher.holding(ids[1:3]) == [set(ids[1:3]), set(), set(ids[1:3])]
    assert matcher.holding([]) == [set(), set(), set()]
    # As the scores would say it, word by word.
    assert matcher.holding(ids) == [
        set(type(matcher)([group], match_all=True).scores(ids)) for group in matcher.groups]
