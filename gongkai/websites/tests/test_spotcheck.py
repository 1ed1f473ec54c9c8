"""The quarterly spot check: reproducible sample covering everyone in a year, review,
the office's findings, notices, answers, verification, the 检查情况表 and the 通报."""
import datetime as dt
import io
from decimal import Decimal

import docx
import openpyxl
import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gongkai.core.errors import ApplicationError
from gongkai.core.tests.test_uploads import pdf_bytes, png_bytes
from gongkai.websites import sampling
from gongkai.websites.models import (
    CheckRun,
    Finding,
    FindingSource,
    Rectification,
    RectStatus,
    Review,
    SpotCheck,
    SpotStatus,
)
from gongkai.websites.selectors.spotcheck import results, review_queue
from gongkai.websites.services import spotcheck as svc
from gongkai.websites.services.documents import bulletin_docx, situation_xlsx
from gongkai.websites.services.media import media_check_record
from gongkai.websites.tests.factories import AccountFactory, WebsiteFactory

pytestmark = pytest.mark.django_db


def test_a_year_of_quarters_checks_everyone_and_a_seed_redraws_the_same_sample():
    population = [("website", i) for i in range(37)] + [("account", i) for i in range(23)]
    checked: set = set()
    for quarter in range(1, 5):
        drawn = sampling.draw(population=population, checked_this_year=checked,
                              quarter=quarter, share_percent=Decimal(10), seed=f"s{quarter}")
        again = sampling.draw(population=list(reversed(population)),
                              checked_this_year=checked, quarter=quarter,
                              share_percent=Decimal(10), seed=f"s{quarter}")
        assert drawn == again
        assert len(drawn) >= 6  # 10 % of 60
        checked |= {key for key, _due in drawn}
    assert checked == set(population)


def test_sampling_records_its_seed_and_refuses_a_second_draw(office_admin):
    WebsiteFactory.create_batch(3)
    AccountFactory.create_batch(2)
    spot = svc.spot_check_create(year=2026, quarter=4, actor=office_admin, seed="abc")
    assert spot.seed == "abc"
    assert spot.entries.count() == 5  # the 4th quarter takes all not yet checked
    with pytest.raises(ApplicationError, match="已经抽样"):
        svc.spot_check_create(year=2026, quarter=4, actor=office_admin)


def _automated(site, indicator="site.footer", detail="页脚缺少：网站标识码", run=None):
    run = run or CheckRun.objects.create(website=site, trigger="scheduled",
                                         started_at=timezone.now())
    return Finding.objects.create(website=site, run=run, indicator=indicator,
                                  source=FindingSource.AUTOMATIC, detail=detail,
                                  observed_at=timezone.now(), url=site.url)


