import datetime

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.core.audit import history_of
from gongkai.core.errors import ApplicationError
from gongkai.orgs.tests.factories import OfficeAdminFactory, UnitFactory, UserFactory
from gongkai.policies.models import (
    AnnualDecisionCount,
    DocumentAttachment,
    DocumentKind,
    GazetteEntry,
    InterpretationForm,
    PolicyDocument,
    PublicEnterprise,
    Validity,
)
from gongkai.policies.search import search_documents
from gongkai.policies.services import (
    attachment_remove,
    decision_counts_set,
    document_amend,
    document_create,
    document_repeal,
    document_update,
    enterprise_create,
    enterprise_delete,
    enterprise_update,
    gazette_add_document,
    gazette_issue_create,
    interpretation_create,
)
from gongkai.policies.tests.factories_policies import (
    docx_with_text,
    make_document,
    pdf_with_text,
    publish,
)
from gongkai.publishing.content_registry import replace_in_source
from gongkai.publishing.models import Audience

pytestmark = pytest.mark.django_db


def actions(obj):
    return [event.action for event in history_of(obj).order_by("id")]


def test_create_sanitises_body_parses_number_indexes_and_records():
    author = UserFactory()
    document = document_create(
        unit=author.unit, author=author, kind=DocumentKind.NORMATIVE,
        title="  关于优化营商环境的若干措施 ", doc_number="穗埔府规（２０２３）３号",
        body_html='<p onclick="x()">第一条 <script>alert(1)</script><b>加强</b>服务</p>'
                  '<a href="javascript:alert(1)">链接</a>')
    assert document.title == "关于优化营商环境的若干措施"
    assert "<script" not in document.body_html and "onclick" not in document.body_html
    assert "javascript:" not in document.body_html
    assert "<b>加强</b>" in document.body_html
    assert document.body_text.startswith("第一条")
    assert (document.doc_number, document.issuer_code, document.doc_year,
            document.doc_serial) == ("穗埔府规〔2023〕3号", "穗埔府规", 2023, 3)
    assert list(document.issuers.all()) == [author.unit]
    assert actions(document) == ["policies.document.created"]
    publish(document)
    assert search_documents(query="营商环境").hits[0].document == document


def test_an_unusual_number_is_kept_as_written_without_parts():
    document = make_document(doc_number="黄埔区政府令第5号")
    assert document.doc_number == "黄埔区政府令第5号" and document.issuer_code == ""


@pytest.mark.parametrize("kwargs, message", [
    ({"title": "  "}, "标题"),
    ({"kind": "nonsense"}, "文件类型"),
    ({"effective_on": datetime.date(2024, 5, 1), "expires_on": datetime.date(2024, 1, 1)},
     "失效日期"),
    ({"source_url": "not a url"}, "URL"),
    ({"audience": Audience.UNITS}, "指定单位"),
])
def test_invalid_documents_are_refused_and_nothing_is_written(kwargs, message):
    author = UserFactory()
    fields = {"kind": DocumentKind.NORMATIVE, "title": "标题", **kwargs}
    with pytest.raises(ApplicationError) as error:
        document_create(unit=author.unit, author=author, **fields)
    assert message in error.value.message or message.lower() in error.value.message.lower()
    assert not PolicyDocument.objects.exists()


def test_the_same_number_twice_is_refused():
    make_document(doc_number="国办发〔2022〕8号")
    with pytest.raises(ApplicationError, match="已由"):
        make_document(doc_number="国办发[2022]8号")


