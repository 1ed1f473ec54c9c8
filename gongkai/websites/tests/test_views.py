"""Pages: who sees what, bad input answered in Chinese, nothing typed lost."""
import datetime as dt

import pytest
from huey.contrib.djhuey import HUEY

from django.utils import timezone

from gongkai.core.tests.test_uploads import png_bytes
from gongkai.websites.models import CheckRule, CheckRun, Finding, SiteStatus, Website
from gongkai.websites.services import spotcheck as svc
from gongkai.websites.tests.factories import AccountFactory, WebsiteFactory
from gongkai.websites.tests.sites import healthy_site

pytestmark = pytest.mark.django_db


def test_unit_staff_see_their_own_register_only(client_for, unit_staff, other_unit_staff):
    mine = WebsiteFactory(unit=unit_staff.unit, name="本单位网站")
    theirs = WebsiteFactory(unit=other_unit_staff.unit, name="别人网站")
    client = client_for(unit_staff)
    page = client.get("/websites/").content.decode()
    assert "本单位网站" in page and "别人网站" not in page
    assert client.get(f"/websites/sites/{theirs.pk}/").status_code == 404
    assert client.get(f"/websites/sites/{mine.pk}/").status_code == 200
    assert client.get("/websites/rules/").status_code == 403
    assert client.get("/websites/spot/").status_code == 403


def test_a_unit_cannot_approve_its_own_opening_through_the_page(client_for, unit_staff):
    site = WebsiteFactory(unit=unit_staff.unit, status=SiteStatus.REQUESTED)
    client = client_for(unit_staff)
    page = client.get(f"/websites/sites/{site.pk}/").content.decode()
    assert 'value="running"' not in page
    response = client.post(f"/websites/sites/{site.pk}/move/", {"to": "running"}, follow=True)
    assert "区政务公开办审批" in response.content.decode()
    site.refresh_from_db()
    assert site.status == SiteStatus.REQUESTED


