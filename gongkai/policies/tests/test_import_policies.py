import csv
import json

import pytest

from django.core.management import CommandError, call_command

from gongkai.core.audit import history_of
from gongkai.orgs.tests.factories import UnitAliasFactory, UnitFactory
from gongkai.policies.models import DocumentAttachment, PolicyDocument, Topic
from gongkai.policies.search import search_documents
from gongkai.policies.tests.factories_policies import docx_with_text, pdf_with_text
from gongkai.publishing.models import PublicationStatus

pytestmark = pytest.mark.django_db
FIELDS = ["kind", "title", "doc_number", "unit", "issuers", "written_on", "published_on",
          "effective_on", "expires_on", "topic", "validity", "body_file", "body",
          "attachments", "source_url", "publish"]


@pytest.fixture
def folder(tmp_path):
    unit = UnitFactory(name="区发展改革局")
    UnitAliasFactory(unit=unit, name="发改局")
    UnitFactory(name="区财政局")
    Topic.objects.create(name="财政")
    (tmp_path / "body1.html").write_text("<p>第一条 <script>x</script>支持企业发展。</p>",
                                         encoding="utf-8")
    (tmp_path / "body2.txt").write_text("第一条 资金管理。\n第二条 附则。", encoding="utf-8")
    (tmp_path / "body3.docx").write_bytes(docx_with_text("正文来自Word文件"))
    (tmp_path / "table.pdf").write_bytes(pdf_with_text("Budget table 2022"))
    (tmp_path / "fake.pdf").write_bytes(b"MZ not really a pdf")
    return tmp_path


def row(**values):
    base = {k: "" for k in FIELDS}
    base.update({"kind": "行政规范性文件", "title": "标题", "unit": "区发展改革局",
                 "published_on": "2022-03-01", "publish": "yes"})
    base.update(values)
    return base


def write_csv(folder, rows, name="manifest.csv"):
    with (folder / name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    return name


def good_rows():
    return [
        row(title="关于支持企业发展的若干措施", doc_number="穗埔发改规（2022）1号",
            body_file="body1.html", issuers="发改局;广州市发展改革委", attachments="table.pdf",
            expires_on="2027年3月1日", source_url="https://example.org/1"),
        row(kind="policy", title="财政资金管理办法", unit="區財政局", topic="财政",
            body_file="body2.txt", publish="no"),
        row(title="Word正文文件", doc_number="穗埔发改规〔2022〕2号", body_file="body3.docx"),
    ]


def test_csv_import_creates_everything_as_drafts_without_the_flag(
        folder, huey_immediate, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_policies", str(folder), "--manifest",
                     write_csv(folder, good_rows()))
    documents = {d.title: d for d in PolicyDocument.objects.all()}
    assert len(documents) == 3
    assert {d.publication_status for d in documents.values()} == {PublicationStatus.DRAFT}
    first = documents["关于支持企业发展的若干措施"]
    assert first.doc_number == "穗埔发改规〔2022〕1号"
    assert "<script>" not in first.body_html
    assert first.issuer_names == "广州市发展改革委"
    assert first.attachments.get().text == "Budget table 2022"
    assert documents["财政资金管理办法"].topic.name == "财政"
    assert "正文来自Word文件" in documents["Word正文文件"].body_text
    event = history_of(first).get(action="policies.document.imported")
    assert event.details["published_directly"] is False


def test_publish_reviewed_publishes_rows_marked_yes_and_records_the_assertion(folder):
    name = write_csv(folder, good_rows())
    call_command("import_policies", str(folder), "--manifest", name, "--publish-reviewed")
    published = PolicyDocument.objects.filter(publication_status=PublicationStatus.PUBLISHED)
    assert published.count() == 2
    document = published.get(doc_number="穗埔发改规〔2022〕1号")
    assert history_of(document).get(
        action="policies.document.imported").details["reviewed_on_old_site"] is True
    assert history_of(document).filter(action="publishing.content.imported_published").exists()
    assert search_documents(query="穗埔发改规[2022]1号").hits[0].document == document


def test_json_manifest_is_accepted(folder):
    (folder / "m.json").write_text(json.dumps([row(title="JSON导入", body="正文")]),
                                   encoding="utf-8")
    call_command("import_policies", str(folder), "--manifest", "m.json")
    assert PolicyDocument.objects.get().title == "JSON导入"


def test_every_problem_is_reported_with_its_row_and_nothing_is_imported(folder):
    rows = good_rows() + [
        row(title="", unit="区不存在局"),
        row(title="坏日期", published_on="2022-13-45", kind="随便"),
        row(title="缺文件", body_file="missing.html", attachments="fake.pdf;nope.pdf"),
        row(title="越界", body_file="../../etc/passwd"),
        row(title="重复文号", doc_number="穗埔发改规[2022]1号"),
        row(title="已废止", validity="已废止", publish="maybe"),
    ]
    with pytest.raises(CommandError) as error:
        call_command("import_policies", str(folder), "--manifest", write_csv(folder, rows))
    message = str(error.value)
    for expected in ("第5行：缺少标题", "第5行：未知的单位“区不存在局”", "第6行：日期“2022-13-45”",
                     "第6行：文件类型“随便”", "第7行：找不到正文文件", "第7行：fake.pdf",
                     "第7行：找不到附件“nope.pdf”", "第8行：找不到正文文件",
                     "第9行：文号与第2行重复", "第10行：效力状态", "第10行：publish"):
        assert expected in message
    assert not PolicyDocument.objects.exists()
    assert not DocumentAttachment.objects.exists()


def test_missing_manifest_or_folder_is_a_clear_error(folder):
    with pytest.raises(CommandError, match="找不到清单"):
        call_command("import_policies", str(folder), "--manifest", "none.csv")
    with pytest.raises(CommandError, match="找不到文件夹"):
        call_command("import_policies", str(folder / "nope"), "--manifest", "x.csv")


def test_reindex_command_rebuilds(folder, capsys):
    call_command("import_policies", str(folder), "--manifest", write_csv(folder, good_rows()))
    call_command("reindex_policies")
    assert "3 件" in capsys.readouterr().out
