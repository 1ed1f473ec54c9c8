"""How a question reads the index: the lexicon it is read with is always current (the
stamp is read with the counts of its words), and on PostgreSQL the reads take two round
trips."""
import pytest

from django.db import connection

from gongkai.core.sql import SENT_TOGETHER
from gongkai.lexicon import selectors
from gongkai.lexicon.models import TermGroup, TermKind
from gongkai.lexicon.selectors import current_lexicon
from gongkai.lexicon.services import term_variant_add
from gongkai.qa.retrieval.search import search
from gongkai.qa.tests.factories_qa import everyday_entries

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    return everyday_entries()


def _read_as(query) -> set[tuple[str, str]]:
    return {(e.typed, e.term) for e in query.expansions if e.how == "lexicon"}


def _answer(text, **kwargs):
    query, hits = search(text, **kwargs)
    return _read_as(query), [(h.id, h.confidence, h.features) for h in hits]


def test_a_lexicon_edit_is_seen_by_the_next_question(library):
    """A process reads a question with the lexicon it holds and checks the stamp with
    the counts of its words: a variant added since (here or in another process) is applied to
    the very next question, which gets the answer of a process that just started."""
    before, _hits = _answer("月子钱找谁领")
    assert ("月子钱", "生育津贴") not in before
    held = selectors._cache["lexicon:qa"]
    term_variant_add(canonical="生育津贴", variant="月子钱", actor=None)
    assert selectors._cache["lexicon:qa"] is held  # nobody told this process
    after = _answer("月子钱找谁领")
    assert ("月子钱", "生育津贴") in after[0]
    assert after[1][0][0] == library[0].pk
    assert selectors._cache["lexicon:qa"] is not held
    selectors._cache.clear()  # a fresh process
    assert _answer("月子钱找谁领") == after


def test_a_group_removed_elsewhere_is_no_longer_applied(library):
    """The same for a removal, by the admin site or another process (no service call
    in this process): the next question no longer reads the word as the group said."""
    assert ("薪水", "工资") in _answer("薪水拖欠怎么办")[0]
    TermGroup.objects.filter(canonical="工资").delete()
    assert ("薪水", "工资") not in _answer("薪水拖欠怎么办")[0]


def test_a_question_matching_nothing_also_uses_the_current_lexicon(library):
    """A question that ends before the candidates are read (nothing the index holds)
    is read with the current lexicon too: 阿巴阿巴 taught as 转学 finds the entry at
    once."""
    assert _answer("阿巴阿巴")[1] == []
    group = TermGroup.objects.get(canonical="转学")
    group.variants = [*group.variants, "阿巴阿巴"]
    group.save()  # as another process or the admin site would
    read_as, hits = _answer("阿巴阿巴")
    assert ("阿巴阿巴", "转学") in read_as and hits[0][0] == library[2].pk


def test_a_given_lexicon_is_used_as_given(library):
    """The staff test view may pass a lexicon: it is used, not replaced by the current
    one, and answers as the current one when it is the current one."""
    from gongkai.lexicon.selectors import Lexicon

    given = Lexicon([("孩子", ("小孩",), TermKind.COLLOQUIAL)])
    assert _answer("小孩转学咋办", lexicon=given)[0] == {("小孩", "孩子")}
    assert _answer("小孩转学咋办", lexicon=current_lexicon()) == _answer("小孩转学咋办")


def test_a_question_takes_two_round_trips_on_postgresql(library):
    """The words' counts with the lexicon's stamp, then the library's size, the
    candidates and everything scoring reads of them (one statement): each round trip waited for is
    a wake-up of two processes, a wait for a core on a busy machine."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs in the process: no round trips")
    search("灵活就业人员参加社会保险")  # the process knows the library's size
    statements = []

    def count(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    together = SENT_TOGETHER[0]
    with connection.execute_wrapper(count):
        _query, hits = search("灵活就业人员参加社会保险")
    assert hits[0].id == library[1].pk and hits[0].question == library[1].question
    assert len(statements) - (SENT_TOGETHER[0] - together) == 2
