import datetime
import json
import re

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.orgs.tests.factories import UnitFactory, UserFactory
from gongkai.policies.models import (
    DocumentKind,
    EnterpriseField,
    GazetteEntry,
    GazetteIssue,
    PublicEnterprise,
    Topic,
)
from gongkai.policies.services import document_amend, document_repeal, interpretation_create
from gongkai.policies.tests.factories_policies import make_document, pdf_with_text, publish
from gongkai.publishing.models import Audience

pytestmark = pytest.mark.django_db

SEARCH = reverse("policies:search")
API = reverse("policies:api_search")


def api(client, **params):
    response = client.get(API, params)
    return response, json.loads(response.content)


def result_ids(response) -> list[int]:
    return [hit.document.pk for hit in response.context["result"].hits]


@pytest.fixture
def unit():
    return UnitFactory(name="区发展改革局")


@pytest.fixture
def library(unit):
    """One document of each visibility, all mentioning 营商环境."""
    return {
        "public": make_document(unit=unit, title="关于优化营商环境的若干措施",
                                doc_number="埔发改〔2023〕5号"),
        "draft": make_document(unit=unit, title="营商环境草稿文件", published=False),
        "staff": make_document(unit=unit, title="营商环境内部通报", audience=Audience.STAFF),
        "units": make_document(unit=unit, title="营商环境指定单位文件", audience=Audience.UNITS,
                               audience_units=[unit]),
    }


# ---------------------------------------------------------------- visibility
def test_anonymous_sees_only_published_public_documents(client, library):
    response = client.get(SEARCH, {"q": "营商环境"})
    assert response.status_code == 200
    assert result_ids(response) == [library["public"].pk]
    _, data = api(client, q="营商环境")
    assert [row["id"] for row in data["results"]] == [library["public"].pk]
    assert data["total"] == 1
    home = client.get(reverse("policies:library")).content.decode()
    assert "关于优化营商环境的若干措施" in home
    assert "草稿文件" not in home and "内部通报" not in home and "指定单位文件" not in home


@pytest.mark.parametrize("which", ["draft", "staff", "units"])
def test_hidden_document_answers_404_to_the_public(client, library, which):
    pk = library[which].pk
    assert client.get(reverse("policies:document", args=[pk])).status_code == 404
    assert client.get(reverse("policies:print", args=[pk])).status_code == 404


def test_limited_audience_document_is_read_only_by_its_audience(client_for, library, unit):
    own = client_for(UserFactory(unit=unit))
    other = client_for(UserFactory(unit=UnitFactory()))
    url = reverse("policies:document", args=[library["units"].pk])
    assert own.get(url).status_code == 200
    assert other.get(url).status_code == 404
    assert library["units"].pk in result_ids(own.get(SEARCH, {"q": "营商环境"}))
    assert library["units"].pk not in result_ids(other.get(SEARCH, {"q": "营商环境"}))


def test_other_unit_staff_never_read_an_unsubmitted_document_or_its_attachment(client_for,
                                                                              unit):
    draft = make_document(unit=unit, title="未提交的草稿", published=False, attachments=[
        SimpleUploadedFile("草稿附件.pdf", pdf_with_text("draft"), "application/pdf")])
    attachment = draft.attachments.get()
    other = client_for(UserFactory(unit=UnitFactory()))
    for name, arg in (("document", draft.pk), ("print", draft.pk),
                      ("attachment", attachment.pk)):
        assert other.get(reverse(f"policies:{name}", args=[arg])).status_code == 404
    assert draft.pk not in result_ids(other.get(SEARCH, {"q": "草稿"}))
    assert not api(other, q="草稿")[1]["results"]