def test_registering_with_a_bad_url_keeps_what_was_typed(client_for, unit_staff):
    response = client_for(unit_staff).post("/websites/sites/new/", {
        "unit": unit_staff.unit.pk, "name": "我们的网站", "url": "javascript:alert(1)"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "我们的网站" in page and "有效的URL" in page.replace(" ", "")
    assert not Website.objects.exists()


def test_the_office_marks_a_column_and_runs_a_check_on_demand(client_for, office_admin,
                                                              settings):
    from gongkai.core.testing import local_server

    settings.GONGKAI_WEBSITES_ALLOW_INTRANET = True
    CheckRule.objects.create(key="crawl.host_delay_seconds", value=0)
    with local_server(healthy_site(timezone.localdate())) as (base, _hits):
        settings.GONGKAI_OUTBOUND_PORTS = (80, 443, int(base.rsplit(":", 1)[1]))
        site = WebsiteFactory(url=base + "/")
        client = client_for(office_admin)
        client.post(f"/websites/sites/{site.pk}/columns/", {
            "name": "工作动态", "url": base + "/news/index.html", "kind": "news",
            "checked": "on"})
        HUEY.immediate = True
        try:
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr("django.db.transaction.on_commit", lambda fn, *a, **k: fn())
                client.post(f"/websites/sites/{site.pk}/check/")
        finally:
            HUEY.immediate = False
    run = CheckRun.objects.get()
    assert run.trigger == "on_demand" and run.requested_by == office_admin
    assert site.columns.get().name == "工作动态"
    page = client.get(f"/websites/sites/{site.pk}/").content.decode()
    assert "IPv6" in page  # 127.0.0.1 has no IPv6: the finding is listed


def test_rules_page_refuses_bad_values_and_keeps_them_on_screen(client_for, office_admin):
    client = client_for(office_admin)
    response = client.post("/websites/rules/", {"probe.per_day": "二十",
                                                "report.due_department": "1340"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "请输入数字" in page and "二十" in page
    assert not CheckRule.objects.exists()
    response = client.post("/websites/rules/", {"probe.per_day": "24"}, follow=True)
    assert CheckRule.objects.get(key="probe.per_day").value == 24
    response = client.post("/websites/rules/", {"report.due_department": "1340"})
    assert "月日" in response.content.decode()


def test_a_unit_reads_and_answers_only_its_own_notice(client_for, office_admin, unit_staff,
                                                      other_unit_staff):
    site = WebsiteFactory(unit=unit_staff.unit)
    spot = svc.spot_check_create(year=2026, quarter=4, actor=office_admin)
    svc.finding_record(spot_check=spot, actor=office_admin, indicator="site.footer",
                       detail="缺少网站标识码", website=site)
    [rect] = svc.rectifications_issue(spot_check=spot, actor=office_admin,
                                      deadline=timezone.localdate() + dt.timedelta(days=9))
    other = client_for(other_unit_staff)
    assert other.get(f"/websites/rectifications/{rect.pk}/").status_code == 404
    assert other.get(f"/websites/files/notice/{rect.pk}/").status_code == 404
    mine = client_for(unit_staff)
    notice = mine.get(f"/websites/files/notice/{rect.pk}/")
    assert notice.status_code == 200 and notice["Content-Disposition"].startswith("attachment")
    response = mine.post(f"/websites/rectifications/{rect.pk}/", {
        "answer": "已补上标识码。"}, files=None)
    assert response.status_code == 302
    bad = client_for(unit_staff)
    rect.refresh_from_db()
    assert rect.status == "answered"
    assert bad.post(f"/websites/rectifications/{rect.pk}/decide/",
                    {"verified": "1"}).status_code == 403


def test_the_office_records_a_media_check_through_the_form(client_for, office_admin):
    from django.core.files.uploadedfile import SimpleUploadedFile

    account = AccountFactory()
    spot = svc.spot_check_create(year=2026, quarter=4, actor=office_admin)
    client = client_for(office_admin)
    url = f"/websites/spot/{spot.pk}/media/{account.pk}/"
    response = client.post(url, {"checked_on": timezone.localdate().isoformat(),
                                 "problems": ["media.ads"], "note": "文末有广告",
                                 "screenshots": [SimpleUploadedFile("x.png", b"GIF89a<?php")]})
    assert response.status_code == 400 and "文末有广告" in response.content.decode()
    response = client.post(url, {"checked_on": timezone.localdate().isoformat(),
                                 "last_post_on": timezone.localdate().isoformat(),
                                 "problems": ["media.ads"], "note": "文末有广告",
                                 "screenshots": [SimpleUploadedFile("x.png", png_bytes())]})
    assert response.status_code == 302
    finding = Finding.objects.get(account=account)
    assert finding.indicator == "media.ads" and finding.snapshot
    snapshot = client.get(f"/websites/files/snapshot/{finding.pk}/")
    assert snapshot.status_code == 200


def test_the_situation_table_and_bulletin_download(client_for, office_admin, supervisor):
    WebsiteFactory()
    spot = svc.spot_check_create(year=2026, quarter=4, actor=office_admin)
    for who in (office_admin, supervisor):
        client = client_for(who)
        xlsx = client.get(f"/websites/spot/{spot.pk}/situation.xlsx")
        assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
        assert client.get(f"/websites/spot/{spot.pk}/bulletin.docx").status_code == 200


def test_an_office_finding_with_a_fake_screenshot_keeps_what_was_typed(client_for,
                                                                      office_admin):
    from django.core.files.uploadedfile import SimpleUploadedFile

    site = WebsiteFactory()
    spot = svc.spot_check_create(year=2026, quarter=4, actor=office_admin)
    response = client_for(office_admin).post(f"/websites/spot/{spot.pk}/findings/", {
        "target": f"website:{site.pk}", "indicator": "site.search",
        "detail": "搜索“社保”没有结果", "evidence": SimpleUploadedFile("s.png", b"MZ\x90\x00")})
    assert response.status_code == 400
    page = response.content.decode()
    assert "搜索“社保”没有结果" in page and 'role="alert"' in page
    assert not Finding.objects.exists()
    response = client_for(office_admin).post(f"/websites/spot/{spot.pk}/findings/", {
        "target": f"website:{site.pk}", "indicator": "media.ads", "detail": "x"})
    assert "不适用" in response.content.decode()
