"""The measures offered to the indicator registry, per unit and over a period."""
import datetime as dt

import pytest

from django.db.models import Count
from django.utils import timezone

from gongkai.websites.models import Finding, FindingSource
from gongkai.websites.selectors import indicators as ind
from gongkai.websites.services import spotcheck as svc
from gongkai.websites.tests.factories import AccountFactory, WebsiteFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 6, 15)


def _per_unit(entry, start, end):
    field = entry.get("unit_field", "unit_id")
    rows = entry["records"](start=start, end=end).order_by().values(field) \
        .annotate(n=Count("pk", distinct=True))
    return {r[field]: r["n"] for r in rows}


def test_every_indicator_is_registered_with_a_callable_over_a_period():
    for entry in ind.INDICATORS:
        assert entry["key"].startswith("websites.") and entry["label"]
        entry["records"](start=TODAY, end=TODAY).count()


def test_platform_and_ipv6_measures_count_per_unit():
    a = WebsiteFactory(on_platform=True)
    b = WebsiteFactory(on_platform=False)
    WebsiteFactory(on_platform=False, unit=b.unit, status="closed",
                   closed_on=timezone.localdate() - dt.timedelta(days=400))
    today = timezone.localdate()
    Finding.objects.create(website=b, indicator="site.ipv6", source=FindingSource.AUTOMATIC,
                           detail="x", observed_at=timezone.now())
    entries = {e["key"]: e for e in ind.INDICATORS}
    assert _per_unit(entries["websites.on_platform"], today, today) == {a.unit_id: 1}
    assert _per_unit(entries["websites.off_platform"], today, today) == {b.unit_id: 1}
    assert _per_unit(entries["websites.ipv6_failing"], today, today) == {b.unit_id: 1}
    last_year = today - dt.timedelta(days=365)
    assert _per_unit(entries["websites.ipv6_failing"], last_year, last_year) == {}


def test_late_rectifications_and_confirmed_problems(office_admin):
    site = WebsiteFactory()
    account = AccountFactory(unit=site.unit)
    spot = svc.spot_check_create(year=2026, quarter=4, actor=office_admin)
    svc.finding_record(spot_check=spot, actor=office_admin, indicator="site.footer",
                       detail="x", website=site)
    svc.finding_record(spot_check=spot, actor=office_admin, indicator="media.ads",
                       detail="y", account=account)
    today = timezone.localdate()
    [rect] = svc.rectifications_issue(spot_check=spot, actor=office_admin,
                                      deadline=today + dt.timedelta(days=3))
    entries = {e["key"]: e for e in ind.INDICATORS}
    assert _per_unit(entries["websites.site_problems"], today, today) == {site.unit_id: 1}
    assert _per_unit(entries["websites.media_problems"], today, today) == {site.unit_id: 1}
    later = today + dt.timedelta(days=10)
    assert _per_unit(entries["websites.rectification_late"], today, later) == {site.unit_id: 1}
    svc.rectification_answer(rectification=rect, answer="已改", files=[], actor=None)
    svc.rectification_decide(rectification=rect, verified=True, note="", actor=office_admin)
    assert _per_unit(entries["websites.rectification_late"], today, later) == {}
    assert _per_unit(entries["websites.rectification_verified"], today, today) == \
        {site.unit_id: 1}
