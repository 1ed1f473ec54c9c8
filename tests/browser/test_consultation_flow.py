"""Consultations end to end: the public comments on two articles of an open
consultation; after the period the unit decides the comments (one not adopted, with
the reason), generates the feedback report and submits it; a reviewer passes it on the
review desk; the public reads it on the consultation's page."""
import datetime as dt

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from gongkai.orgs.models import Role, Unit, User
from gongkai.participation.models import Consultation, ConsultationComment
from gongkai.participation.services.consultations import consultation_create
from gongkai.publishing.models import ReviewRoute
from gongkai.publishing.services import content_submit_for_review, review_decide
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "s3cret-pass!"
DRAFT = """第一条 为规范共享单车停放，制定本办法。
第二条 共享单车应当停放在划定的停放区内。
第三条 本办法自发布之日起施行。"""


def setup_open_consultation():
    office_unit = Unit.objects.create(name="区政务公开办", is_office=True)
    unit = Unit.objects.create(name="区交通运输局")
    staff = User.objects.create_user("jtj", password=PASSWORD, role=Role.UNIT_STAFF,
                                     unit=unit, display_name="交通局 联络员")
    reviewer = User.objects.create_user("reviewer", password=PASSWORD, role=Role.REVIEWER,
                                        unit=office_unit, display_name="审核人")
    ReviewRoute.objects.create(unit=None, levels=1)
    today = timezone.localdate()
    consultation = consultation_create(
        unit=unit, author=staff, title="黄埔区共享单车停放管理办法（征求意见稿）",
        draft_text=DRAFT, opens_on=today - dt.timedelta(days=5),
        closes_on=today + dt.timedelta(days=25))
    review = content_submit_for_review(obj=consultation, actor=staff)
    review_decide(review=review, reviewer=reviewer, passed=True)
    return consultation


def comment_on(page, consultation, label, body):
    article = consultation.articles.get(label=label)
    block = page.locator(f"#article-{article.pk}")
    block.locator("summary").click()
    block.locator("textarea[name=body]").fill(body)
    block.locator("input[name=contact]").fill("13800138000")
    block.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("您的意见已提交")


def test_public_comments_are_decided_and_the_feedback_is_reviewed_and_published(new_page):
    consultation = setup_open_consultation()

    public = new_page()
    public.goto("/participation/consultations/")
    public.click(f"text={consultation.title}")
    comment_on(public, consultation, "第一条", "建议明确停放区的设置标准。")
    comment_on(public, consultation, "第二条", "<b>建议</b>允许在小区门口随意停放。")
    assert ConsultationComment.objects.count() == 2

    # The period ends (as if the calendar had moved on).
    today = timezone.localdate()
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_on=today - dt.timedelta(days=40), closes_on=today - dt.timedelta(days=1))

    staff = new_page()
    login(staff, "jtj", PASSWORD)
    staff.goto("/participation/staff/consultations/")
    staff.click(f"#staff-consultations a:has-text('{consultation.title}')")
    staff.click("text=处理意见")
    adopted, refused = ConsultationComment.objects.order_by("id")
    assert "13800138000" in staff.content()
    row = staff.locator(f"#comment-{adopted.pk}")
    row.locator("select[name=decision]").select_option("adopted")
    row.locator("button[type=submit]").click()
    expect(staff.locator(".messages")).to_contain_text("已处理")
    row = staff.locator(f"#comment-{refused.pk}")
    row.locator("select[name=decision]").select_option("not_adopted")
    row.locator("input[name=reason]").fill("随意停放影响通行，不符合道路交通安全规定。")
    row.locator("button[type=submit]").click()
    expect(staff.locator(f"#comment-{refused.pk}")).to_contain_text("不予采纳")

    staff.click("text=采纳情况反馈")
    staff.click("main form button[type=submit]")
    expect(staff.locator("#feedback-summary")).to_contain_text("共收到意见2条")
    staff.click("#submit-feedback")
    expect(staff.locator(".messages")).to_contain_text("反馈已提交审核")

    reviewer = new_page()
    login(reviewer, "reviewer", PASSWORD)
    reviewer.goto("/publishing/review/")
    reviewer.click("a:has-text('（反馈）')")
    reviewer.click("button[value=pass]")
    reviewer.wait_for_url("**/publishing/review/")

    public.goto(f"/participation/consultations/{consultation.pk}/")
    public.click("#feedback-link a")
    expect(public.locator("main")).to_contain_text("随意停放影响通行")
    expect(public.locator("#feedback-counts")).to_contain_text("第二条")
    html = public.content()
    assert "13800138000" not in html
    assert "<b>建议</b>" not in html and "&lt;b&gt;建议&lt;/b&gt;" in html
