import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.orgs.tests.factories import PublicUserFactory, SupervisorFactory
from gongkai.policies.models import (
    AnnualDecisionCount,
    DocumentKind,
    GazetteIssue,
    PolicyDocument,
    PublicEnterprise,
    Validity,
)
from gongkai.policies.tests.factories_policies import docx_with_text, make_document
from gongkai.publishing.models import PublicationStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(unit_staff):
    return make_document(author=unit_staff, title="本单位草稿<script>x</script>",
                         published=False,
                         attachments=[SimpleUploadedFile("a.docx", docx_with_text("附件内容"))])


def document_urls(document):
    attachment = document.attachments.first()
    urls = [reverse("policies:document_detail", args=[document.pk]),
            reverse("policies:document_edit", args=[document.pk]),
            reverse("policies:interpretation_create", args=[document.pk])]
    if attachment:
        urls.append(reverse("policies:attachment_download", args=[attachment.pk]))
    return urls


def test_other_units_staff_can_neither_read_nor_change_a_draft(client_for, draft,
                                                               other_unit_staff):
    client = client_for(other_unit_staff)
    for url in document_urls(draft):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"action": "submit", "title": "改"}).status_code in (404, 405)
    listing = client.get(reverse("policies:staff_list"))
    assert draft.title not in listing.content.decode()
    draft.refresh_from_db()
    assert draft.title == "本单位草稿<script>x</script>"


@pytest.mark.parametrize("factory", [PublicUserFactory, SupervisorFactory])
def test_public_and_supervisors_have_no_staff_pages(client_for, draft, factory):
    client = client_for(factory())
    assert client.get(reverse("policies:staff_list")).status_code == 403
    for url in document_urls(draft):
        assert client.get(url).status_code in (403, 404)
    for name in ("gazette_list", "enterprise_list", "decision_counts", "stats"):
        assert client.get(reverse(f"policies:{name}")).status_code == 403