def test_the_quarter_end_to_end(office_admin, unit_staff):
    site = WebsiteFactory(unit=unit_staff.unit, name="测试局网站")
    account = AccountFactory(unit=unit_staff.unit, name="测试发布")
    old = _automated(site, "site.ipv6", "域名没有IPv6地址")  # superseded by the next run
    keep = _automated(site)
    drop = _automated(site, "site.dead_links", "1 个不可用链接", run=keep.run)
    spot = svc.spot_check_create(year=2026, quarter=4, actor=office_admin)
    assert set(review_queue(spot)) == {keep, drop}
    assert old not in review_queue(spot)
    svc.finding_review(finding=keep, spot_check=spot, to=Review.CONFIRMED, actor=office_admin)
    svc.finding_review(finding=drop, spot_check=spot, to=Review.DISMISSED, actor=office_admin)
    svc.finding_record(spot_check=spot, actor=office_admin, indicator="site.search",
                       detail="站内搜索无结果", website=site,
                       evidence=SimpleUploadedFile("s.png", png_bytes()))
    media_check_record(account=account, spot_check=spot, checked_on=timezone.localdate(),
                       last_post_on=timezone.localdate() - dt.timedelta(days=30),
                       problems=["media.ads"], note="文末广告", actor=office_admin,
                       screenshots=[SimpleUploadedFile("a.png", png_bytes())])
    rows = {str(r.target): r for r in results(spot)}
    assert rows["测试局网站"].result["score"] == Decimal(97)  # footer 1 + search 2
    assert rows[str(account)].verdict == "不合格"  # not updated in 14 days: veto

    deadline = timezone.localdate() + dt.timedelta(days=15)
    [rect] = svc.rectifications_issue(spot_check=spot, deadline=deadline, actor=office_admin)
    spot.refresh_from_db()
    assert spot.status == SpotStatus.NOTIFIED
    assert rect.findings.count() == 4
    notice = "\n".join(p.text for p in docx.Document(rect.notice.open("rb")).paragraphs)
    assert "站内搜索缺失或无结果" in notice and unit_staff.unit.name in notice
    assert f"{deadline.month}月{deadline.day}日" in notice
    assert "1 个不可用链接" not in notice  # dismissed

    with pytest.raises(ApplicationError, match="整改情况"):
        svc.rectification_answer(rectification=rect, answer=" ", files=[], actor=unit_staff)
    svc.rectification_answer(rectification=rect, answer="已补全页脚。", actor=unit_staff,
                             files=[SimpleUploadedFile("p.pdf", pdf_bytes())])
    with pytest.raises(ApplicationError, match="原因"):
        svc.rectification_decide(rectification=rect, verified=False, note="", actor=office_admin)
    svc.rectification_decide(rectification=rect, verified=False, note="搜索仍无结果",
                             actor=office_admin)
    assert Rectification.objects.get().status == RectStatus.RETURNED
    rect.refresh_from_db()
    svc.rectification_answer(rectification=rect, answer="搜索已修复。", files=[],
                             actor=unit_staff)
    svc.rectification_decide(rectification=rect, verified=True, note="", actor=office_admin)
    rect.refresh_from_db()
    assert rect.status == RectStatus.VERIFIED and rect.evidence.count() == 1

    sheet = openpyxl.load_workbook(io.BytesIO(situation_xlsx(spot))).active
    table = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert table["测试局网站"][1] == unit_staff.unit.name
    assert "站内搜索缺失" in table["测试局网站"][2] and table["测试局网站"][3] == "整改到位"
    svc.spot_check_close(spot_check=spot, actor=office_admin)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(bulletin_docx(spot))).paragraphs)
    assert "共抽查网站1个、政务新媒体账号1个，合格1个，不合格1个" in text
    with pytest.raises(ApplicationError):
        svc.finding_review(finding=drop, spot_check=spot, to=Review.CONFIRMED,
                           actor=office_admin)


def test_notices_need_a_future_deadline_and_something_to_fix(office_admin):
    WebsiteFactory()
    spot = svc.spot_check_create(year=2026, quarter=1, actor=office_admin)
    with pytest.raises(ApplicationError, match="晚于今天"):
        svc.rectifications_issue(spot_check=spot, deadline=timezone.localdate(),
                                 actor=office_admin)
    with pytest.raises(ApplicationError, match="没有需要整改"):
        svc.rectifications_issue(spot_check=spot, actor=office_admin,
                                 deadline=timezone.localdate() + dt.timedelta(days=5))
    assert SpotCheck.objects.get().status == SpotStatus.SAMPLED


def test_the_media_form_refuses_fake_screenshots_and_keeps_nothing(office_admin):
    account = AccountFactory()
    with pytest.raises(ApplicationError):
        media_check_record(account=account, spot_check=None, checked_on=timezone.localdate(),
                           last_post_on=timezone.localdate(), problems=["media.ads"],
                           note="", actor=office_admin,
                           screenshots=[SimpleUploadedFile("x.png", b"<script>")])
    with pytest.raises(ApplicationError, match="截图"):
        media_check_record(account=account, spot_check=None, checked_on=timezone.localdate(),
                           last_post_on=timezone.localdate(), problems=["media.ads"],
                           note="", actor=office_admin, screenshots=[])
    with pytest.raises(ApplicationError, match="晚于检查日期"):
        media_check_record(account=account, spot_check=None,
                           checked_on=timezone.localdate() - dt.timedelta(days=2),
                           last_post_on=timezone.localdate(), problems=[], note="",
                           actor=office_admin, screenshots=[])
    assert not account.checks.exists() and not account.findings.exists()


def test_an_account_that_posted_recently_has_no_update_finding(office_admin):
    account = AccountFactory()
    media_check_record(account=account, spot_check=None, checked_on=timezone.localdate(),
                       last_post_on=timezone.localdate() - dt.timedelta(days=14), problems=[],
                       note="", actor=office_admin, screenshots=[])
    assert not account.findings.exists()
