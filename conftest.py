"""Fixtures shared by every app's tests."""
import pytest

from django.test import Client


@pytest.fixture
def office_admin(db):
    from gongkai.orgs.tests.factories import OfficeAdminFactory

    return OfficeAdminFactory(username="office_admin")


@pytest.fixture
def unit_staff(db):
    from gongkai.orgs.tests.factories import UserFactory

    return UserFactory(username="unit_staff")


@pytest.fixture
def other_unit_staff(db):
    from gongkai.orgs.tests.factories import UserFactory

    return UserFactory(username="other_unit_staff")


@pytest.fixture
def supervisor(db):
    from gongkai.orgs.tests.factories import SupervisorFactory

    return SupervisorFactory(username="supervisor", display_name="人大代表 张某")


@pytest.fixture
def client_for(db):
    """``client_for(user)`` → a test Client logged in as ``user``."""

    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Factories hash a password for every user; PBKDF2 makes view tests crawl."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Uploads, letters and snapshots written by tests never land in var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def huey_immediate():
    """Background jobs run at once, in memory, never in the development queue file."""
    from huey.contrib.djhuey import HUEY

    before = HUEY.immediate
    HUEY.immediate = True
    yield HUEY
    HUEY.immediate = before


@pytest.fixture(autouse=True)
def _indicator_figures_computed_afresh(settings):
    """Measured figures are cached for minutes on pages; tests read them fresh (the
    cache has its own test in gongkai/reports)."""
    settings.GONGKAI_INDICATOR_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _cache_per_test(settings, request):
    """Each test gets its own empty cache: cached public pages of one test's data must
    never be served in another (the development cache lives in var/cache)."""
    settings.CACHES = {
        name: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
               "LOCATION": f"test-{name}-{request.node.nodeid}"} for name in ("default", "pages")}
    # Test helpers publish with queryset updates that send no signal, so whole-page
    # caching is off unless a test turns it on (gongkai/portal/tests/test_pagecache.py).
    settings.GONGKAI_PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _search_first_id_forgotten():
    """The policy search keeps the smallest document id a minute (``pooled._first_id``,
    what a broad query's estimated total is extrapolated to): a later test's estimate
    must not use an earlier test's documents."""
    from gongkai.policies.search import pooled

    pooled._first.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request served in English or 繁體
    leaves its language active in the thread (LocaleMiddleware never resets it), and
    the next test's messages would come out translated."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
