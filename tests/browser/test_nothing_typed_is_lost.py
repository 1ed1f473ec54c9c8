"""Nothing typed is lost (issue 13): on every staff page that combines text and uploads,
uploading, linking or removing keeps what was typed; deleting asks first; submitting a
report without evidence asks first."""
import datetime as dt
import io

import pytest
import time_machine
from PIL import Image

from gongkai.orgs.models import Role, Unit, User
from gongkai.participation.models import ConsultationArticle
from gongkai.participation.tests.factories_consultations import ConsultationFactory
from gongkai.plans.models import Assignment, Evidence, Report, ReportStatus
from gongkai.plans.services.assignments import assignments_sync
from gongkai.plans.tests.factories import (
    PlanFactory,
    ReportingPeriodFactory,
    TaskFactory,
    TaskUnitFactory,
)
from gongkai.publishing.models import PublicationStatus
from gongkai.websites.models import Finding
from gongkai.websites.services import spotcheck as spot_services
from gongkai.websites.tests.factories import WebsiteFactory
from tests.browser.conftest import login, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-pass-2"
PROGRESS = "本季度在专栏发布惠企政策解读15篇，组织政策宣讲2场。"


def png_file(tmp_path, name="宣讲现场.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 200)).save(buffer, "PNG")
    path = tmp_path / name
    path.write_bytes(buffer.getvalue())
    return str(path)


@pytest.fixture
def unit_staff():
    unit = Unit.objects.create(name="区发展改革局", category="department")
    User.objects.create_user("staff", password=PASSWORD, role=Role.UNIT_STAFF, unit=unit)
    return unit


@pytest.fixture
def report_url(unit_staff):
    plan = PlanFactory(year=2022)
    period = ReportingPeriodFactory(plan=plan, number=3, deadline=dt.date(2022, 9, 30))
    task = TaskFactory(plan=plan, number=1, text="加大惠企政策的公开、解读和宣传力度。")
    TaskUnitFactory(task=task, unit=unit_staff, role="lead")
    assignments_sync(plan=plan)
    assignment = Assignment.objects.get(task=task, unit=unit_staff)
    return f"/plans/reports/{assignment.pk}/{period.pk}/"


@time_machine.travel(dt.datetime(2022, 9, 20, 10, tzinfo=dt.UTC), tick=True)
def test_the_report_keeps_its_text_through_upload_link_and_delete(new_page, report_url,
                                                                  tmp_path):
    page = new_page()
    login(page, "staff", PASSWORD)
    page.goto(report_url)
    page.fill("#id_progress", PROGRESS)
    page.select_option("#id_state", "done")
    # Typed, not saved: choosing a file and pressing 上传 must not lose it.
    page.set_input_files("#file_file", png_file(tmp_path))
    page.fill("#file_title", "宣讲现场照片")
    submit(page, "button[value=upload]")
    assert page.input_value("#id_progress") == PROGRESS
    assert page.input_value("#id_state") == "done"
    assert "宣讲现场照片" in page.content()

    page.fill("#id_progress", PROGRESS + "另发布图解3篇。")
    page.fill("#link_url", "http://127.0.0.1:9/zhuanlan")
    page.fill("#link_link_title", "惠企政策专栏")
    submit(page, "button[value=link]")
    assert page.input_value("#id_progress") == PROGRESS + "另发布图解3篇。"
    assert Evidence.objects.count() == 2

    # Deleting asks first: dismissing keeps the evidence, agreeing removes it.
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    page.click("button[name=remove] >> nth=0")
    page.wait_for_timeout(300)
    assert questions and "删除" in questions[0] and Evidence.objects.count() == 2
    page.once("dialog", lambda dialog: dialog.accept())
    submit(page, "button[name=remove] >> nth=0")
    assert Evidence.objects.count() == 1
    assert page.input_value("#id_progress") == PROGRESS + "另发布图解3篇。"


@time_machine.travel(dt.datetime(2022, 9, 20, 10, tzinfo=dt.UTC), tick=True)
def test_a_refused_file_and_a_report_without_evidence_keep_the_text(new_page, report_url,
                                                                    tmp_path):
    page = new_page()
    login(page, "staff", PASSWORD)
    page.goto(report_url)
    page.fill("#id_progress", PROGRESS)
    fake = tmp_path / "总结.pdf"
    fake.write_bytes(b"MZ\x90\x00 this is no pdf")
    page.set_input_files("#file_file", str(fake))
    submit(page, "button[value=upload]")
    assert "文件内容不是PDF" in page.content()
    assert page.input_value("#id_progress") == PROGRESS

    submit(page, "button[value=submit]")
    assert "尚未报送" in page.content()
    assert page.input_value("#id_progress") == PROGRESS
    assert Report.objects.get().status == ReportStatus.DRAFT
    submit(page, "button[value=submit_anyway]")
    assert Report.objects.get().status == ReportStatus.SUBMITTED


def test_article_text_survives_uploading_a_consultation_attachment(new_page, unit_staff,
                                                                   tmp_path):
    consultation = ConsultationFactory(unit=unit_staff,
                                       publication_status=PublicationStatus.DRAFT)
    article = ConsultationArticle.objects.create(consultation=consultation, order=1,
                                                 label="第一条", text="原条文。")
    page = new_page()
    login(page, "staff", PASSWORD)
    page.goto(f"/participation/staff/consultations/{consultation.pk}/")
    textarea = f"form[data-keep-draft='article-{article.pk}'] textarea[name=text]"
    page.fill(textarea, "改写后的条文，尚未保存。")
    page.set_input_files("input[type=file][name=file]", png_file(tmp_path, "示意图.png"))
    submit(page, "button:has-text('上传材料')")
    assert "示意图.png" in page.content()  # the upload happened (another form)
    assert page.input_value(textarea) == "改写后的条文，尚未保存。"
    assert "已恢复尚未保存的内容" in page.locator(".draft-restored").inner_text()
    # Saving the article itself forgets the draft: a reload shows what was saved.
    submit(page, f"form[data-keep-draft='article-{article.pk}'] button[type=submit]")
    article.refresh_from_db()
    assert article.text == "改写后的条文，尚未保存。"
    page.reload()
    assert page.locator(".draft-restored").count() == 0


def test_a_step_typed_on_an_application_survives_another_form_being_sent(new_page,
                                                                          unit_staff):
    from django.utils import timezone

    from gongkai.foi.codes import ApplicantType, Channel
    from gongkai.foi.models import IdType
    from gongkai.foi.services.intake import application_register
    from gongkai.foi.tests.factories import VALID_RESIDENT_ID

    application = application_register(
        unit=unit_staff, channel=Channel.IN_PERSON,
        received_on=timezone.localdate() - dt.timedelta(days=2),
        actor=User.objects.get(username="staff"),
        data={"applicant_type": ApplicantType.NATURAL_PERSON, "applicant_name": "陈测试",
              "id_type": IdType.RESIDENT_ID, "id_number": VALID_RESIDENT_ID,
              "phone": "13912345678", "address": "广州市黄埔区测试路1号",
              "description": "请公开2022年度重点项目投资计划。"})
    page = new_page()
    login(page, "staff", PASSWORD)
    page.goto(f"/foi/staff/{application.pk}/")
    form = page.locator("#actions form[data-keep-draft]:has(textarea)").first
    key = form.get_attribute("data-keep-draft")
    form.evaluate("f => { f.closest('details').open = true; }")
    textarea = f"#actions form[data-keep-draft='{key}'] textarea >> nth=0"
    page.fill(textarea, "答复内容写到一半，先去生成文书。")
    submit(page, "#letters button[type=submit]")
    assert page.input_value(textarea) == "答复内容写到一半，先去生成文书。"


ONE_FORM_PAGES = [  # (user, address, the form): pages whose text and files are one form
    ("staff", "/reports/records/", "#record-form"),
    ("staff", "/policies/staff/new/", "main form[enctype='multipart/form-data']"),
]


@pytest.mark.parametrize(("user", "url", "form"), ONE_FORM_PAGES)
def test_a_refused_file_keeps_every_typed_word_on_one_form_pages(new_page, unit_staff,
                                                                 tmp_path, user, url, form):
    office = Unit.objects.create(name="区政务公开办", category="other", is_office=True)
    User.objects.create_user("office", password=PASSWORD, role=Role.OFFICE_ADMIN,
                             unit=office)
    fake = tmp_path / "材料.pdf"
    fake.write_bytes(b"MZ\x90\x00 this is no pdf")
    page = new_page()
    login(page, user, PASSWORD)
    page.goto(url)
    typed = {}
    fields = page.locator(f"{form} textarea, {form} input[type=text]")
    for i in range(fields.count()):
        field = fields.nth(i)
        if field.is_visible() and field.is_editable():
            text = f"第{i + 1}项填写的内容"
            field.fill(text)
            typed[field.get_attribute("name")] = text
    assert typed, url
    # Other required fields filled too, so the browser sends the form at all.
    for kind, value in (("date", "2022-06-01"), ("number", "2")):
        others = page.locator(f"{form} input[type={kind}]")
        for i in range(others.count()):
            others.nth(i).fill(value)
    files = page.locator(f"{form} input[type=file]")
    for i in range(files.count()):
        files.nth(i).set_input_files(str(fake))
    submit(page, f"{form} button[type=submit] >> nth=-1")
    kept = {name: page.locator(f"{form} [name='{name}']").first.input_value()
            for name in typed}
    assert kept == typed


def test_a_notice_deadline_typed_on_a_spot_check_survives_recording_a_finding(new_page,
                                                                             tmp_path):
    office = Unit.objects.create(name="区政务服务数据管理局", category="department")
    admin = User.objects.create_user("office", password=PASSWORD, role=Role.OFFICE_ADMIN,
                                     unit=office)
    WebsiteFactory(unit=office, name="区政务服务数据管理局网站")
    spot = spot_services.spot_check_create(year=2026, quarter=4, actor=admin)
    page = new_page()
    login(page, "office", PASSWORD)
    page.goto(f"/websites/spot/{spot.pk}/")
    deadline = "#notice-form input[name=deadline]"
    page.fill(deadline, "2026-12-31")  # typed, not yet sent
    page.fill("#finding-form textarea[name=detail]", "站内搜索无法检索到本单位文件。")
    page.set_input_files("#finding-form input[name=evidence]", png_file(tmp_path, "搜索.png"))
    submit(page, "#finding-form button[type=submit]")
    assert Finding.objects.filter(detail="站内搜索无法检索到本单位文件。").exists()
    assert page.input_value(deadline) == "2026-12-31"
    assert page.locator("#notice-form .draft-restored").count() == 1
