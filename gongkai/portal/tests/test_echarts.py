"""ECharts is served as a build with only the charts the pages draw, and only pages that
draw a chart load it: crawled from the workbench as the office and from the front page."""
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


def test_only_pages_that_draw_a_chart_load_echarts_and_only_the_build(client_for):
    office = OfficeAdminFactory()
    period = ReportingPeriodFactory(plan__year=2022, number=3, deadline=dt.date(2022, 9, 30))
    task = TaskFactory(section=SectionFactory(plan=period.plan, number=1), number=1)
    AssignmentFactory(task=task, unit=office.unit)
    client = client_for(office)
    with time_machine.travel(dt.datetime(2022, 10, 8, 10, tzinfo=dt.UTC), tick=False):
        pages = {**crawl(client, reverse("portal:workbench"), limit=70),
                 **crawl(client, reverse("participation:staff_message_stats"), limit=1),
                 **crawl(Client(),
                         reverse("portal:home"), limit=20)}
    charts = [url for url, (html, _) in pages.items() if CHART_DATA.search(html)]
    assert reverse("plans:progress") in charts and len(pages) > 40
    for url, (html, _) in pages.items():
        scripts = ECHARTS_SCRIPT.findall(html)
        if url in charts:
            assert len(scripts) == 1 and "echarts.custom.min." in scripts[0], url
        else:
            assert "echarts" not in html.lower(), url
