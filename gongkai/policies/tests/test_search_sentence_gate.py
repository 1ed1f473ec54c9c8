"""Tenth round: a subject the library lacks, said in a sentence (养恐龙要办许可证吗,
我想在月球上开个火锅店要什么手续), finds nothing and names it
(``engine._only_asks_of_it``): the sentence's characters (养, 办, 开, 个, 上) and framing
words (一个, 之间) name nothing, and the words asking for a permit or a payment
(``words.WANTED_WORDS``) say what is wanted of the subject, not which. A held word that
may be the subject (诊所, 摆摊), a coined word the dictionary lacks, or a slip of the
input method still lets the documents be found."""
import pytest

from django.urls import reverse

from gongkai.lexicon.models import LexiconVersion, TermGroup
from gongkai.policies.search import search_documents, words
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    """Permits, a clinic's approval, street vending, dogs: texts holding the
    sentence's characters (养, 办, 开, 上, 个) and 许可证, 补贴, 手续."""
    return {
        "permits": make_document(title="黄埔区排污许可管理实施细则",
                                 body_html="<p>排污单位要依法办理排污许可证，养护设施，"
                                           "在网上申报。</p>"),
        "clinics": make_document(title="黄埔区医疗机构设置审批管理办法",
                                 body_html="<p>开办诊所应当办理设置审批手续，"
                                           "每个诊所配备一个执业医师。</p>"),
        "vendors": make_document(title="黄埔区流动商贩疏导区管理办法",
                                 body_html="<p>摆摊经营应当在疏导区内，个体商贩办理登记。</p>"),
        "dogs": make_document(title="黄埔区养犬管理规定",
                              body_html="<p>饲养犬只要办理养犬登记，领取养犬许可证，"
                                        "享受绝育补贴。</p>"),
    }


@pytest.mark.parametrize(("query", "missing"), [
    ("养恐龙要办许可证吗", ["恐龙"]),
    ("我想在月球上开个火锅店要什么手续", ["月球", "火锅店"]),
    ("养恐龙 有没有补贴", ["恐龙"]),
    ("月球上开个火锅店 许可证 审批", ["月球", "火锅店"])])
def test_a_lacking_subject_in_a_sentence_finds_nothing_and_is_named(library, query, missing):
    # Before: 办, 开 or 上 (a character of the sentence) and 许可证 found the permits,
    # the clinics, the dogs.
    result = search_documents(query=query)
    assert (ids(result), result.notice, result.missing) == ([], "none", missing)


@pytest.mark.parametrize(("query", "wanted"), [
    ("开私人诊所要办什么审批", "clinics"),  # 私人 lacking; 诊所 held: the subject
    ("想出去摆摊卖水果 要办许可证吗", "vendors"),  # 摆摊: a verb to the dictionary
    ("养狗要办许可证吗", "dogs"),
    ("养犬 许可证", "dogs")])
def test_a_held_subject_beside_a_lacking_word_still_finds_its_documents(library, query, wanted):
    assert ids(search_documents(query=query))[:1] == [library[wanted].pk]


def test_a_coined_word_the_dictionary_lacks_is_not_taken_for_a_missing_subject(library):
    # 犬证办 is no dictionary word: it may name what the library holds (a coinage, a
    # slip); the gate leaves it to the search.
    assert ids(search_documents(query="犬证办 补贴"))[:1] == [library["dogs"].pk]


def test_a_word_the_lexicon_reads_as_a_permit_asks_for_one(library):
    # 办证 is read as 许可证 (a line of the eighth lexicon section); before, as a
    # held word of its own, it let the permits be listed for 养恐龙要办证吗.
    TermGroup.objects.create(canonical="许可证", kind="colloquial", variants=["办证"])
    LexiconVersion.objects.update_or_create(pk=1, defaults={"stamp": 1011})
    result = search_documents(query="养恐龙要办证吗")
    assert (ids(result), result.notice, result.missing) == ([], "none", ["恐龙"])
    assert ids(search_documents(query="养犬要办证吗"))[:1] == [library["dogs"].pk]


def test_the_classes_the_gate_reads():
    assert {"许可证", "补贴", "审批", "登记"} <= words.WANTED_WORDS
    assert not words.WANTED_WORDS & words.GENERIC_WORDS  # searched by, alone or not
    assert words.is_function_word("之间") and words.is_function_word("一个")
    # Verbs and nouns may be subjects; a string the dictionary lacks is no function word.
    for word in ("诊所", "摆摊", "征集", "恐龙", "犬证办"):
        assert not words.is_function_word(word), word


@pytest.fixture
def without_permits():
    """A library holding no permit at all (as the demo's): 许可证 is lacking too."""
    TermGroup.objects.create(canonical="许可证", kind="colloquial", variants=["办证", "办许可证"])
    LexiconVersion.objects.update_or_create(pk=1, defaults={"stamp": 1012})
    return make_document(title="黄埔区养犬管理规定", body_html="<p>饲养犬只要办理登记。</p>")


def _notice(client, query: str) -> tuple[str, list[str]]:
    page = client.get(reverse("policies:search"), {"q": query}).content.decode()
    assert page.count('id="search-notice"') == 1
    notice = page.split('id="search-notice">', 1)[1].split("</", 1)[0]
    return notice, client.get(reverse("policies:api_search"), {"q": query}).json()["missing"]


@pytest.mark.parametrize("query", ["养恐龙要办许可证吗", "养恐龙要办证吗", "恐龙 许可证 补贴"])
def test_the_message_names_the_subject_not_what_is_asked_of_it(client, without_permits, query):
    # Before: "没有涉及“恐龙、办许可证”的文件" — the lexicon's phrase (the sentence's 办
    # in it) named as a subject, though the query is about 恐龙, and a permit is what
    # is asked of it, whatever the subject.
    notice, missing = _notice(client, query)
    assert missing == ["恐龙"] and "没有涉及“恐龙”的文件" in notice, notice


@pytest.mark.parametrize(("query", "named"), [("办许可证", ["办许可证"]),
                                              ("许可证 补贴", ["许可证", "补贴"])])
def test_what_is_asked_is_named_when_nothing_else_is(client, without_permits, query, named):
    # No subject lacking beside it: the permit is what no document holds, and said so.
    result = search_documents(query=query)
    assert ids(result) == [] and result.missing == named


def test_a_held_permit_beside_a_lacking_subject_is_never_named(client, library):
    # The library holds 许可证: only 恐龙 is lacking (as before).
    TermGroup.objects.create(canonical="许可证", kind="colloquial", variants=["办许可证"])
    LexiconVersion.objects.update_or_create(pk=1, defaults={"stamp": 1013})
    notice, missing = _notice(client, "养恐龙要办许可证吗")
    assert missing == ["恐龙"] and "没有涉及“恐龙”的文件" in notice