def test_attachment_of_a_published_document_downloads(client, unit):
    document = make_document(unit=unit, title="附件下载测试", attachments=[
        SimpleUploadedFile("实施细则.pdf", pdf_with_text("rules"), "application/pdf")])
    attachment = document.attachments.get()
    response = client.get(reverse("policies:attachment", args=[attachment.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]
    page = client.get(reverse("policies:document", args=[document.pk])).content.decode()
    assert reverse("policies:attachment", args=[attachment.pk]) in page


# ---------------------------------------------------------------- search page and facets
def test_facets_count_kind_issuer_year_topic_and_validity(client, unit):
    topic = Topic.objects.create(name="城乡建设、环境保护")
    other_unit = UnitFactory(name="区住房城乡建设局")
    make_document(unit=unit, title="住房保障实施办法", issuers=[unit], topic=topic,
                  published_on=datetime.date(2022, 3, 1))
    make_document(unit=other_unit, title="住房租赁管理办法", issuers=[other_unit],
                  kind=DocumentKind.POLICY, published_on=datetime.date(2023, 5, 1))
    response = client.get(SEARCH, {"q": "住房"})
    facets = {g["name"]: {o["label"]: o["count"] for o in g["options"]}
              for g in response.context["facets"]}
    assert facets["kind"] == {"行政规范性文件": 1, "其他政策文件": 1}
    assert facets["issuer"] == {"区发展改革局": 1, "区住房城乡建设局": 1}
    assert facets["year"] == {"2022": 1, "2023": 1}
    assert facets["topic"] == {"城乡建设、环境保护": 1}
    assert facets["validity"] == {"现行有效": 2}
    # Following a facet link narrows the results.
    link = next(o["url"] for g in response.context["facets"] if g["name"] == "year"
                for o in g["options"] if o["label"] == "2023")
    narrowed = client.get(SEARCH + link)
    assert [h.document.title for h in narrowed.context["result"].hits] == ["住房租赁管理办法"]
    assert "data-facet=\"kind\"" in response.content.decode()


def test_browsing_by_topic_and_current_only_toggle(client, unit):
    topic = Topic.objects.create(name="科技、教育")
    valid = make_document(unit=unit, title="现行的教育文件", topic=topic)
    repealer = make_document(unit=unit, title="废止决定")
    repealed = make_document(unit=unit, title="已废止的教育文件", topic=topic)
    document_repeal(document=repealed, by=repealer, actor=None)
    home = client.get(reverse("policies:library"), {"current": "1"})
    topics = {row["label"]: row["count"] for row in home.context["counts"]["topic"]}
    assert topics == {"科技、教育": 1}
    listed = client.get(SEARCH, {"topic": topic.pk, "validity": "valid"})
    assert result_ids(listed) == [valid.pk]
    everything = client.get(SEARCH, {"topic": topic.pk})
    assert set(result_ids(everything)) == {valid.pk, repealed.pk}


def test_sort_by_date_lists_newest_first(client, unit):
    old = make_document(unit=unit, title="营商环境 营商环境 旧文件",
                        published_on=datetime.date(2019, 1, 1))
    new = make_document(unit=unit, title="营商环境新文件", published_on=datetime.date(2024, 1, 1))
    assert result_ids(client.get(SEARCH, {"q": "营商环境", "sort": "date"})) == [new.pk, old.pk]


def test_snippet_highlights_the_words(client, unit):
    make_document(unit=unit, title="关于政务公开的通知",
                  body_html="<p>各单位要进一步做好营商环境信息公开工作。</p>")
    page = client.get(SEARCH, {"q": "营商环境"}).content.decode()
    assert "<mark>营商环境</mark>" in page


# ---------------------------------------------------------------- document page
def test_document_page_shows_metadata_interpretations_and_validity_links(client, unit):
    document = make_document(unit=unit, title="黄埔区促进就业若干措施",
                             doc_number="埔人社规〔2021〕3号", index_number="11440112/2021-001",
                             written_on=datetime.date(2021, 3, 1),
                             effective_on=datetime.date(2021, 4, 1),
                             expires_on=datetime.date(2026, 3, 31),
                             source_url="https://example.gov.cn/rules/1", source_name="规范性文件库")
    interpretation = publish(interpretation_create(
        document=document, form="graphic", title="一图读懂促进就业若干措施",
        media_url="https://example.gov.cn/tu.png", author=UserFactory(unit=unit), unit=unit))
    amending = make_document(unit=unit, title="关于修改促进就业若干措施的决定")
    document_amend(document=document, by=amending, actor=None)
    page = client.get(reverse("policies:document", args=[document.pk])).content.decode()
    for text in ("索引号", "11440112/2021-001", "埔人社规〔2021〕3号", "2021-03-01", "2021-04-01",
                 "2026-03-31", "已修改", "规范性文件库", "一图读懂促进就业若干措施", "图解"):
        assert text in page
    assert reverse("policies:document", args=[amending.pk]) in page
    assert reverse("policies:document", args=[interpretation.pk]) in page
    assert "https://example.gov.cn/tu.png" in page
    # The interpretation links back to its document.
    back = client.get(reverse("policies:document", args=[interpretation.pk])).content.decode()
    assert reverse("policies:document", args=[document.pk]) in back
    printed = client.get(reverse("policies:print", args=[document.pk])).content.decode()
    assert "黄埔区促进就业若干措施" in printed and "data-print" in printed
    assert re.search(r"gongkai/site(\.[0-9a-f]{12})?\.js", printed)  # the print button works without inline script


def test_expired_document_reads_as_expired(client, unit):
    document = make_document(unit=unit, title="过期的文件",
                             expires_on=datetime.date(2020, 12, 31))
    page = client.get(reverse("policies:document", args=[document.pk])).content.decode()
    assert "已失效" in page
    assert result_ids(client.get(SEARCH, {"validity": "valid"})) == []


def test_hostile_content_is_shown_escaped(client, unit):
    document = make_document(unit=unit, title="<script>alert('t')</script>营商环境",
                             body_html="<p>营商环境<script>alert('b')</script>"
                                       "<img src=x onerror=alert(1)></p>")
    for url in (reverse("policies:document", args=[document.pk]),
                reverse("policies:print", args=[document.pk]), SEARCH + "?q=营商环境",
                reverse("policies:library")):
        page = client.get(url).content.decode()
        assert "<script>alert" not in page and "onerror" not in page
        assert "&lt;script&gt;" in page
    _, data = api(client, q="营商环境")
    assert data["results"][0]["title"] == "<script>alert('t')</script>营商环境"
    assert "<script>" not in data["results"][0]["snippet_html"]


# ---------------------------------------------------------------- JSON API
def test_api_returns_the_documented_fields(client, library):
    response, data = api(client, q="埔发改[2023]5号")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    row = data["results"][0]
    assert set(row) >= {"id", "title", "doc_number", "score", "url", "snippet", "kind",
                        "validity", "published_on"}
    assert row["id"] == library["public"].pk and row["doc_number"] == "埔发改〔2023〕5号"
    assert row["url"].endswith(reverse("policies:document", args=[row["id"]]))
    assert row["validity"] == "valid" and row["kind"] == "normative"
    assert set(data["facets"]) == {"kind", "issuer", "year", "topic", "validity"}


@pytest.mark.parametrize("params, word", [
    ({"year": "二〇二二"}, "年份"), ({"kind": "nonsense"}, "文件类型"), ({"page": "0"}, "页码"),
    ({"q": "字" * 201}, "检索词"), ({"sort": "random"}, "排序"), ({"issuer": "x"}, "发布机构"),
    ({"limit": "-1"}, "条数"),
])
def test_api_bad_parameters_answer_400_in_chinese(client, params, word):
    response, data = api(client, **params)
    assert response.status_code == 400
    assert word in data["error"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in data["error"].replace(word, ""))
    assert client.get(SEARCH, params).status_code == 400


def test_api_limit_is_capped(client, unit):
    for n in range(55):
        make_document(unit=unit, title=f"营商环境文件{n}")
    _, data = api(client, q="营商环境", limit="1000")
    assert data["limit"] == 50 and len(data["results"]) == 50 and data["total"] == 55
    _, page_two = api(client, q="营商环境", limit="50", page="2")
    assert len(page_two["results"]) == 5


def test_search_page_paginates(client, unit):
    for n in range(25):
        make_document(unit=unit, title=f"分页测试文件{n}")
    first = client.get(SEARCH, {"q": "分页测试"})
    second = client.get(SEARCH, {"q": "分页测试", "page": "2"})
    assert len(first.context["result"].hits) == 20 and len(second.context["result"].hits) == 5
    assert not set(result_ids(first)) & set(result_ids(second))
    assert "rel=\"next\"" in first.content.decode()


# ---------------------------------------------------------------- gazette, enterprises, home
def test_gazette_archive_lists_issues_by_year_with_readable_documents(client, unit):
    issue = GazetteIssue.objects.create(year=2022, number=3)
    GazetteIssue.objects.create(year=2021, number=1)
    shown = make_document(unit=unit, title="公报收录的文件")
    hidden = make_document(unit=unit, title="仅限工作人员的公报文件", audience=Audience.STAFF)
    GazetteEntry.objects.create(issue=issue, document=shown, order=1)
    GazetteEntry.objects.create(issue=issue, document=hidden, order=2)
    page = client.get(reverse("policies:gazette"), {"year": "2022"}).content.decode()
    assert "2022年第3期" in page and "公报收录的文件" in page
    assert "仅限工作人员" not in page and "2021年第1期" not in page
    assert client.get(reverse("policies:gazette"), {"year": "abc"}).status_code == 200


def test_public_enterprise_column_groups_by_field(client):
    PublicEnterprise.objects.create(name="黄埔自来水公司", field=EnterpriseField.WATER,
                                    url="https://water.example.cn/open")
    PublicEnterprise.objects.create(name="区人民医院", field=EnterpriseField.MEDICAL,
                                    url="https://hospital.example.cn/open")
    page = client.get(reverse("policies:enterprises")).content.decode()
    assert page.index(">供水</h2>") < page.index("黄埔自来水公司") < page.index(">医疗卫生</h2>")
    assert "https://hospital.example.cn/open" in page


def test_site_home_links_the_library():
    page = Client().get(reverse("portal:home")).content.decode()
    assert reverse("policies:library") in page
