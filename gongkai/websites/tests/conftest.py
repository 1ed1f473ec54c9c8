import datetime as dt
from contextlib import ExitStack
from zoneinfo import ZoneInfo

import pytest
import time_machine

from gongkai.core.testing import local_server
from gongkai.websites.models import CheckRule

TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def today():
    with time_machine.travel(dt.datetime(2026, 6, 15, 10, tzinfo=ZoneInfo("Asia/Shanghai")),
                             tick=True):
        yield TODAY


@pytest.fixture
def sites(settings, db):
    """``sites(routes, host=...)`` → base URL of a local imitation site; its port is
    allowed, the office's intranet switch is on (loopback is 'intranet'), no delay."""
    settings.GONGKAI_WEBSITES_ALLOW_INTRANET = True
    settings.GONGKAI_OUTBOUND_ALLOW_HOSTS = []
    CheckRule.objects.create(key="crawl.host_delay_seconds", value=0)
    CheckRule.objects.create(key="crawl.timeout_seconds", value=5)
    stack = ExitStack()
    hits_by_base = {}

    def start(routes, host="127.0.0.1"):
        base, hits = stack.enter_context(local_server(routes, host=host))
        port = int(base.rsplit(":", 1)[1])
        settings.GONGKAI_OUTBOUND_PORTS = (*settings.GONGKAI_OUTBOUND_PORTS, port)
        hits_by_base[base] = hits
        return base

    start.hits = hits_by_base
    with stack:
        yield start
