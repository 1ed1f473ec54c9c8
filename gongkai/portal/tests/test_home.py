import re

import pytest

from django.urls import reverse

from gongkai.portal.views import PUBLIC_SECTIONS

pytestmark = pytest.mark.django_db


def test_the_front_page_links_every_public_section_and_each_opens_for_a_visitor(client):
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    sections = response.context["sections"]
    assert len(sections) == len(PUBLIC_SECTIONS)
    for section in sections:
        assert section["url"] in response.content.decode()
        assert client.get(section["url"]).status_code == 200, section["url"]


def test_the_workbench_needs_a_login(client):
    response = client.get(reverse("portal:workbench"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_the_front_page_has_a_search_box_and_the_latest_public_documents(client):
    from gongkai.policies.tests.factories_policies import make_document

    make_document(title="黄埔区住房保障实施办法")
    make_document(title="尚未发布的草稿", published=False)
    page = client.get(reverse("portal:home")).content.decode()
    assert f'action="{reverse("policies:search")}"' in page and 'role="search"' in page
    assert "黄埔区住房保障实施办法" in page
    assert "尚未发布的草稿" not in page


def test_every_public_page_has_the_column_navigation_and_a_skip_link(client):
    for name in ("portal:home", "policies:library", "policies:gazette", "qa:ask",
                 "foi:apply", "foi:track", "participation:consultations",
                 "participation:meetings", "participation:message_list",
                 "participation:message_write", "participation:message_track", "login"):
        page = client.get(reverse(name)).content.decode()
        assert 'class="public-nav"' in page and 'href="#main"' in page, name
        assert 'id="main"' in page, name
        assert 'aria-current="page"' in page or name == "login", name


def test_footer_shows_the_government_site_fields_only_when_set(client, settings):
    page = client.get(reverse("portal:home")).content.decode()
    assert "网站标识码" not in page and "ICP" not in page
    settings.GONGKAI_SITE = {**settings.GONGKAI_SITE, "site_code": "4401120001",
                             "icp": "粤ICP备12345678号", "psb": "粤公网安备44011202000001号",
                             "psb_code": "44011202000001", "sponsor": "广州市黄埔区人民政府办公室",
                             "phone": "020-12345678"}
    page = client.get(reverse("portal:home")).content.decode()
    for text in ("网站标识码：4401120001", "粤ICP备12345678号", "粤公网安备44011202000001号",
                 "recordcode=44011202000001", "主办单位：广州市黄埔区人民政府办公室",
                 "020-12345678"):
        assert text in page, text


def test_the_favicon_is_served_where_browsers_look_for_it(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    # the static file's hashed name (portal/favicon.<hash>.ico)
    assert re.search(r"portal/favicon(\.[0-9a-f]{12})?\.ico$", response["Location"])
    assert 'rel="icon"' in client.get(reverse("portal:home")).content.decode()


def test_the_column_of_the_page_is_marked_current_and_only_it(client):
    for url, column in (("/foi/track/", "依申请公开"), ("/policies/gazette/", "政府公报"),
                        ("/policies/", "政策文件"), ("/", "首页"),
                        ("/participation/messages/", "领导信箱")):
        page = client.get(url).content.decode()
        assert page.count('aria-current="page"') == 1, url
        assert f'aria-current="page">{column}</a>' in page, url
