"""Letters: every notice and every outcome's reply is a real .docx in official layout,
with the applicant, the number, the right article of the Regulation and (for replies)
the 60-day / 6-month notice; templates are the office's wording, filled safely."""
import datetime as dt
import io

import docx
import pytest

from django.urls import reverse

from gongkai.core.errors import ApplicationError
from gongkai.core.models import AuditEvent
from gongkai.foi.codes import LetterKind, Outcome
from gongkai.foi.letters_defaults import all_defaults, letter_templates_ensure
from gongkai.foi.models import Letter, LetterTemplate, PauseKind
from gongkai.foi.services.letters import fill, letter_generate, render_body
from gongkai.foi.tests.factories import (
    ApplicationFactory,
    FeeFactory,
    PauseFactory,
    SupplementFactory,
)
from gongkai.orgs.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

KIND_ARTICLES = {
    LetterKind.REGISTRATION: "第三十一条",
    LetterKind.RECEIPT: "第三十三条",
    LetterKind.SUPPLEMENT: "第三十条",
    LetterKind.EXPLANATION: "第三十五条",
    LetterKind.EXTENSION: "第三十三条",
    LetterKind.THIRD_PARTY: "第三十二条",
    LetterKind.JOINT_AGENCY: "第三十四条",
    LetterKind.CO_HANDLING: "第三十三条",
    LetterKind.FEE: "第四十二条",
}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def application():
    unit = UnitFactory(name="区发展改革局")
    app = ApplicationFactory(unit=unit, applicant_name="张小明",
                             number="埔发改依申〔2026〕第0007号",
                             extension_reason="所需信息涉及多个年度、数量较大")
    SupplementFactory(application=app, items="请写明文件的年度。")
    PauseFactory(application=app, kind=PauseKind.THIRD_PARTY, party="某科技有限公司")
    PauseFactory(application=app, kind=PauseKind.AGENCY, party="区财政局")
    FeeFactory(application=app)
    return app


def docx_text(letter: Letter) -> str:
    with letter.file.open("rb") as handle:
        document = docx.Document(io.BytesIO(handle.read()))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("kind", list(KIND_ARTICLES))
def test_every_notice_is_a_docx_with_the_number_and_its_article(application, office_admin,
                                                                 kind):
    letter = letter_generate(application=application, kind=kind, actor=office_admin,
                             extra={"party": "区财政局", "answer_by": dt.date(2026, 4, 1)})
    text = docx_text(letter)
    assert application.number in text
    assert KIND_ARTICLES[kind] in text
    assert "区发展改革局" in text  # the issuer and the signature
    assert "{" not in text, "every placeholder of the default wording is filled"
    if kind != LetterKind.THIRD_PARTY:
        assert "张小明" in text
    # The registration number is printed as such, never as the letter's 文号.
    assert letter.doc_number != application.number
    assert letter.application == application


def test_the_third_party_is_not_told_who_applied(application, office_admin):
    letter = letter_generate(application=application, kind=LetterKind.THIRD_PARTY,
                             actor=office_admin)
    text = docx_text(letter)
    assert "某科技有限公司" in text and "张小明" not in text
    assert application.id_number not in text
    assert "15个工作日" in text


def test_there_is_a_default_for_every_kind_and_outcome():
    pairs = {(str(kind), str(outcome)) for kind, outcome, _t, _b in all_defaults()}
    expected = {(k, "") for k in LetterKind.values if k != LetterKind.REPLY}
    expected |= {(LetterKind.REPLY.value, code) for code in Outcome.values}
    assert pairs == expected


def test_the_reply_uses_the_stated_reasons_and_legal_basis(application, office_admin):
    application.outcome_reasons = "涉及第三方商业秘密的第3页已作遮盖处理。"
    application.legal_basis = "《条例》第十五条、第三十七条"
    application.provide_how = "以电子邮件发送。"
    letter = letter_generate(application=application, kind=LetterKind.REPLY,
                             actor=office_admin, outcome="2")
    text = docx_text(letter)
    assert "第3页已作遮盖处理" in text and "法律依据：《条例》第十五条、第三十七条" in text


def test_a_reply_needs_an_outcome_and_nothing_is_stored_without_one(application,
                                                                    office_admin):
    application.outcome = ""
    with pytest.raises(ApplicationError, match="办理结果"):
        letter_generate(application=application, kind=LetterKind.REPLY, actor=office_admin)
    with pytest.raises(ApplicationError):
        letter_generate(application=application, kind="nonsense", actor=office_admin)
    assert not Letter.objects.exists()


