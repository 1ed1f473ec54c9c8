"""The quarter's spot check in a browser: the office samples every site and account,
fills the new-media form with a screenshot, records its own finding on a site, issues
the 整改通知; the unit answers with evidence; the office returns it once, then
verifies it, downloads the 检查情况表 and closes the quarter with its 通报."""
import datetime as dt
import io

import openpyxl
import pytest
from PIL import Image
from playwright.sync_api import expect

from django.utils import timezone

from gongkai.orgs.models import Role, Unit, User
from gongkai.websites.models import NewMediaAccount, Rectification, Website
from tests.browser.conftest import log_out, login, open_menu_item, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "browser-pass-1"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def test_the_quarterly_spot_check_from_sample_to_bulletin(new_page, tmp_path):
    office_unit = Unit.objects.create(name="区政务公开办", category="other", is_office=True)
    unit = Unit.objects.create(name="区卫生健康局", category="department")
    User.objects.create_user("office", password=PASSWORD, role=Role.OFFICE_ADMIN,
                             unit=office_unit)
    User.objects.create_user("wjj", password=PASSWORD, role=Role.UNIT_STAFF, unit=unit)
    Website.objects.create(unit=unit, name="区卫生健康局网站", status="running",
                           url="https://wjj.example.gov.cn/")
    NewMediaAccount.objects.create(unit=unit, platform="wechat", name="健康黄埔",
                                   account_id="gh_health", certified_owner="区卫生健康局",
                                   responsible="王五", status="running")
    today = timezone.localdate()

    office = new_page()
    login(office, "office", PASSWORD)
    open_menu_item(office, "网站与新媒体", "季度抽查")
    office.fill("#id_year", str(today.year))
    office.fill("#id_quarter", "4")
    submit(office, "#spot-form button[type=submit]")
    expect(office.locator("#sample")).to_contain_text("区卫生健康局网站")
    expect(office.locator("#sample")).to_contain_text("健康黄埔")

    with office.expect_navigation():
        office.click("#sample a:has-text('填写检查表')")
    office.fill("#id_last_post_on", (today - dt.timedelta(days=3)).isoformat())
    office.check("input[value='media.ads']")
    office.fill("#id_note", "文末插入商业广告")
    shot = tmp_path / "ad.png"
    shot.write_bytes(png_bytes())
    office.set_input_files("#id_screenshots", str(shot))
    submit(office, "#media-form button[type=submit]")
    expect(office.locator(".messages")).to_contain_text("检查结果已记录")

    office.select_option("#id_target", label="区卫生健康局网站")
    office.select_option("#id_indicator", label="站内搜索缺失或无结果")
    office.fill("#id_detail", "搜索“医保”无结果")
    office.fill("#id_url", "https://wjj.example.gov.cn/search?q=医保")
    submit(office, "#finding-form button[type=submit]")
    expect(office.locator("#sample")).to_contain_text("站内搜索缺失或无结果")
    office.fill("#id_deadline", (today + dt.timedelta(days=10)).isoformat())
    submit(office, "#notice-form button[type=submit]")
    expect(office.locator("#rectifications")).to_contain_text("待整改")
    log_out(office)

    staff = new_page()
    login(staff, "wjj", PASSWORD)
    open_menu_item(staff, "网站与新媒体", "整改通知")
    with staff.expect_navigation():
        staff.click("#rects a")
    expect(staff.locator("#problems")).to_contain_text("刊登商业广告")
    with staff.expect_download() as notice:
        staff.click("text=下载整改通知")
    assert notice.value.suggested_filename.endswith(".docx")
    staff.fill("#id_answer", "已删除广告，搜索已修复。")
    proof = tmp_path / "proof.png"
    proof.write_bytes(png_bytes())
    staff.set_input_files("#id_evidence", str(proof))
    submit(staff, "#answer-form button[type=submit]")
    expect(staff.locator("#rect-status")).to_contain_text("已反馈")

    login(office, "office", PASSWORD)
    rect = Rectification.objects.get()
    office.goto(f"/websites/rectifications/{rect.pk}/")
    office.check("input[name=verified][value='0']")
    office.fill("#id_note", "搜索仍无结果")
    submit(office, "#decision-form button[type=submit]")
    expect(office.locator("#rect-status")).to_contain_text("退回重改")

    staff.reload()
    expect(staff.locator("#office-note")).to_contain_text("搜索仍无结果")
    staff.fill("#id_answer", "搜索索引已重建，“医保”可检索。")
    submit(staff, "#answer-form button[type=submit]")

    office.reload()
    office.check("input[name=verified][value='1']")
    submit(office, "#decision-form button[type=submit]")
    expect(office.locator("#rect-status")).to_contain_text("整改到位")
    office.goto(f"/websites/spot/{rect.spot_check_id}/")
    with office.expect_download() as table:
        office.click("text=下载检查情况表")
    rows = list(openpyxl.load_workbook(io.BytesIO(table.value.path().read_bytes())).active.iter_rows(
        min_row=3, values_only=True))
    assert {r[0]: r[3] for r in rows} == {"区卫生健康局网站": "整改到位",
                                          "微信公众号 · 健康黄埔": "整改到位"}
    submit(office, "#close-spot")
    expect(office.locator("#spot-status")).to_contain_text("已通报")
    with office.expect_download() as bulletin:
        office.click("text=下载通报")
    assert bulletin.value.suggested_filename.endswith(".docx")