def test_attachment_text_is_extracted_and_searchable(
        huey_immediate, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(title="附件测试", attachments=[
            SimpleUploadedFile("表格.pdf", pdf_with_text("Appendix ZEBRA-77")),
            SimpleUploadedFile("说明.docx", docx_with_text("附件里的长颈鹿条款")),
        ])
    texts = {a.original_name: a.text for a in document.attachments.all()}
    assert texts == {"表格.pdf": "Appendix ZEBRA-77", "说明.docx": "附件里的长颈鹿条款"}
    assert [h.document for h in search_documents(query="长颈鹿").hits] == [document]
    assert [h.document for h in search_documents(query="zebra").hits] == [document]
    assert ("附件:说明.docx", "附件里的长颈鹿条款") in document.scan_sources()


def test_a_bad_attachment_refuses_the_whole_document():
    author = UserFactory()
    with pytest.raises(ApplicationError):
        document_create(unit=author.unit, author=author, kind=DocumentKind.POLICY, title="坏附件",
                        attachments=[SimpleUploadedFile("ok.docx", docx_with_text("好")),
                                     SimpleUploadedFile("evil.pdf", b"MZ\x90\x00 not a pdf")])
    assert not PolicyDocument.objects.exists()
    assert not DocumentAttachment.objects.exists()


def test_removing_an_attachment_removes_its_text_from_the_index():
    document = make_document(attachments=[SimpleUploadedFile("a.docx", docx_with_text("犀牛"))])
    attachment_remove(attachment=document.attachments.get(), actor=None)
    assert search_documents(query="犀牛").total == 0
    assert "policies.document.attachment_removed" in actions(document)


def test_update_records_changed_fields_and_refuses_unknown_ones():
    author = UserFactory()
    document = make_document(author=author, title="原标题")
    document_update(document=document, actor=author, title="新标题", body_html="<p>新正文</p>")
    event = history_of(document).get(action="policies.document.updated")
    assert event.details["fields"] == ["body_html", "title"]
    with pytest.raises(ApplicationError):
        document_update(document=document, actor=author, publication_status="published")


def test_amend_and_repeal_link_documents_and_follow_the_table():
    author = UserFactory()
    document = make_document(author=author, title="原办法")
    amending = make_document(author=author, title="修改决定")
    repealing = make_document(author=author, title="废止决定")
    document_amend(document=document, by=amending, actor=author)
    assert (document.validity, document.amended_by) == (Validity.AMENDED, amending)
    document_repeal(document=document, by=repealing, actor=author)
    document.refresh_from_db()
    assert (document.validity, document.repealed_by) == (Validity.REPEALED, repealing)
    assert actions(document)[-2:] == ["policies.document.amended", "policies.document.repealed"]
    with pytest.raises(ApplicationError):
        document_amend(document=document, by=amending, actor=author)
    with pytest.raises(ApplicationError):
        document_repeal(document=amending, by=amending, actor=author)


def test_interpretation_is_linked_and_checked():
    author = UserFactory()
    document = make_document(author=author, title="主文件", audience=Audience.STAFF)
    interpretation = interpretation_create(
        document=document, form=InterpretationForm.GRAPHIC, title="一图读懂",
        media_url="https://example.org/tu", author=author, unit=author.unit)
    assert interpretation.interprets == document
    assert interpretation.kind == DocumentKind.INTERPRETATION
    assert interpretation.audience == Audience.STAFF
    with pytest.raises(ApplicationError):
        interpretation_create(document=document, form=InterpretationForm.TEXT, title="空",
                              author=author, unit=author.unit)
    with pytest.raises(ApplicationError):
        interpretation_create(document=interpretation, form=InterpretationForm.QA,
                              title="解读的解读", media_url="https://example.org",
                              author=author, unit=author.unit)


def test_gazette_takes_only_published_documents_once():
    office = OfficeAdminFactory()
    issue = gazette_issue_create(year=2024, number=1, actor=office)
    with pytest.raises(ApplicationError):
        gazette_issue_create(year=2024, number=1, actor=office)
    draft = make_document(published=False)
    with pytest.raises(ApplicationError):
        gazette_add_document(issue=issue, document=draft, actor=office)
    published = make_document(title="公报文件")
    gazette_add_document(issue=issue, document=published, actor=office)
    with pytest.raises(ApplicationError):
        gazette_add_document(issue=issue, document=published, actor=office)
    assert GazetteEntry.objects.filter(issue=issue).count() == 1
    assert "policies.gazette.document_added" in actions(issue)


def test_enterprise_crud_is_validated_and_audited():
    office = OfficeAdminFactory()
    enterprise = enterprise_create(name="区自来水公司", field="water",
                                   url="https://water.example.org", actor=office)
    enterprise_update(enterprise=enterprise, actor=office, note="供水服务")
    with pytest.raises(ApplicationError):
        enterprise_create(name="坏链接", field="water", url="javascript:alert(1)", actor=office)
    with pytest.raises(ApplicationError):
        enterprise_create(name="", field="water", url="https://x.example.org", actor=office)
    enterprise_delete(enterprise=enterprise, actor=office)
    assert not PublicEnterprise.objects.exists()


def test_decision_counts_are_set_corrected_and_validated():
    unit = UnitFactory()
    actor = UserFactory(unit=unit)
    decision_counts_set(unit=unit, year=2024, licensing=3, penalty=2, enforcement=1,
                        fees_wan_yuan="1.5", actor=actor)
    record = decision_counts_set(unit=unit, year=2024, licensing=4, penalty=2, enforcement=1,
                                 fees_wan_yuan="1.5", actor=actor)
    assert AnnualDecisionCount.objects.get().licensing == 4
    assert history_of(record).last().details["before"]["licensing"] == 3
    for bad in ({"licensing": -1}, {"penalty": "x"}, {"fees_wan_yuan": "abc"},
                {"fees_wan_yuan": -2}):
        values = {"licensing": 1, "penalty": 1, "enforcement": 1, "fees_wan_yuan": 0, **bad}
        with pytest.raises(ApplicationError):
            decision_counts_set(unit=unit, year=2024, actor=actor, **values)
    assert AnnualDecisionCount.objects.get().licensing == 4


def test_replace_in_source_masks_title_and_body_and_reindexes():
    document = make_document(
        title="关于张三13812345678的通知",
        body_html="<p>身份证 4401<b>0119900101</b>1234 电话 13812345678 &amp; 其他</p>")
    replace_in_source(document, "title", "13812345678", "138****5678")
    replace_in_source(document, "body", "13812345678", "138****5678")
    replace_in_source(document, "body", "440101199001011234", "4401**********1234")
    document.refresh_from_db()
    for field in (document.title, document.body_html, document.body_text):
        assert "13812345678" not in field
        assert "440101199001011234" not in field.replace("<b>", "").replace("</b>", "")
    assert "4401**********1234" in document.body_text
    assert search_documents(query="13812345678").total == 0
    assert [e for e in actions(document) if e == "policies.document.masked"] == [
        "policies.document.masked"] * 3


def test_replace_in_source_refuses_attachments_and_missing_text():
    document = make_document(attachments=[SimpleUploadedFile("a.docx", docx_with_text("秘密"))])
    with pytest.raises(ApplicationError, match="附件中的内容无法直接遮盖"):
        replace_in_source(document, "附件:a.docx", "秘密", "**")
    with pytest.raises(ApplicationError):
        replace_in_source(document, "body", "不存在的内容", "x")


@pytest.mark.django_db(transaction=True)
def test_attachment_text_is_extracted_after_commit_outside_any_transaction(
        huey_immediate, monkeypatch):
    """Issue 15: extraction inside the upload's transaction held the database write lock
    for the whole parse, and another unit's save failed with "database is locked"."""
    from django.db import connection

    from gongkai.policies.services import documents

    seen = []
    real = documents.attachment_extract

    def spy(attachment):
        seen.append(connection.in_atomic_block)
        return real(attachment)

    monkeypatch.setattr(documents, "attachment_extract", spy)
    document = make_document(title="锁测试", attachments=[
        SimpleUploadedFile("说明.docx", docx_with_text("不在事务里提取"))])
    assert seen == [False]
    attachment = document.attachments.get()
    assert (attachment.text, attachment.text_pending) == ("不在事务里提取", False)
    assert [h.document for h in search_documents(query="事务").hits] == [document]


def test_until_the_job_runs_the_scan_still_reads_the_attachment():
    document = make_document(published=False, attachments=[
        SimpleUploadedFile("名单.docx", docx_with_text("身份证号 440101199001011234"))])
    attachment = document.attachments.get()
    assert attachment.text_pending and attachment.text == ""
    assert ("附件:名单.docx", "身份证号 440101199001011234") in document.scan_sources()


def test_an_attachment_past_the_limits_is_kept_without_text(
        settings, huey_immediate, django_capture_on_commit_callbacks):
    from gongkai.core.tests.test_extract import docx_with_body_of

    settings.GONGKAI_EXTRACT_MAX_UNZIPPED_BYTES = 1_000_000
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(attachments=[
            SimpleUploadedFile("大文件.docx", docx_with_body_of(3_000_000))])
    attachment = document.attachments.get()
    assert attachment.text == "" and not attachment.text_pending
    assert "解压后过大" in attachment.text_error