def test_generation_is_recorded_in_the_audit_trail(application, office_admin):
    letter = letter_generate(application=application, kind=LetterKind.SUPPLEMENT,
                             actor=office_admin)
    event = AuditEvent.objects.get(action="foi.letter.generated")
    assert event.actor == office_admin and event.object_id == str(application.pk)
    assert event.details["kind"] == "supplement" and event.details["letter"] == letter.pk


def test_letters_to_others_and_the_registration_form_are_not_for_the_applicant(
        application, office_admin):
    hidden = {LetterKind.REGISTRATION, LetterKind.THIRD_PARTY, LetterKind.JOINT_AGENCY,
              LetterKind.CO_HANDLING}
    for kind in KIND_ARTICLES:
        letter = letter_generate(application=application, kind=kind, actor=office_admin)
        assert letter.visible_to_applicant is (kind not in hidden)


def test_a_provisional_due_date_is_marked_in_the_letter(application, office_admin):
    application.due_provisional = True
    letter = letter_generate(application=application, kind=LetterKind.RECEIPT,
                             actor=office_admin)
    assert "（暂定）" in docx_text(letter)


def test_the_administrators_wording_is_used(application, office_admin):
    letter_templates_ensure()
    LetterTemplate.objects.filter(kind=LetterKind.SUPPLEMENT).update(
        title="补正通知（本区格式）", body="{applicant_name}：\n本区特别措辞：请补充{items}")
    letter = letter_generate(application=application, kind=LetterKind.SUPPLEMENT,
                             actor=office_admin)
    text = docx_text(letter)
    assert letter.title == "补正通知（本区格式）"
    assert "本区特别措辞：请补充请写明文件的年度。" in text


def test_ensure_creates_each_template_once_and_never_overwrites_an_edit():
    assert letter_templates_ensure() == len(all_defaults()) == 30
    template = LetterTemplate.objects.get(kind=LetterKind.REPLY, outcome="1")
    template.body = "已编辑"
    template.save()
    LetterTemplate.objects.filter(kind=LetterKind.FEE).delete()
    assert letter_templates_ensure() == 1
    assert letter_templates_ensure() == 0
    assert LetterTemplate.objects.get(kind=LetterKind.REPLY, outcome="1").body == "已编辑"


@pytest.mark.parametrize("hostile", [
    "{__class__}", "{x.__init__}", "{applicant_name.__class__}", "{number[0]}",
    "{applicant_name:>99999999}", "{applicant_name!r}", "{ {{ }} {", "{unit_name.__dict__}",
])
def test_hostile_placeholders_are_left_as_typed(application, office_admin, hostile):
    letter_templates_ensure()
    LetterTemplate.objects.filter(kind=LetterKind.EXPLANATION).update(
        title=f"标题{hostile}", body=f"{{applicant_name}}：\n正文{hostile}结束")
    letter = letter_generate(application=application, kind=LetterKind.EXPLANATION,
                             actor=office_admin)
    text = docx_text(letter)
    assert f"正文{hostile}结束" in text
    assert "<class" not in text and "method-wrapper" not in text and "mappingproxy" not in text
    assert letter.title == f"标题{hostile}"


def test_what_the_applicant_typed_is_never_treated_as_a_placeholder(office_admin):
    # A vertical tab cannot go into a Word document; NUL never reaches the database
    # (forms refuse it, and PostgreSQL would too).
    application = ApplicationFactory(
        applicant_name="李四{unit_name}", description="<script>alert(1)</script>{today}"
                                                     "{id_number}\x0b末尾｜表格")
    letter = letter_generate(application=application, kind=LetterKind.SUPPLEMENT,
                             actor=office_admin)
    text = docx_text(letter)
    assert "李四{unit_name}" in text
    assert "<script>alert(1)</script>{today}{id_number}末尾｜表格" in text
    assert application.id_number not in text


def test_fill_and_render_body_follow_the_documented_syntax():
    assert fill("{a}{b}{a.b}", {"a": 1}) == "1{b}{a.b}"
    addressee, blocks = render_body("{name}：\n项目｜内容\n姓名｜{name}\n{empty}\n正文{name}",
                                    {"name": "王五", "empty": ""})
    assert addressee == "王五："
    table, paragraph = blocks
    assert list(table.headers) == ["项目", "内容"] and list(table.rows[0]) == ["姓名", "王五"]
    assert paragraph == "正文王五"


def test_the_registration_form_is_a_table_with_the_full_identity_number(application,
                                                                        office_admin):
    letter = letter_generate(application=application, kind=LetterKind.REGISTRATION,
                             actor=office_admin)
    with letter.file.open("rb") as handle:
        document = docx.Document(io.BytesIO(handle.read()))
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert application.id_number in cells and "证件号码" in cells


