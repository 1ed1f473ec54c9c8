"""A word the library lacks hides the results only when it is what the query is about
(``ranking``: covers; ``engine._lacks_what_it_names``): not when the query's other words
already name documents — together in a few titles, or first, by a narrow reading, with
the lacking word after them saying what is wanted of them (中标 where the titles say
采购结果). A false "nothing" is the worst answer a resident can get."""
import pytest

from gongkai.lexicon.models import LexiconVersion, TermGroup
from gongkai.policies.models import DocumentKind
from gongkai.policies.search import ranking, search_documents, words
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def canteens(monkeypatch):
    """The canteens' notice and measures (长者饭堂: two documents), and six documents
    about 长者 in general: 长者, inside the query's 长者食堂, is broad."""
    TermGroup.objects.create(canonical="长者饭堂", kind="synonym", variants=["长者食堂"])
    LexiconVersion.objects.update_or_create(pk=1, defaults={"stamp": 5151})
    notice = make_document(title="黄埔街道关于长者饭堂运营服务采购结果的公告",
                           kind=DocumentKind.ANNOUNCEMENT,
                           body_html="<p>现将长者饭堂运营服务采购结果公布如下。</p>")
    measures = make_document(title="黄埔区长者饭堂建设和运营管理办法",
                             body_html="<p>长者饭堂为长者提供助餐服务。</p>")
    for name in ("优待", "意外保险", "体检", "津贴", "探访", "助浴"):
        make_document(title=f"黄埔区长者{name}办法", body_html=f"<p>长者{name}。</p>")
    # Eight documents: more than 2 of them (a quarter) are "broad", as more than 3 % are
    # of a large library.
    monkeypatch.setattr(ranking, "BROAD_SHARE", 0.25)
    words.forget()
    yield {"notice": notice, "measures": measures}
    words.forget()


def test_a_lacking_word_after_a_narrow_subject_does_not_hide_it(canteens):
    # 中标 is in no document (the titles say 采购结果); 长者食堂 is the lexicon's 长者饭堂,
    # in two. Before, 长者 (inside 长者食堂, read for recall) made the held words look
    # broad, and the query found nothing ("没有涉及“中标”的文件").
    result = search_documents(query="长者食堂 中标")
    assert ids(result)[:2] == [canteens["notice"].pk, canteens["measures"].pk]
    assert (result.notice, result.missing) == ("partial", ["中标"])


def test_a_lacking_subject_before_a_narrow_word_still_finds_nothing(canteens):
    # The subject first (量子泡面), the kind of measure after it: the library does not
    # cover the subject, though 长者饭堂 alone is narrow.
    result = search_documents(query="量子泡面长者食堂")
    assert (ids(result), result.notice, result.missing) == ([], "none", ["量子", "泡面"])


@pytest.fixture
def centres(monkeypatch):
    """Two titles say 社区 and 服务中心; six more documents say both in their body."""
    notice = make_document(title="黄埔街道2025年度社区综合服务中心运营项目结果公告",
                           kind=DocumentKind.ANNOUNCEMENT,
                           body_html="<p>确定了社区综合服务中心的运营机构。</p>")
    standard = make_document(title="黄埔区社区卫生服务中心建设标准",
                             body_html="<p>社区卫生服务中心的建设。</p>")
    for name in ("养犬", "殡葬", "物业服务", "校车", "控烟", "文物保护"):
        make_document(title=f"黄埔区{name}管理规定",
                      body_html=f"<p>{name}咨询可到社区服务中心办理。</p>")
    monkeypatch.setattr(ranking, "BROAD_SHARE", 0.25)
    words.forget()
    yield {"notice": notice, "standard": standard}
    words.forget()


def test_held_words_together_in_a_few_titles_are_not_hidden_by_a_lacking_word(centres):
    # 社区 and 服务中心 are each in all eight documents, together in two titles: they
    # name those two. 中标 (in none) says which notice; it comes first, as a query
    # asking for a notice gets the notice before the measures of the same words.
    for query in ("社区服务中心 中标", "中标 社区服务中心"):
        result = search_documents(query=query)
        assert ids(result)[:2] == [centres["notice"].pk, centres["standard"].pk], query
        assert (result.notice, result.missing) == ("partial", ["中标"]), query


def test_a_lacking_subject_beside_broad_words_still_finds_nothing(centres):
    # One held word (服务中心, in every document) names no title by itself; 火星 and 移民,
    # before it or after it, are what the query is about.
    for query in ("火星移民服务中心", "服务中心 火星移民"):
        result = search_documents(query=query)
        assert (ids(result), result.notice) == ([], "none"), query
        assert result.missing == ["火星", "移民"], query


def test_a_near_form_the_lexicon_shows_is_tried_before_a_word_is_missing(monkeypatch):
    # The lexicon says 长者食堂 = 长者饭堂: 食堂 and 饭堂, in the same place, share 堂.
    # 食堂 alone (in no document) is read as 饭堂; before, it was a missing subject
    # beside the broad 老人, and the query found nothing.
    TermGroup.objects.create(canonical="长者饭堂", kind="synonym", variants=["长者食堂"])
    LexiconVersion.objects.update_or_create(pk=1, defaults={"stamp": 5252})
    canteens = make_document(title="黄埔区长者饭堂管理办法",
                             body_html="<p>老人可在长者饭堂用餐。</p>")
    for name in ("优待", "体检", "津贴", "探访", "助浴"):
        make_document(title=f"黄埔区老人{name}办法", body_html=f"<p>老人{name}。</p>")
    monkeypatch.setattr(ranking, "BROAD_SHARE", 0.25)
    words.forget()
    result = search_documents(query="老人吃饭的食堂")
    assert ids(result)[:1] == [canteens.pk]
    assert "食堂" not in result.missing
    # A word with no near form the library holds is still missing.
    assert search_documents(query="老人的火星").missing == ["火星"]


def test_the_page_lists_the_documents_and_names_the_lacking_word_once(client, centres):
    from django.urls import reverse

    page = client.get(reverse("policies:search"), {"q": "社区服务中心 中标"}).content.decode()
    assert page.count('id="search-notice"') == 1
    assert "库中未出现：中标" in page and "文件库中没有涉及" not in page
    assert "运营项目结果公告" in page  # the title (its query words are highlighted)
