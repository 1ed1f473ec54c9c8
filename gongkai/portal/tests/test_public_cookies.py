"""Anonymous visitors of the public site get no cookie unless a page holds a form that
needs one (the CSRF cookie): crawled from the front page, rendered and from the cache."""
import re

import pytest

from django.urls import reverse

from gongkai.participation.tests.factories_consultations import ArticleFactory
from gongkai.policies.tests.factories_policies import make_document
from gongkai.portal.tests.crawl import crawl

pytestmark = pytest.mark.django_db

POST_FORM = re.compile(r'<form[^>]*method="post"', re.IGNORECASE)


@pytest.mark.parametrize("cache_seconds", [0, 300])
def test_no_anonymous_public_page_sets_a_cookie_unless_it_holds_a_form(
        client, settings, cache_seconds):
    settings.GONGKAI_PAGE_CACHE_SECONDS = cache_seconds
    make_document(title="黄埔区住房保障实施办法")
    ArticleFactory(consultation__title="黄埔区停车管理办法（征求意见稿）")
    for visit in range(2):  # the second visit is answered from the cache where it can
        pages = crawl(client, reverse("portal:home"))
        assert len(pages) > 15, sorted(pages)  # the crawl did reach the site
        with_forms = [url for url, page in pages.items() if POST_FORM.search(page.html)]
        assert reverse("foi:apply") in with_forms and reverse("portal:home") not in with_forms
        for url, page in pages.items():
            assert settings.SESSION_COOKIE_NAME not in page.cookies, url
            if url.startswith("/lang/"):  # the switcher: setting the language is its job
                assert page.cookies == {settings.LANGUAGE_COOKIE_NAME}, url
                continue
            allowed = {settings.CSRF_COOKIE_NAME} if POST_FORM.search(page.html) else set()
            assert page.cookies <= allowed, (url, page.cookies, visit)
        client.cookies.clear()
