"""Residents' spoken forms of the library's words (round 17): a compound with a noun's
suffix (买房子) reads as the compound the library writes (买房); a negated verb (不交)
is no pinyin slip for a word beginning with 补; a spoken verb phrase (取出来) reads as
the written verb (提取, lexicon 0013)."""
import pytest

from gongkai.qa.retrieval.query import _stems, parse
from gongkai.qa.retrieval.search import search
from gongkai.qa.tests.factories_qa import published_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def verbs():
    """The lexicon as lexicon 0013 leaves it (the tests run without migrations: the seed
    alone is loaded): verbs.txt on the seed, with the files' scopes."""
    from gongkai.lexicon.data.scopes import apply_file_scopes
    from gongkai.lexicon.data.seed import load_verbs
    from gongkai.lexicon.models import LexiconVersion, TermGroup

    load_verbs(TermGroup, LexiconVersion)
    apply_file_scopes(TermGroup, LexiconVersion)


def test_a_compound_with_a_nouns_suffix_finds_the_written_compound():
    """买房子 is held by no entry; the library writes 买房."""
    purchase = published_entry(question="在广州买房需要什么资格？", answer="按住房政策执行。")
    published_entry(question="租房子要注意什么？", answer="签订租赁合同。")
    published_entry(question="房屋征收怎么补偿？", answer="按评估价补偿。")
    question = "能不能在这边买房子"
    assert any("买房" in group for group in parse(question).groups)
    assert search(question)[1][0].id == purchase.pk


def test_only_a_word_the_lexicon_does_not_read_loses_its_suffix():
    assert _stems({"买房子": {"买房子": 1.0}}) == {"买房子": "买房"}
    assert _stems({"房子": {"房子": 1.0}}) == {}  # two characters: the noun itself
    assert _stems({"租房子": {"租房子": 1.0, "租房": 0.9}}) == {}  # the lexicon reads it


def test_a_suffix_is_kept_where_no_entry_holds_the_bare_compound():
    published_entry(question="房屋征收怎么补偿？", answer="按评估价补偿。")
    group = next(g for g in parse("老房子要拆了").groups if "老房子" in g)
    assert "老房" not in group


def test_a_negated_verb_is_no_slip():
    """单位不交社保: 不交 reads bu jiao like 补交, but the resident says the employer does
    not pay; the entry on an employer not paying comes first."""
    refused = published_entry(question="单位不给交社会保险怎么办？", answer="向劳动监察投诉。")
    published_entry(question="社保能补交吗？", answer="可按规定补缴。")
    assert not any("补交" in group for group in parse("单位不交社保").groups)
    assert search("单位不交社保")[1][0].id == refused.pk


def test_a_negation_before_a_character_no_entry_holds_may_be_a_slip():
    """护理不贴: no entry holds 贴 as a word of its own, and 不贴 is 补贴 mistyped."""
    published_entry(question="失能老人有护理补贴吗？", answer="符合条件的可申请。")
    assert any("补贴" in group for group in parse("护理不贴怎么申请").groups)


def test_a_spoken_verb_phrase_reads_as_the_written_verb(verbs):
    """公积金 … 拿出来: the lexicon's phrases hold the object (公积金取出来), and the
    question tells it a clause apart; 拿出来 alone reads as 提取 (lexicon 0013)."""
    withdraw = published_entry(question="住房公积金怎么提取？", answer="按规定提取。")
    published_entry(question="住房公积金贷款怎么申请？", answer="向公积金中心申请。")
    question = "公积金里面攒了好几万，不买房的话能不能拿出来用"
    assert any("提取" in group for group in parse(question).groups)
    assert search(question)[1][0].id == withdraw.pk


def test_bangfu_reads_as_the_fuchi_the_entries_write(verbs):
    """帮扶 (help and support) is the 扶持 an entry writes (lexicon 0013, held for the
    Q&A): the entry on help for disabled people starting a business comes first."""
    support = published_entry(question="残疾人创业有什么扶持？", answer="可申请创业补贴。")
    published_entry(question="残疾证怎么办理？", answer="向残联申请。")
    published_entry(question="残疾证到期怎么换？", answer="向残联申请换证。")
    question = "残疾人想自己开店，政府有没有什么帮扶"
    assert any("扶持" in group for group in parse(question).groups)
    assert search(question)[1][0].id == support.pk
