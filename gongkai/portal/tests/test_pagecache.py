"""Whole-page caching of the public pages for anonymous visitors: served without a
query, fresh the moment something is published, never shared with a signed-in user,
and per-visitor values (CSRF token, one-time submission key) never shared."""
import gzip
import re

import pytest
import time_machine

from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from gongkai.foi.models import Application
from gongkai.foi.tests.test_public_views import form_data
from gongkai.orgs.tests.factories import UnitFactory
from gongkai.policies.tests.factories_policies import make_document
from gongkai.portal.pagecache import cache_key, new_generation, stored_entry

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
def test_a_cached_answer_runs_no_session_user_or_csrf_middleware(client):
    first = client.get(reverse("policies:library"))
    assert hasattr(first.wsgi_request, "session")  # rendered: the whole stack ran
    second = client.get(reverse("policies:library"))
    assert second.content == first.content
    assert not hasattr(second.wsgi_request, "session")
    assert not hasattr(second.wsgi_request, "user")


def test_a_signed_in_users_page_is_never_kept_for_anonymous_visitors(client, client_for,
                                                                      office_admin):
    client_for(office_admin).get(reverse("portal:home"))
    page = client.get(reverse("portal:home")).content.decode()
    assert reverse("portal:workbench") not in page and "office_admin" not in page


def test_a_visitor_with_a_pending_message_gets_the_page_rendered(client):
    client.get(reverse("policies:library"))
    client.cookies["messages"] = "anything"
    response = client.get(reverse("policies:library"))
    assert response.status_code == 200 and hasattr(response.wsgi_request, "session")


def test_a_host_not_allowed_is_refused_even_when_the_page_is_cached(client):
    client.get(reverse("portal:home"))
    assert client.get(reverse("portal:home"), HTTP_HOST="evil.example").status_code == 400


def test_each_language_has_its_own_copy_and_the_answer_says_which(client):
    for _ in range(2):  # rendered, then from the cache
        for language in ("en", "zh-hant", "zh-hans"):
            response = client.get(reverse("portal:home"), HTTP_ACCEPT_LANGUAGE=language)
            assert response["Content-Language"] == language
            vary = {word.strip().lower() for word in response["Vary"].split(",")}
            assert {"cookie", "accept-language", "accept-encoding"} <= vary


def test_parameters_in_another_order_are_the_same_search(rf):
    url = reverse("policies:search")
    one = rf.get(url + "?q=%E4%BD%8F%E6%88%BF&sort=date")
    other = rf.get(url + "?sort=date&q=%E4%BD%8F%E6%88%BF")
    assert cache_key(one) == cache_key(other)
    assert cache_key(one) != cache_key(rf.get(url + "?q=%E5%AD%A6%E6%A0%A1&sort=date"))
    before = cache_key(one)
    new_generation()  # something was published
    assert cache_key(one) != before


def test_a_search_is_kept_for_a_minute_a_page_for_longer(client, settings,
                                                         django_assert_num_queries):
    settings.GONGKAI_SEARCH_CACHE_SECONDS = 60
    search = reverse("policies:search") + "?q=%E4%BD%8F%E6%88%BF"
    with time_machine.travel("2026-03-02 09:00 +0800", tick=False) as traveller:
        client.get(search)
        client.get(reverse("policies:library"))
        traveller.shift(61)
        with django_assert_num_queries(0):
            client.get(reverse("policies:library"))
        response = client.get(search)
        assert hasattr(response.wsgi_request, "session")  # rendered again


def test_a_page_that_varies_by_another_header_is_not_kept(rf):
    response = HttpResponse("<p>" + "x" * 300)
    response["Vary"] = "Cookie, User-Agent"
    assert stored_entry(rf.get("/"), response) is None
    response["Vary"] = "Cookie, Accept-Language"
    assert stored_entry(rf.get("/"), response) is not None


def test_compressed_pages_from_the_cache_are_the_page(client):
    plain = client.get(reverse("portal:home")).content
    packed = client.get(reverse("portal:home"), HTTP_ACCEPT_ENCODING="gzip, br")
    assert packed["Content-Encoding"] == "gzip"
    assert int(packed["Content-Length"]) == len(packed.content)
    assert gzip.decompress(packed.content) == plain


def test_the_compressed_cached_form_carries_a_working_token_and_key_of_its_own():
    unit = UnitFactory(name="区发展改革局")
    Client().get(reverse("foi:apply"))  # rendered and stored
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.get(reverse("foi:apply"), HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    page = gzip.decompress(response.content).decode()
    token, key = TOKEN.search(page).group(1), KEY.search(page).group(1)
    assert "\x00" not in page and "csrftoken" in response.cookies
    posted = visitor.post(reverse("foi:apply"), {
        **form_data(unit, submission_key=key), "csrfmiddlewaretoken": token})
    assert posted.status_code == 302
    assert Application.objects.filter(submission_key=key).exists()


def test_a_returning_visitor_keeps_their_csrf_cookie_on_the_cached_form():
    visitor = Client()
    visitor.get(reverse("foi:apply"))
    cookie = visitor.cookies["csrftoken"].value
    response = visitor.get(reverse("foi:apply"))  # from the cache
    assert not hasattr(response.wsgi_request, "session")
    # As Django does, the cookie is sent again (a renewed expiry) with the same secret,
    # so a form opened in another tab earlier still posts.
    assert response.cookies["csrftoken"].value == cookie
    assert KEY.search(response.content.decode())
