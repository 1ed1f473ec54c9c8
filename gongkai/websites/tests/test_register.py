"""The register: opening and closing through the office, history, Excel in and out."""
import io

import openpyxl
import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.core.audit import history_of
from gongkai.core.errors import ApplicationError
from gongkai.core.tests.test_uploads import png_bytes
from gongkai.orgs.tests.factories import UnitFactory
from gongkai.websites.models import AccountStatus, NewMediaAccount, SiteStatus, Website
from gongkai.websites.services import register as svc
from gongkai.websites.services.excel import register_import, register_workbook
from gongkai.websites.tests.factories import AccountFactory, WebsiteFactory

pytestmark = pytest.mark.django_db


def test_a_unit_asks_to_open_and_only_the_office_approves(unit_staff, office_admin):
    site = svc.website_register(actor=unit_staff, unit=unit_staff.unit, name="区测试局网站",
                                url="https://csj.example.gov.cn/")
    assert site.status == SiteStatus.REQUESTED
    with pytest.raises(ApplicationError, match="区政务公开办审批"):
        svc.website_move(website=site, to=SiteStatus.RUNNING, actor=unit_staff, office=False)
    site.refresh_from_db()
    assert site.status == SiteStatus.REQUESTED
    svc.website_move(website=site, to=SiteStatus.RUNNING, actor=office_admin, office=True)
    svc.website_move(website=site, to=SiteStatus.CLOSE_REQUESTED, actor=unit_staff,
                     office=False, note="并入区政府门户")
    svc.website_move(website=site, to=SiteStatus.CLOSED, actor=office_admin, office=True)
    site.refresh_from_db()
    assert site.status == SiteStatus.CLOSED and site.closed_on is not None
    actions = [e.action for e in history_of(site)]
    assert actions == ["websites.website.registered", "websites.website.approved",
                       "websites.website.close_requested", "websites.website.closed"]


@pytest.mark.parametrize("start,to", [
    (SiteStatus.REQUESTED, SiteStatus.CLOSED), (SiteStatus.CLOSED, SiteStatus.RUNNING),
    (SiteStatus.REJECTED, SiteStatus.RUNNING), (SiteStatus.RUNNING, SiteStatus.REQUESTED)])
def test_illegal_moves_change_nothing(office_admin, start, to):
    site = WebsiteFactory(status=start, closed_on="2026-01-01" if start == "closed" else None)
    with pytest.raises(ApplicationError):
        svc.website_move(website=site, to=to, actor=office_admin, office=True)
    site.refresh_from_db()
    assert site.status == start
    assert not history_of(site).exists()


def test_an_account_end_is_filed_and_confirmed_as_filed(unit_staff, office_admin):
    account = AccountFactory(unit=unit_staff.unit)
    with pytest.raises(ApplicationError, match="关停、整合或注销"):
        svc.account_move(account=account, to=AccountStatus.CLOSE_REQUESTED, actor=unit_staff,
                         office=False, end="running")
    svc.account_move(account=account, to=AccountStatus.CLOSE_REQUESTED, actor=unit_staff,
                     office=False, end=AccountStatus.DEREGISTERED)
    with pytest.raises(ApplicationError, match="一致"):
        svc.account_move(account=account, to=AccountStatus.MERGED, actor=office_admin,
                         office=True)
    with pytest.raises(ApplicationError, match="确认"):
        svc.account_move(account=account, to=AccountStatus.DEREGISTERED, actor=unit_staff,
                         office=False)
    svc.account_move(account=account, to=AccountStatus.DEREGISTERED, actor=office_admin,
                     office=True)
    account.refresh_from_db()
    assert account.status == AccountStatus.DEREGISTERED and account.closed_on


def test_edits_are_kept_in_the_history_and_a_new_owner_is_flagged(unit_staff):
    account = AccountFactory(unit=unit_staff.unit, certified_owner="区测试局")
    svc.account_update(account=account, actor=unit_staff, certified_owner="区测试中心")
    event = history_of(account).get()
    assert event.action == "websites.account.owner_changed"
    assert event.details["certified_owner"] == ["区测试局", "区测试中心"]


def test_a_second_account_on_the_same_platform_is_filed_and_counted(unit_staff):
    AccountFactory(unit=unit_staff.unit)
    second = svc.account_register(actor=unit_staff, unit=unit_staff.unit, platform="wechat",
                                  name="二号", account_id="gh_two", certified_owner="x",
                                  responsible="李四")
    assert history_of(second).get().details["same_platform"] == 1


def test_the_register_exported_imports_back_and_updates_by_url(office_admin):
    unit = UnitFactory(name="区文化广电旅游体育局")
    site = WebsiteFactory(unit=unit, name="文旅网", site_code="4401120099", on_platform=True)
    AccountFactory(unit=unit, name="文旅发布", account_id="gh_wl")
    data = register_workbook(Website.objects.all(), NewMediaAccount.objects.all())
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["政府网站"]
    assert [c.value for c in sheet[2]][:4] == ["区文化广电旅游体育局", None, "文旅网", site.url]
    sheet["C2"] = "文旅网（新）"
    sheet.append(["区文化广电旅游体育局", "", "新网站", "https://new.example.gov.cn/",
                  "", "", "", "否", "", "", "是", "否", "否", "", "运行"])
    out = io.BytesIO()
    book.save(out)
    counts = register_import(file=SimpleUploadedFile("r.xlsx", out.getvalue()),
                             actor=office_admin)
    assert counts == {"created": 1, "updated": 2}
    site.refresh_from_db()
    assert site.name == "文旅网（新）"
    new = Website.objects.get(url="https://new.example.gov.cn/")
    assert new.status == SiteStatus.RUNNING and new.on_platform is True


def test_an_import_with_a_bad_row_changes_nothing_and_names_the_rows(office_admin):
    unit = UnitFactory(name="区民政局")
    WebsiteFactory(unit=unit)
    data = register_workbook(Website.objects.all(), NewMediaAccount.objects.none())
    book = openpyxl.load_workbook(io.BytesIO(data))
    book["政府网站"]["C2"] = "改名"
    book["政府网站"].append(["不存在的单位", "", "x", "https://x.example.gov.cn/"])
    book["政府网站"].append(["区民政局", "", "y", "not a url"])
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(ApplicationError) as error:
        register_import(file=SimpleUploadedFile("r.xlsx", out.getvalue()), actor=office_admin)
    assert "第3行：找不到单位“不存在的单位”" in error.value.message
    assert "第4行" in error.value.message
    assert not Website.objects.filter(name="改名").exists()


def test_an_import_that_is_not_excel_is_refused(office_admin):
    with pytest.raises(ApplicationError):
        register_import(file=SimpleUploadedFile("r.xlsx", png_bytes()), actor=office_admin)
