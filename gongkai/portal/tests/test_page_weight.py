"""What pages weigh on the wire: ECharts is served as a build with only the charts the
pages draw, and only pages that draw a chart load it; every HTML page is compressed,
rendered or from the page cache. Crawled from the workbench as the office and from the
front page as a visitor."""
import datetime as dt
import re
from pathlib import Path

import pytest
import time_machine

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from gongkai.orgs.tests.factories import OfficeAdminFactory
from gongkai.plans.tests.factories import (
    AssignmentFactory,
    ReportingPeriodFactory,
    SectionFactory,
    TaskFactory,
)
from gongkai.portal.tests.crawl import crawl

pytestmark = pytest.mark.django_db

BUILD = "vendor/echarts/echarts.custom.min.js"
ECHARTS_SCRIPT = re.compile(r'<script src="([^"]*echarts[^"]*)"')
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
CHART_DATA = re.compile(r'<script id="[\w-]*chart-data" type="application/json">')


def test_the_build_holds_the_charts_drawn_and_not_the_others():
    built = Path(finders.find(BUILD)).read_text()
    full = settings.BASE_DIR / "node_modules" / "echarts" / "dist" / "echarts.min.js"
    assert len(built) < full.stat().st_size * 0.6  # about half: the core stays whole
    for used in ("series.bar", "series.line"):
        assert used in built
    for unused in ("series.pie", "series.map", "series.graph", "series.sankey"):
        assert unused not in built
    assert finders.find("vendor/echarts/echarts.min.js") is None  # the full dist is not served


@pytest.mark.parametrize("cache_seconds", [0, 300])
def test_every_html_page_is_compressed_and_only_chart_pages_load_echarts(
        client_for, settings, cache_seconds):
    settings.GONGKAI_PAGE_CACHE_SECONDS = cache_seconds
    office = OfficeAdminFactory()
    period = ReportingPeriodFactory(plan__year=2022, number=3, deadline=dt.date(2022, 9, 30))
    task = TaskFactory(section=SectionFactory(plan=period.plan, number=1), number=1)
    AssignmentFactory(task=task, unit=office.unit)
    client = client_for(office)
    with time_machine.travel(dt.datetime(2022, 10, 8, 10, tzinfo=dt.UTC), tick=False):
        pages = [*crawl(client, reverse("portal:workbench"), limit=70, **GZIP).items(),
                 *crawl(client, reverse("participation:staff_message_stats"), limit=1,
                        **GZIP).items()]
        for _ in range(2):  # a visitor; the second time answered from the cache
            pages += crawl(Client(), reverse("portal:home"), limit=25, **GZIP).items()
    charts = {url for url, page in pages if CHART_DATA.search(page.html)}
    assert reverse("plans:progress") in charts and len(pages) > 60
    for url, page in pages:
        if len(page.html.encode()) >= 200:  # as GZipMiddleware: not worth it below
            assert page.encoding == "gzip" and page.size < len(page.html.encode()), url
        scripts = ECHARTS_SCRIPT.findall(page.html)
        if url in charts:
            assert len(scripts) == 1 and "echarts.custom.min." in scripts[0], url
        else:
            assert "echarts" not in page.html.lower(), url