# The admin: the office edits the wording and previews it; nobody else may.

@pytest.fixture
def admin_client(client_for, office_admin):
    office_admin.is_staff = True
    office_admin.save()
    return client_for(office_admin)


def test_the_office_sees_every_template_listed_and_a_preview(admin_client):
    response = admin_client.get(reverse("admin:foi_lettertemplate_changelist"))
    assert response.status_code == 200
    assert LetterTemplate.objects.count() == 30
    template = LetterTemplate.objects.get(kind=LetterKind.REPLY, outcome="2")
    page = admin_client.get(reverse("admin:foi_lettertemplate_change", args=[template.pk]))
    content = page.content.decode()
    assert "{applicant_name}" in content and "张小明" in content  # help and preview
    preview = admin_client.get(reverse("admin:foi_lettertemplate_preview", args=[template.pk]))
    assert preview.status_code == 200
    assert docx.Document(io.BytesIO(preview.content)).paragraphs


def test_an_edit_in_the_admin_is_saved_and_audited(admin_client, office_admin):
    letter_templates_ensure()
    template = LetterTemplate.objects.get(kind=LetterKind.FEE)
    response = admin_client.post(
        reverse("admin:foi_lettertemplate_change", args=[template.pk]),
        {"kind": template.kind, "outcome": "", "title": "收费通知书（新）",
         "body": "{applicant_name}：\n<script>x</script>"})
    assert response.status_code == 302
    template.refresh_from_db()
    assert template.title == "收费通知书（新）"
    assert AuditEvent.objects.filter(action="foi.letter_template.updated").exists()
    page = admin_client.get(reverse("admin:foi_lettertemplate_change", args=[template.pk]))
    assert "<script>x</script>" not in page.content.decode().split("预览")[-1]


def test_unit_staff_cannot_edit_templates(client_for, unit_staff):
    unit_staff.is_staff = True
    unit_staff.save()
    client = client_for(unit_staff)
    letter_templates_ensure()
    template = LetterTemplate.objects.first()
    assert client.get(reverse("admin:foi_lettertemplate_change",
                              args=[template.pk])).status_code in (302, 403)
    assert client.get(reverse("admin:foi_lettertemplate_preview",
                              args=[template.pk])).status_code == 403


def test_application_admin_masks_personal_data_for_other_units(client_for, unit_staff,
                                                                office_admin):
    application = ApplicationFactory(unit=unit_staff.unit, applicant_name="张小明",
                                     phone="13812345678")
    other = ApplicationFactory(applicant_name="赵大海", phone="13987654321")
    unit_staff.is_staff = True
    unit_staff.save()
    office_admin.is_staff = True
    office_admin.save()
    own = client_for(unit_staff).get(
        reverse("admin:foi_application_change", args=[application.pk])).content.decode()
    assert "13812345678" in own and "张小明" in own
    assert client_for(unit_staff).get(
        reverse("admin:foi_application_change", args=[other.pk])).status_code in (302, 403,
                                                                                  404)
    office = client_for(office_admin).get(
        reverse("admin:foi_application_change", args=[other.pk])).content.decode()
    assert "13987654321" in office


def test_a_co_handling_unit_sees_the_application_in_the_admin_but_masked(client_for,
                                                                         unit_staff):
    from gongkai.foi.models import CoHandling

    application = ApplicationFactory(applicant_name="张小明", phone="13812345678",
                                     id_number="11010519491231002X")
    CoHandling.objects.create(application=application, unit=unit_staff.unit,
                              requested_on=application.received_on)
    unit_staff.is_staff = True
    unit_staff.save()
    page = client_for(unit_staff).get(
        reverse("admin:foi_application_change", args=[application.pk])).content.decode()
    assert "138****5678" in page and "张*明" in page and "1101**********002X" in page
    assert "13812345678" not in page and "11010519491231002X" not in page


def test_the_command_creates_missing_templates_once():
    from django.core.management import call_command

    out = io.StringIO()
    call_command("foi_letter_templates", stdout=out)
    call_command("foi_letter_templates", stdout=out)
    assert out.getvalue().splitlines() == ["新建文书模板 30 个。", "新建文书模板 0 个。"]


def test_a_letter_generated_by_someone_reading_in_english_is_written_in_chinese(
        application, office_admin):
    from django.utils import translation

    application.due_provisional = True
    with translation.override("en"):
        letter = letter_generate(application=application, kind=LetterKind.RECEIPT,
                                 actor=office_admin)
        assert translation.get_language() == "en"  # the reader's language is restored
    text = docx_text(letter)
    assert "（暂定）" in text and "(provisional)" not in text
