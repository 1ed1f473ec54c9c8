"""Leader messages end to end: a citizen writes, the office assigns, the unit replies,
the reply is reviewed on the review desk and published; the citizen (query code) and
the public see it."""
import pytest
from playwright.sync_api import expect

from gongkai.orgs.models import Role, Unit, User
from gongkai.participation.models.messages import Mailbox, Message, MessageTopic
from gongkai.publishing.models import ReviewRoute
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "s3cret-pass!"


def setup_people():
    office_unit = Unit.objects.create(name="区政务公开办", is_office=True)
    unit = Unit.objects.create(name="区交通运输局")
    User.objects.create_user("office", password=PASSWORD, role=Role.OFFICE_ADMIN,
                             unit=office_unit, display_name="公开办 分办员")
    User.objects.create_user("jtj", password=PASSWORD, role=Role.UNIT_STAFF, unit=unit,
                             display_name="交通局 联络员")
    User.objects.create_user("reviewer", password=PASSWORD, role=Role.REVIEWER,
                             unit=office_unit, display_name="审核人")
    ReviewRoute.objects.create(unit=None, levels=1)
    Mailbox.objects.create(name="区长信箱")
    MessageTopic.objects.create(name="交通出行")
    return unit


def test_citizen_message_is_assigned_answered_reviewed_and_published(new_page):
    unit = setup_people()

    citizen = new_page()
    citizen.goto("/participation/messages/write/")
    citizen.select_option("#id_mailbox", label="区长信箱")
    citizen.select_option("#id_topic", label="交通出行")
    citizen.fill("#id_title", "夜班公交<b>延长</b>")
    citizen.fill("#id_text", "希望夜班公交延长到科学城。")
    citizen.fill("#id_writer_name", "陈先生")
    citizen.fill("#id_contact_phone", "13800138000")
    citizen.click("#message-write button[type=submit]")
    code = citizen.locator("#query-code").inner_text().strip()
    assert len(code) == 12
    message = Message.objects.get()

    office = new_page()
    login(office, "office", PASSWORD)
    office.goto("/participation/staff/messages/")
    office.click("text=夜班公交<b>延长</b>")
    # (Waits for the message's page: read at once, the page could still be the list.)
    expect(office.locator("main")).to_contain_text("13800138000")
    office.select_option("#assign-form select[name=unit]", label=unit.name)
    office.click("#assign-form button[type=submit]")
    expect(office.locator("#message-status")).to_contain_text("办理中")

    staff = new_page()
    login(staff, "jtj", PASSWORD)
    staff.goto("/participation/staff/messages/")
    assert "剩 10 个工作日" in staff.locator("#staff-messages").inner_text()
    staff.click("text=夜班公交<b>延长</b>")
    staff.fill("#reply-form textarea", "已研究延长夜班公交线路，下月起实施。")
    staff.click("#reply-form button[type=submit]")
    expect(staff.locator("#message-status")).to_contain_text("已拟答复")
    staff.click("#submit-form button[type=submit]")
    expect(staff.locator("#message-status")).to_contain_text("答复审核中")

    reviewer = new_page()
    login(reviewer, "reviewer", PASSWORD)
    reviewer.goto("/publishing/review/")
    reviewer.click("a:has-text('答复：')")
    expect(reviewer.locator("main")).to_contain_text("已研究延长夜班公交线路")
    reviewer.click("button[value=pass]")
    reviewer.wait_for_url("**/publishing/review/")
    message.refresh_from_db()
    assert message.status == "published"

    citizen.goto("/participation/messages/track/")
    citizen.fill("#id_query_code", code)
    citizen.click("main form button[type=submit]")
    expect(citizen.locator("#message-reply")).to_contain_text("已研究延长夜班公交线路")

    public = new_page()
    public.goto("/participation/messages/")
    public.click("text=夜班公交<b>延长</b>")
    assert "已研究延长夜班公交线路" in public.locator("#message-reply").inner_text()
    html = public.content()
    assert "13800138000" not in html and "陈先生" not in html and code not in html
    assert "<b>延长</b>" not in html and "&lt;b&gt;延长&lt;/b&gt;" in html
