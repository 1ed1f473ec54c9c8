"""How a resident's message is built (round 18, ``gongkai.qa.retrieval.message``): a
lexicon phrase said apart within a clause need not hold the particle 的 that links its
words (产假期间那笔钱 for 产假的钱), and a verb said with its result (领到手, 取出来)
also reads as the verb the entries write (领)."""
import pytest

from gongkai.lexicon.services import term_variant_add
from gongkai.qa.retrieval.message import found_apart
from gongkai.qa.retrieval.query import HEAD_WEIGHT, _heads, parse
from gongkai.qa.retrieval.search import search
from gongkai.qa.tests.factories_qa import published_entry

pytestmark = pytest.mark.django_db

LEAVE = "我在公司上班一直交着社保，今年三月生完孩子开始休产假，公司说产假期间那笔钱要从社保那边申请，这个钱怎么领到手？"


@pytest.fixture
def maternity():
    """The maternity allowance and the entries its told situation shares words with."""
    term_variant_add(canonical="生育津贴", variant="产假的钱", actor=None)
    allowance = published_entry(question="生育津贴怎么申领？",
                                alternatives=["产假工资找谁领", "生育保险待遇如何申请"],
                                answer="由用人单位通过医保经办系统申领生育津贴。")
    published_entry(question="产假有多少天？", alternatives=["生孩子能休多久"],
                    answer="女职工生育享受产假。")
    published_entry(question="育儿假怎么休？", answer="子女满三周岁前每年可休育儿假。")
    published_entry(question="单位不给交社会保险怎么办？", answer="向劳动监察投诉。")
    return allowance


def test_a_phrase_said_apart_need_not_hold_its_linking_particle(maternity):
    """产假的钱 said 产假期间那笔钱: the words are there, the 的 is not."""
    from gongkai.lexicon.models import Reader
    from gongkai.lexicon.selectors import current_lexicon

    lexicon = current_lexicon(reader=Reader.QA)
    assert "产假的钱" in found_apart("公司说产假期间那笔钱要从社保那边申请", lexicon)
    assert "产假的钱" not in found_apart("产假期间在家", lexicon)  # 钱 is not said


def test_a_long_situation_and_the_money_asked_for(maternity):
    """The situation (公司, 生孩子, 休产假) is told in three clauses; the question asks
    how that money is received: the allowance comes first, not how long the leave is."""
    assert search(LEAVE)[1][0].id == maternity.pk


def test_a_verb_said_with_its_result_reads_as_the_verb():
    """领到手 (lexicon 0013 reads it as 领取, which the entry does not write) also reads
    as 领, which it does (找谁领)."""
    term_variant_add(canonical="领取", variant="领到手", actor=None)
    published_entry(question="生育津贴怎么申领？", alternatives=["产假工资找谁领"],
                    answer="由用人单位申领。")
    group = next(g for g in parse("这个钱怎么领到手").groups if "领到手" in g)
    assert group["领"] == pytest.approx(HEAD_WEIGHT * group["领到手"])


def test_which_words_are_a_verb_said_with_its_result():
    groups = {w: {w: 1.0} for w in ("取出来", "卖掉", "去掉", "出来", "看起来", "到手")}
    assert _heads(groups) == {"取出来": "取", "卖掉": "卖"}  # 去 says nothing alone


def test_a_verb_no_entry_holds_is_not_added():
    term_variant_add(canonical="提取", variant="取出来", actor=None)
    published_entry(question="公积金怎么提取？", answer="按规定提取。")
    group = next(g for g in parse("公积金能取出来吗").groups if "取出来" in g)
    assert "取" not in group


def test_a_sum_named_by_what_it_is_paid_for_finds_the_entry_writing_that():
    """违约金: no entry holds it; the entry on a developer's late handover writes 违约."""
    late = published_entry(question="开发商逾期交房怎么办？",
                           alternatives=["延期交房能要求赔偿吗"],
                           answer="可按合同约定要求开发商承担违约责任。")
    published_entry(question="二手房交易要交哪些税？", answer="按规定缴纳契税等。")
    published_entry(question="商品房预售资金怎么监管？", answer="由住建部门监管。")
    question = "开发商逾期交房，违约金怎么算"
    assert any("违约" in group for group in parse(question).groups if "违约金" in group)
    assert search(question)[1][0].id == late.pk


def test_a_phrase_said_apart_is_not_read_for_a_suffix():
    """A group of a phrase said apart holds only what it adds, not the phrase itself."""
    from gongkai.qa.retrieval.query import _stems

    assert _stems({"伤残金": {"伤残抚恤": 0.9}}) == {}
    assert _stems({"违约金": {"违约金": 1.0}}) == {"违约金": "违约"}
