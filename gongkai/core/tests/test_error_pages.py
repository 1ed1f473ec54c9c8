"""Chinese error pages inside the site's layout, each with a way back."""
import pytest

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.core import error_views

pytestmark = pytest.mark.django_db


def test_an_unknown_address_answers_a_chinese_404_in_the_layout_with_a_way_home(client):
    response = client.get("/no-such-page/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "页面不存在" in body and "Not Found" not in body
    assert 'class="site-header"' in body and 'class="site-footer"' in body
    assert f'href="{reverse("portal:home")}"' in body and "返回首页" in body


def test_signed_in_staff_get_the_404_with_their_navigation_and_the_workbench(
        unit_staff, client_for):
    body = client_for(unit_staff).get("/plans/reports/999999/").content.decode()
    assert "页面不存在" in body
    assert "回到工作台" in body and reverse("portal:workbench") in body


def test_the_back_link_follows_only_a_referer_on_this_site(client):
    here = client.get("/no-such-page/", HTTP_REFERER="http://testserver/policies/")
    assert 'href="http://testserver/policies/"' in here.content.decode()
    away = client.get("/no-such-page/", HTTP_REFERER="https://evil.example/phish")
    assert "evil.example" not in away.content.decode()


def test_permission_denied_is_a_chinese_403_page():
    request = RequestFactory().get("/x/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = error_views.permission_denied(request, PermissionDenied())
    body = response.content.decode()
    assert response.status_code == 403
    assert "没有权限" in body and "Forbidden" not in body and "返回首页" in body


def test_a_bad_host_is_a_chinese_400_page(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/", HTTP_HOST="evil.example")
    body = response.content.decode()
    assert response.status_code == 400
    assert "请求有误" in body and "Bad Request" not in body


def test_a_form_without_its_security_token_gets_a_chinese_page_not_djangos():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "a", "password": "b"})
    body = response.content.decode()
    assert response.status_code == 403
    assert "页面已过期" in body and "CSRF verification failed" not in body
    assert "返回首页" in body


def test_the_500_page_needs_neither_the_request_nor_the_database():
    with CaptureQueriesContext(connection) as queries:
        response = error_views.server_error(None)
    body = response.content.decode()
    assert response.status_code == 500
    assert len(queries) == 0
    assert "系统出错" in body and 'href="/"' in body and 'class="site-header"' in body
    assert "Server Error" not in body


def test_the_500_page_falls_back_to_plain_html_when_templates_fail(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("template engine down")

    monkeypatch.setattr(error_views.loader, "render_to_string", broken)
    response = error_views.server_error(None)
    assert response.status_code == 500 and "系统出错" in response.content.decode()


def test_an_error_in_a_view_shows_the_chinese_500_page(settings):
    settings.ROOT_URLCONF = "gongkai.core.tests.urls_failing"
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    assert "系统出错" in response.content.decode()


def test_page_titles_carry_the_sites_chinese_name_not_the_code_name(client, settings):
    body = client.get(reverse("login")).content.decode()
    title = body.split("<title>")[1].split("</title>")[0]
    assert "gongkai" not in title
    assert settings.GONGKAI_SITE["name"] in title
