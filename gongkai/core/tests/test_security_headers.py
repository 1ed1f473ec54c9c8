"""The Content-Security-Policy on every page, no inline script in any template, and
no-store on pages with personal data."""
import re
from pathlib import Path

import pytest

from django.conf import settings
from django.test import Client

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)


def test_no_template_holds_inline_script_or_event_handlers():
    root = Path(settings.BASE_DIR) / "gongkai"
    offenders = []
    for path in root.rglob("*.html"):
        if "tests" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if INLINE_SCRIPT.search(text) or HANDLER.search(text):
            offenders.append(str(path.relative_to(root)))
    assert offenders == []


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/policies/", "/qa/", "/accounts/login/"])
def test_every_page_carries_a_policy_without_inline_script(url):
    response = Client().get(url)
    policy = response["Content-Security-Policy"]
    script = next(p for p in policy.split(";") if p.strip().startswith("script-src"))
    assert script.split() == ["script-src", "'self'"]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_public_pages_without_personal_data_stay_cacheable():
    assert "no-store" not in Client().get("/policies/").get("Cache-Control", "")


@pytest.mark.django_db
def test_the_message_form_and_tracking_pages_are_no_store():
    client = Client()
    for url in ["/participation/messages/write/", "/participation/messages/track/"]:
        assert "no-store" in client.get(url)["Cache-Control"], url


@pytest.mark.django_db
def test_every_page_shown_to_a_signed_in_user_is_no_store(client_for, office_admin):
    response = client_for(office_admin).get("/workbench/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
