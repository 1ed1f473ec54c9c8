"""Three languages: the switcher and its cookie, Accept-Language, <html lang>, and the
content of pages in 繁體 converted for display while what is typed stays as typed."""
import re

import pytest

from django.conf import settings
from django.test import Client
from django.urls import reverse

from gongkai.core.hant import html_to_hant, to_hant
from gongkai.policies.tests.factories_policies import make_document

pytestmark = pytest.mark.django_db

LANG = re.compile(r'<html lang="([^"]+)"')


def html_lang(response) -> str:
    return LANG.search(response.content.decode()).group(1)


def visitor(accept: str = "zh-CN,zh;q=0.9", cookie: str | None = None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=accept)
    if cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
    return client


def test_the_switcher_remembers_the_choice_for_a_year_and_goes_back():
    response = visitor().get(reverse("set_language", args=["en"]), {"next": "/policies/?page=2"})
    assert response.status_code == 302 and response["Location"] == "/policies/?page=2"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert int(cookie["max-age"]) >= 365 * 24 * 3600
    assert cookie["samesite"] == "Lax"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("target", [
    "https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)", "",
])
def test_the_switcher_never_sends_anyone_off_the_site(target):
    response = visitor().get(reverse("set_language", args=["zh-hant"]), {"next": target})
    assert response.status_code == 302 and response["Location"] == "/"


def test_the_switcher_refuses_unknown_languages_and_posts():
    client = visitor()
    assert client.get(reverse("set_language", args=["fr"])).status_code == 404
    assert client.get("/lang/../").status_code == 404
    assert client.post(reverse("set_language", args=["en"])).status_code == 405
    assert not client.cookies.get(settings.LANGUAGE_COOKIE_NAME)


@pytest.mark.parametrize(("accept", "lang", "word"), [
    ("zh-CN,zh;q=0.9", "zh-Hans", "工作人员登录"),
    ("zh-TW,zh;q=0.9,en;q=0.5", "zh-Hant", "工作人員登錄"),
    ("zh-HK", "zh-Hant", "工作人員登錄"),
    ("en-US,en;q=0.9", "en", "Staff sign-in"),
])
def test_without_a_cookie_the_browser_language_decides(accept, lang, word):
    response = visitor(accept).get(reverse("portal:home"))
    assert html_lang(response) == lang
    assert word in response.content.decode()
    assert response.cookies == {}  # choosing by Accept-Language sets no cookie


def test_the_cookie_wins_over_the_browser_language_on_public_and_staff_pages(
        client_for, unit_staff):
    assert html_lang(visitor("en-US", cookie="zh-hant").get(reverse("portal:home"))) == \
        "zh-Hant"
    staff = client_for(unit_staff)
    staff.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = staff.get(reverse("portal:workbench"))
    assert html_lang(page) == "en"
    assert "Sign out" in page.content.decode() and "退出" not in page.content.decode()


def test_every_page_offers_the_switcher_pointing_back_to_itself(client_for, unit_staff):
    for client, url in ((visitor(), reverse("policies:library") + "?page=1"),
                        (client_for(unit_staff), reverse("portal:workbench"))):
        page = client.get(url).content.decode()
        switcher = re.search(r'<nav class="language-switcher".*?</nav>', page, re.S).group(0)
        assert switcher.count("<a ") == 3
        assert 'lang="zh-Hant"' in switcher and "English" in switcher
        assert "next=" + url.replace("/", "%2F").replace("?", "%3F").replace("=", "%3D") \
            in switcher


def test_readers_of_traditional_get_the_content_converted_others_as_entered():
    make_document(title="关于发展改革专项资金管理的通知")
    library = reverse("policies:library")
    hant = visitor(cookie="zh-hant").get(library).content.decode()
    assert "關於發展改革專項資金管理的通知" in hant
    assert "关于发展改革专项资金管理的通知" not in hant
    for language in ("zh-hans", "en"):
        page = visitor(cookie=language).get(library).content.decode()
        assert "关于发展改革专项资金管理的通知" in page


def test_a_typed_search_stays_as_typed_in_the_search_box():
    make_document(title="住房保障实施办法")
    page = visitor(cookie="zh-hant").get(reverse("policies:search"), {"q": "住房保障"})
    html = page.content.decode()
    assert 'value="住房保障"' in html  # the query box: what the visitor typed
    assert "實施辦法" in html and "实施办法" not in html  # the result, converted to read


def test_conversion_leaves_form_values_scripts_and_urls_alone():
    html = ('<p title="发展">发展改革</p><input name="t" value="发展" placeholder="请输入">'
            '<textarea name="body">发展\n改革</textarea><select name="u">'
            '<option value="区发展改革局">区发展改革局</option><option>区发展改革局</option>'
            '</select><script>var a = "发展";</script><a href="/s/?q=发展">发展</a>'
            '<!-- 发展 --><span lang="zh-Hans">简体<b>中文</b></span><div><div>里</div></div>')
    assert html_to_hant(html) == (
        '<p title="發展">發展改革</p><input name="t" value="发展" placeholder="請輸入">'
        '<textarea name="body">发展\n改革</textarea><select name="u">'
        '<option value="区发展改革局">區發展改革局</option><option>区发展改革局</option>'
        '</select><script>var a = "发展";</script><a href="/s/?q=发展">發展</a>'
        '<!-- 发展 --><span lang="zh-Hans">简体<b>中文</b></span><div><div>裏</div></div>')


def test_conversion_keeps_the_terms_a_regulation_defines():
    # s2hk converts characters only: 信息 stays 信息, 发布 is not rewritten as 釋出.
    assert to_hant("政府信息公开条例，审核通过并发布") == "政府信息公開條例，審核通過並發佈"


def test_a_staff_form_in_traditional_shows_the_stored_text_for_editing(
        client_for, office_admin):
    document = make_document(title="关于发展改革的通知", published=False,
                             unit=office_admin.unit, author=office_admin)
    staff = client_for(office_admin)
    staff.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hant"
    page = staff.get(reverse("policies:document_edit", args=[document.pk])).content.decode()
    assert 'value="关于发展改革的通知"' in page
