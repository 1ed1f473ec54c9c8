"""A web worker loads what the search and the Q&A load once a process before it
serves (``gongkai.core.warm``, gunicorn's ``post_worker_init``)."""
import logging
import runpy
import subprocess

import pytest

from django.conf import settings
from django.db import DatabaseError

from gongkai.core import warm
from gongkai.core.management.commands import serve
from gongkai.core.tests.test_operations import FakeChild
from gongkai.policies.search import reading
from gongkai.policies.search import warm as search_warm
from gongkai.qa.tests.factories_qa import published_entry


@pytest.mark.django_db
def test_a_worker_loads_the_searchs_tables_before_its_first_visitor():
    published_entry(question="幼儿园怎么报名？")
    loaders = search_warm._loaders()
    for _name, load in loaders:
        if hasattr(load, "cache_clear"):
            load.cache_clear()
    reading._sound_cache.clear()
    reading._near_cache.clear()
    assert warm.warm_worker() > 0
    cached = [load for _name, load in loaders if hasattr(load, "cache_info")]
    assert len(cached) >= 7
    assert all(load.cache_info().currsize == 1 for load in cached)
    assert "terms" in reading._sound_cache and "forms" in reading._near_cache


@pytest.mark.django_db
def test_a_failed_warm_up_is_logged_and_the_worker_still_serves(monkeypatch, caplog):
    def fail():
        raise DatabaseError("no such table: lexicon_lexiconversion")

    monkeypatch.setattr(search_warm, "warm_process", fail)
    with caplog.at_level(logging.WARNING, logger="gongkai.core.warm"):
        warm.warm_worker()
    assert "warm-up failed" in caplog.text


def test_gunicorn_warms_each_worker_and_serve_uses_its_settings(monkeypatch):
    called = []
    monkeypatch.setattr(warm, "warm_worker", lambda: called.append(True))
    config = settings.BASE_DIR / "deploy" / "gunicorn.conf.py"
    runpy.run_path(str(config))["post_worker_init"](object())
    assert called == [True]
    children = []

    def popen(args, env=None):
        children.append(FakeChild(args, returncode=3 if "run_huey" in args else None))
        return children[-1]

    monkeypatch.setattr(subprocess, "Popen", popen)
    monkeypatch.setattr(serve.signal, "signal", lambda *a: None)
    with pytest.raises(SystemExit):
        serve.Command().handle(host="127.0.0.1", port=18101, workers=1, no_huey=False)
    gunicorn = children[1].args
    assert gunicorn[gunicorn.index("--config") + 1] == str(config)
