"""Whole-page caching of the public pages for anonymous visitors: served without a
query, fresh the moment something is published, never shared with a signed-in user,
and per-visitor values (CSRF token, one-time submission key) never shared."""
import re

import pytest

from django.test import Client
from django.urls import reverse

from gongkai.foi.models import Application
from gongkai.foi.tests.test_public_views import form_data
from gongkai.orgs.tests.factories import UnitFactory
from gongkai.policies.tests.factories_policies import make_document

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
KEY = re.compile(r'name="submission_key" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.GONGKAI_PAGE_CACHE_SECONDS = 300


def test_a_second_anonymous_visit_is_served_without_touching_the_database(
        client, django_assert_num_queries):
    first = client.get(reverse("portal:home"))
    with django_assert_num_queries(0):
        second = client.get(reverse("portal:home"))
    assert second.status_code == 200
    assert second.content == first.content


def test_pages_without_a_form_set_no_cookie(client):
    for _ in range(2):  # rendered, then from the cache
        for name in ("portal:home", "policies:library"):
            response = client.get(reverse(name))
            assert response.status_code == 200
            assert response.cookies == {}, name


def test_a_published_document_shows_at_once_on_the_cached_pages(client):
    unit = UnitFactory()
    assert "关于停车收费的通知" not in client.get(reverse("portal:home")).content.decode()
    document = make_document(unit=unit, title="关于停车收费的通知", published=False)
    document.publication_status = "published"  # as the review desk's transition saves it
    document.save()
    for name in ("portal:home", "policies:library"):
        assert "关于停车收费的通知" in client.get(reverse(name)).content.decode(), name


def test_each_search_query_is_cached_under_its_own_key(client):
    link = reverse("policies:document", args=[make_document(title="住房保障实施办法").pk])
    url = reverse("policies:search")
    hit = client.get(url, {"q": "住房"}).content.decode()
    miss = client.get(url, {"q": "学校"}).content.decode()
    assert link in hit and link not in miss
    assert link in client.get(url, {"q": "住房"}).content.decode()


def test_a_signed_in_user_never_gets_the_anonymous_copy(client, client_for, office_admin):
    client.get(reverse("portal:home"))
    page = client_for(office_admin).get(reverse("portal:home")).content.decode()
    assert reverse("portal:workbench") in page


def test_the_cached_form_gives_each_visitor_a_token_and_key_of_their_own_and_is_accepted():
    unit = UnitFactory(name="区发展改革局")
    visitors = [Client(enforce_csrf_checks=True) for _ in range(3)]
    pages = [visitor.get(reverse("foi:apply")) for visitor in visitors]
    tokens = [TOKEN.search(page.content.decode()).group(1) for page in pages]
    keys = [KEY.search(page.content.decode()).group(1) for page in pages]
    assert len(set(tokens)) == 3 and len(set(keys)) == 3
    assert all("\x00" not in page.content.decode() for page in pages)
    assert all("csrftoken" in page.cookies for page in pages)  # the form needs its cookie
    # The last visitor's page came from the cache; its token and key work.
    response = visitors[2].post(reverse("foi:apply"), {
        **form_data(unit, submission_key=keys[2]), "csrfmiddlewaretoken": tokens[2]})
    assert response.status_code == 302
    assert Application.objects.filter(submission_key=keys[2]).exists()


def test_a_visitor_with_a_session_is_not_served_from_the_cache(client):
    client.get(reverse("foi:apply"))
    session = client.session
    session["foi_access"] = 1
    session.save()
    cached = client.get(reverse("foi:apply"))  # a session: rendered, not from the cache
    assert cached.status_code == 200 and TOKEN.search(cached.content.decode())


def test_each_language_gets_its_own_cached_copy_and_the_response_says_what_it_varies_on():
    url = reverse("portal:home")
    by_browser = {accept: Client(HTTP_ACCEPT_LANGUAGE=accept) for accept in
                  ("zh-CN", "en-US", "zh-TW")}
    for _ in range(2):  # rendered, then from the cache
        pages = {accept: client.get(url) for accept, client in by_browser.items()}
        assert '<html lang="zh-Hans">' in pages["zh-CN"].content.decode()
        assert '<html lang="en">' in pages["en-US"].content.decode()
        assert '<html lang="zh-Hant">' in pages["zh-TW"].content.decode()
        for page in pages.values():
            assert {"Accept-Language", "Cookie"} <= {
                v.strip() for v in page["Vary"].split(",")}
            assert page.cookies == {}
    chosen = Client(HTTP_ACCEPT_LANGUAGE="zh-CN")
    chosen.cookies["django_language"] = "en"  # the switcher's cookie beats the browser
    assert '<html lang="en">' in chosen.get(url).content.decode()