def test_anonymous_is_sent_to_login(client, draft):
    response = client.get(reverse("policies:document_detail", args=[draft.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_own_staff_see_escaped_title_attachment_and_history(client_for, unit_staff, draft):
    client = client_for(unit_staff)
    page = client.get(reverse("policies:document_detail", args=[draft.pk])).content.decode()
    assert "本单位草稿&lt;script&gt;x&lt;/script&gt;" in page
    assert "<script>x</script>" not in page
    assert "提交审核" in page
    download = client.get(reverse("policies:attachment_download",
                                  args=[draft.attachments.get().pk]))
    assert download.status_code == 200
    assert client.get(reverse("policies:staff_list")).status_code == 200


def test_create_and_edit_through_the_pages(client_for, unit_staff):
    client = client_for(unit_staff)
    response = client.post(reverse("policies:document_create"), {
        "kind": DocumentKind.NORMATIVE, "title": "页面新建的文件", "doc_number": "穗埔规[2024]2号",
        "body_html": "<p>正文<img src=x onerror=alert(1)></p>", "audience": "public"})
    document = PolicyDocument.objects.get()
    assert response.status_code == 302
    assert document.unit == unit_staff.unit and document.doc_number == "穗埔规〔2024〕2号"
    assert "onerror" not in document.body_html
    client.post(reverse("policies:document_edit", args=[document.pk]), {
        "kind": DocumentKind.NORMATIVE, "title": "改过的标题", "audience": "public"})
    document.refresh_from_db()
    assert document.title == "改过的标题"


def test_a_service_error_is_shown_as_a_message(client_for, unit_staff):
    client = client_for(unit_staff)
    response = client.post(reverse("policies:document_create"), {
        "kind": DocumentKind.NORMATIVE, "title": "坏日期", "audience": "public",
        "effective_on": "2024-05-01", "expires_on": "2024-01-01"}, follow=True)
    assert "失效日期不能早于" in response.content.decode()
    assert not PolicyDocument.objects.exists()


def test_published_document_cannot_be_edited_by_unit_staff(client_for, unit_staff):
    document = make_document(author=unit_staff, title="已发布")
    response = client_for(unit_staff).post(
        reverse("policies:document_edit", args=[document.pk]),
        {"kind": DocumentKind.NORMATIVE, "title": "偷改", "audience": "public"})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "已发布"


def test_repeal_by_doc_number_from_the_detail_page(client_for, unit_staff):
    document = make_document(author=unit_staff, title="旧办法")
    make_document(author=unit_staff, title="废止决定", doc_number="穗埔府〔2024〕9号")
    client_for(unit_staff).post(reverse("policies:document_detail", args=[document.pk]),
                                {"action": "repeal", "by": "穗埔府(2024)9号"})
    document.refresh_from_db()
    assert document.validity == Validity.REPEALED


def test_interpretation_page_creates_a_linked_draft(client_for, unit_staff, draft):
    client_for(unit_staff).post(reverse("policies:interpretation_create", args=[draft.pk]), {
        "form": "text", "title": "解读", "body_html": "<p>要点</p>"})
    interpretation = PolicyDocument.objects.get(kind=DocumentKind.INTERPRETATION)
    assert interpretation.interprets == draft
    assert interpretation.publication_status == PublicationStatus.DRAFT


def test_unit_staff_enter_only_their_own_decision_counts(client_for, unit_staff,
                                                          other_unit_staff):
    client = client_for(unit_staff)
    client.post(reverse("policies:decision_counts"), {
        "year": 2024, "unit": other_unit_staff.unit_id, "licensing": 5, "penalty": 1,
        "enforcement": 0, "fees_wan_yuan": "1.5"})
    record = AnnualDecisionCount.objects.get()
    assert record.unit == unit_staff.unit  # the unit field is ignored for unit staff
    stats = client.get(reverse("policies:stats"), {"year": 2024}).content.decode()
    assert other_unit_staff.unit.name not in stats


def test_office_keeps_gazette_enterprises_and_sees_all_stats(client_for, office_admin,
                                                            unit_staff):
    client = client_for(office_admin)
    client.post(reverse("policies:gazette_list"), {"year": 2024, "number": 3})
    issue = GazetteIssue.objects.get()
    document = make_document(author=unit_staff, title="公报收录")
    client.post(reverse("policies:gazette_edit", args=[issue.pk]),
                {"action": "add", "document": document.pk})
    assert issue.entries.get().document == document
    client.post(reverse("policies:enterprise_list"), {
        "name": "区燃气公司", "field": "gas", "url": "https://gas.example.org", "order": 0})
    enterprise = PublicEnterprise.objects.get()
    assert client.get(reverse("policies:enterprise_edit", args=[enterprise.pk])).status_code == 200
    client.post(reverse("policies:decision_counts"), {
        "year": 2024, "unit": unit_staff.unit_id, "licensing": 7, "penalty": 0,
        "enforcement": 0, "fees_wan_yuan": "0"})
    assert AnnualDecisionCount.objects.get().unit == unit_staff.unit
    stats = client.get(reverse("policies:stats"), {"year": 2024}).content.decode()
    assert unit_staff.unit.name in stats


def test_unit_staff_cannot_use_office_lists(client_for, unit_staff):
    client = client_for(unit_staff)
    for name in ("gazette_list", "enterprise_list"):
        assert client.get(reverse(f"policies:{name}")).status_code == 403
        assert client.post(reverse(f"policies:{name}"), {"name": "x"}).status_code == 403


def test_submit_button_hands_the_draft_to_review(client_for, unit_staff, draft):
    client_for(unit_staff).post(reverse("policies:document_detail", args=[draft.pk]),
                                {"action": "submit"})
    draft.refresh_from_db()
    assert draft.publication_status == PublicationStatus.IN_REVIEW


def test_submitting_a_draft_with_scan_findings_says_what_was_found(client_for, unit_staff):
    document = make_document(author=unit_staff, published=False, title="含个人信息的草稿",
                             body_html="<p>联系人身份证号 11010519491231002X，手机 13912345678。</p>")
    response = client_for(unit_staff).post(
        reverse("policies:document_detail", args=[document.pk]), {"action": "submit"},
        follow=True)
    body = response.content.decode()
    assert "已完成。" not in body
    assert "已提交审核" in body and "敏感信息扫描发现" in body


def test_a_clean_draft_is_submitted_with_no_word_of_findings(client_for, unit_staff, draft):
    body = client_for(unit_staff).post(
        reverse("policies:document_detail", args=[draft.pk]), {"action": "submit"},
        follow=True).content.decode()
    assert "已提交审核" in body and "敏感信息扫描发现" not in body


def test_a_draft_shows_one_status_not_draft_and_in_force_together(client_for, unit_staff,
                                                                  draft):
    body = client_for(unit_staff).get(
        reverse("policies:document_detail", args=[draft.pk])).content.decode()
    assert "草稿" in body and "现行有效" not in body
    listing = client_for(unit_staff).get(reverse("policies:staff_list")).content.decode()
    rows = listing.split("<tbody>", 1)[1]  # the validity filter offers 现行有效 above
    assert "现行有效" not in rows and "未发布" in rows
