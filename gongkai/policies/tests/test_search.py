import pytest
import time_machine

from django.utils import timezone

from gongkai.orgs.tests.factories import OfficeAdminFactory, UnitFactory, UserFactory
from gongkai.policies.models import DocumentKind, PolicyDocument, Validity
from gongkai.policies.search import reindex_all, search_documents
from gongkai.policies.services import document_amend, document_repeal, document_update
from gongkai.policies.tests.factories_policies import ids, make_document
from gongkai.publishing.models import Audience, PublicationStatus

pytestmark = pytest.mark.django_db



def test_title_match_ranks_above_body_match():
    in_body = make_document(title="关于印发年度工作要点的通知",
                            body_html="<p>全面推进营商环境改革，优化服务。</p>")
    in_title = make_document(title="优化营商环境若干措施", body_html="<p>各单位遵照执行。</p>")
    result = search_documents(query="营商环境")
    assert ids(result) == [in_title.pk, in_body.pk]
    assert result.total == 2
    assert result.hits[0].score > result.hits[1].score


@pytest.mark.parametrize("typed", ["穗埔府办函〔2022〕48号", "穗埔府办函[2022]48号",
                                   "穗埔府办函（２０２２）４８号", "穗埔府辦函 (2022) 48 号"])
def test_doc_number_in_any_bracket_style_finds_the_document_first(typed):
    target = make_document(title="关于黄埔区政务公开工作的通知", doc_number="穗埔府办函〔2022〕48号")
    # Documents that mention the same words many times, to tempt the ranking.
    for n in range(3):
        make_document(title=f"穗埔府办函 2022 48号 转发文件{n}",
                      body_html="<p>穗埔府办函 2022年 48号 号 号 穗埔府办函</p>")
    result = search_documents(query=typed)
    assert result.hits[0].document.pk == target.pk


def test_a_doc_number_is_followed_by_the_documents_citing_it_not_by_its_year():
    target = make_document(title="关于黄埔区政务公开工作的通知", doc_number="穗埔府办函〔2022〕48号")
    citing = make_document(title="关于废止部分文件的通知",
                           body_html="<p>穗埔府办函〔2022〕48号 自即日起废止。</p>")
    # Sharing the year, the 号 or the issuer's code, not the number itself.
    for n in range(4):
        make_document(title=f"2022年工作要点{n}", body_html="<p>穗埔府办函 2022年 第3号</p>")
    result = search_documents(query="穗埔府办函〔2022〕48号")
    assert ids(result) == [target.pk, citing.pk]
    assert result.matched_all_terms
    # Its words are shown as typed, not as the index cuts them (穗埔府办 函, 2022 48 号).
    assert result.terms == ["穗埔府办函", "〔2022〕48号"] and result.expanded == {}
    # Cited in another bracket style; a 文号 the library lacks finds those citing it, or
    # nothing (not the documents of the same year).
    citing_47 = make_document(title="关于转发文件的通知",
                              body_html="<p>根据穗埔府办函[2022]47号文件精神。</p>")
    assert ids(search_documents(query="穗埔府办函（2022）47号")) == [citing_47.pk]
    assert search_documents(query="穗埔府办函〔2022〕46号").total == 0
    # A serial written with leading zeros or 第 is the same number, typed or cited; a
    # year and a serial side by side in a date are no citation.
    citing_45 = make_document(title="关于继续执行有关规定的通知",
                              body_html="<p>穗埔府办函〔2022〕第045号继续有效。</p>")
    make_document(title="会议纪要", body_html="<p>穗埔府办函 2022.45 会议</p>")
    assert ids(search_documents(query="穗埔府办函〔2022〕45号")) == [citing_45.pk]
    assert ids(search_documents(query="穗埔府办函〔2022〕045号")) == [citing_45.pk]
    # The snippet shows the citation, its 号 marked.
    hit, = search_documents(query="穗埔府办函〔2022〕45号").hits
    assert "<mark>号</mark>" in hit.snippet_html and "第045" in hit.snippet_html


@pytest.mark.parametrize("typed", ["穗埔府办函〔2022〕48号", "穗埔府办函〔2022〕048号"])
def test_a_doc_number_finds_those_citing_it_with_leading_zeros(typed):
    # A citing text writes the serial number as its issuer numbers documents (048 for
    # 48); typed either way, the 文号 alone finds the document, then those citing it.
    target = make_document(title="关于黄埔区政务公开工作的通知", doc_number="穗埔府办函〔2022〕48号")
    padded = make_document(title="关于废止部分文件的通知",
                           body_html="<p>穗埔府办函〔2022〕048号 自即日起废止。</p>")
    plain = make_document(title="关于转发文件的通知",
                          body_html="<p>根据穗埔府办函[2022]48号文件精神。</p>")
    make_document(title="2022年工作要点", body_html="<p>穗埔府办函〔2022〕148号 2022年 第048号</p>")
    result = search_documents(query=typed)
    assert ids(result)[0] == target.pk
    assert set(ids(result)[1:]) == {padded.pk, plain.pk}
    assert result.matched_all_terms


def test_traditional_query_finds_simplified_text_and_back():
    simplified = make_document(title="关于进一步推进政务公开工作的实施意见")
    traditional = make_document(title="關於優化營商環境的若干措施")
    assert ids(search_documents(query="政務公開")) == [simplified.pk]
    assert ids(search_documents(query="营商环境")) == [traditional.pk]


def test_word_inside_a_longer_word_is_found():
    document = make_document(title="政务公开工作要点")
    assert ids(search_documents(query="公开")) == [document.pk]


