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
