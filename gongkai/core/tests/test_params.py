"""Over-large and odd integers in query strings: parsed once, bounded, never a 500."""
import pytest

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from gongkai.core.params import int_param, parse_int, year_param

HOSTILE = ["99999999999999999999999", "9223372036854775808", "²", "１２", "-1", "+7",
           "1_000", " 12 ", "0x10", ""]
PARAMS = ["unit", "year", "page", "period", "topic", "issuer", "limit", "pending", "log",
          "mailbox", "part", "status", "kind", "category"]


@pytest.mark.parametrize(("value", "expected"), [
    ("12", 12), (" 12 ", 12), ("0", 0), ("99999999999999999999999", None),
    ("2147483648", None), ("²", None), ("１２", None), ("-1", None), ("+7", None),
    ("1_000", None), ("0x10", None), ("", None), (None, None), (7, 7),
])
def test_parse_int_accepts_plain_ascii_digits_within_bounds(value, expected):
    assert parse_int(value) == expected


def test_int_and_year_params_fall_back_to_the_default():
    assert int_param({"unit": "5"}, "unit", minimum=1) == 5
    assert int_param({"unit": "0"}, "unit", minimum=1, default=3) == 3
    assert year_param({"year": "2022"}) == 2022
    assert year_param({"year": "99999"}, default=2025) == 2025


def _list_urls():
    """Every URL of the platform that takes no argument in its path."""
    found = []

    def walk(patterns, prefix):
        for item in patterns:
            if isinstance(item, URLResolver):
                if not item.pattern.converters:
                    walk(item.url_patterns, prefix + str(item.pattern))
            elif isinstance(item, URLPattern) and not item.pattern.converters:
                route = prefix + str(item.pattern)
                if "<" not in route and "^" not in route and "(" not in route:
                    found.append("/" + route.lstrip("/"))

    walk(get_resolver().url_patterns, "")
    return sorted({u for u in found if not u.startswith("/admin/")})


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "office_admin", "unit_staff"])
def test_no_page_answers_500_to_hostile_integers(role, request, client_for):
    client = Client(raise_request_exception=False) if role == "anonymous" else \
        client_for(request.getfixturevalue(role))
    client.raise_request_exception = False
    urls = _list_urls()
    assert len(urls) > 40
    failures = []
    for url in urls:
        for value in ("99999999999999999999999", "²"):
            query = "&".join(f"{name}={value}" for name in PARAMS)
            response = client.get(f"{url}?{query}")
            if response.status_code >= 500:
                failures.append(f"{url} {value} → {response.status_code}")
    assert failures == []