def test_public_sees_only_published_documents_for_the_public():
    unit = UnitFactory()
    public = make_document(title="公开范围测试 公众", unit=unit)
    draft = make_document(title="公开范围测试 草稿", unit=unit, published=False)
    staff_only = make_document(title="公开范围测试 工作人员", unit=unit, audience=Audience.STAFF)
    for_unit = make_document(title="公开范围测试 指定单位", unit=unit, audience=Audience.UNITS,
                             audience_units=[unit])
    withdrawn = make_document(title="公开范围测试 撤回", unit=unit)
    PolicyDocument.objects.filter(pk=withdrawn.pk).update(
        publication_status=PublicationStatus.WITHDRAWN)
    query = "公开范围测试"
    assert set(ids(search_documents(query=query))) == {public.pk}
    assert set(ids(search_documents(query=query, user=UserFactory(unit=UnitFactory())))) == {
        public.pk, staff_only.pk}
    assert set(ids(search_documents(query=query, user=UserFactory(unit=unit)))) == {
        public.pk, staff_only.pk, for_unit.pk}
    assert set(ids(search_documents(query=query, user=OfficeAdminFactory()))) == {
        public.pk, staff_only.pk, for_unit.pk}
    assert draft.pk not in ids(search_documents(query=query, user=OfficeAdminFactory()))


def test_edit_amend_repeal_and_expiry_show_in_the_next_query():
    author = UserFactory()
    document = make_document(title="旧标题 停车管理办法", author=author)
    document_update(document=document, actor=author, title="新标题 充电设施管理办法")
    assert ids(search_documents(query="充电设施")) == [document.pk]
    assert ids(search_documents(query="停车")) == []
    amending = make_document(title="关于修改充电设施管理办法的决定", author=author)
    document_amend(document=document, by=amending, actor=author)
    valid = search_documents(query="充电设施", filters={"validity": "valid"})
    assert ids(valid) == [amending.pk]
    document_repeal(document=document, by=amending, actor=author)
    hit = [h for h in search_documents(query="充电设施").hits if h.document.pk == document.pk][0]
    assert hit.document.current_validity == Validity.REPEALED
    expiring = make_document(title="临时补贴办法", expires_on=timezone.localdate().replace(
        year=timezone.localdate().year + 1))
    assert ids(search_documents(query="临时补贴", filters={"validity": "valid"})) == [expiring.pk]
    with time_machine.travel(timezone.now().replace(year=timezone.now().year + 2)):
        assert ids(search_documents(query="临时补贴", filters={"validity": "valid"})) == []
        result = search_documents(query="临时补贴")
        assert result.facets["validity"] == [{"value": "expired", "label": "已失效", "count": 1}]


def test_snippets_escape_markup_and_mark_only_the_match():
    make_document(title="安全测试", body_html="<p>前文 &lt;script&gt;alert(1)&lt;/script&gt; "
                                               "政务公开 后文</p>")
    hit = search_documents(query="政务公开").hits[0]
    assert "<script>" not in hit.snippet_html
    assert "&lt;script&gt;" in hit.snippet_html
    assert "<mark>政务公开</mark>" in hit.snippet_html
    assert hit.snippet_html.replace("<mark>", "").replace("</mark>", "").count("<") == 0


@pytest.mark.parametrize("hostile", ['"', "*", "NEAR(", "AND OR", "a\" OR \"b", "(", "^",
                                     "'; DROP TABLE policies_search; --", "x" * 10_000,
                                     "政务" * 5000, "\x00\x02", "   ", ""])
def test_hostile_queries_give_a_sensible_result(hostile):
    make_document(title="政务公开 AND OR NEAR")
    result = search_documents(query=hostile)
    assert result.total >= 0
    assert search_documents(query="政务公开").total == 1


def test_documents_with_only_some_words_are_returned_when_none_has_all():
    document = make_document(title="垃圾分类管理规定")
    result = search_documents(query="垃圾分类 火星")
    assert ids(result) == [document.pk]
    assert result.matched_all_terms is False


def test_facets_count_matches_and_filters_narrow():
    unit = UnitFactory(name="区水务局")
    make_document(title="供水管理办法", unit=unit, kind=DocumentKind.NORMATIVE)
    make_document(title="供水价格解读", unit=unit, kind=DocumentKind.POLICY)
    result = search_documents(query="供水")
    assert {f["value"]: f["count"] for f in result.facets["kind"]} == {
        "normative": 1, "policy": 1}
    assert result.facets["issuer"] == [{"value": unit.pk, "label": "区水务局", "count": 2}]
    narrowed = search_documents(query="供水", filters={"kind": "policy", "year": "bad"})
    assert narrowed.total == 1


def test_search_reads_a_constant_number_of_queries(django_assert_max_num_queries):
    for n in range(30):
        make_document(title=f"规划管理规定 第{n}号", doc_number=f"穗埔府规〔2021〕{n + 1}号")
    with django_assert_max_num_queries(12):
        result = search_documents(query="规划管理 穗埔府规〔2021〕5号", limit=20)
    assert len(result.hits) == 20
    assert result.hits[0].document.doc_number == "穗埔府规〔2021〕5号"


def test_paging_and_date_sort():
    docs = [make_document(title=f"分页测试文件{n}") for n in range(5)]
    first = search_documents(query="分页测试", limit=2, offset=0, sort="date")
    second = search_documents(query="分页测试", limit=2, offset=2, sort="date")
    assert first.total == 5
    assert len(set(ids(first)) | set(ids(second))) == 4
    assert ids(first)[0] == docs[-1].pk


def test_reindex_all_rebuilds_the_index():
    document = make_document(title="重建索引测试")
    assert reindex_all() == 1
    assert ids(search_documents(query="重建索引")) == [document.pk]


def test_deleted_document_leaves_the_index():
    document = make_document(title="删除测试文件")
    document.delete()
    assert search_documents(query="删除测试").total == 0
