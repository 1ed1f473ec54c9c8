"""Client addresses behind trusted proxies, and counters that hold under concurrency."""
import threading

import pytest

from django.db import connection
from django.test import RequestFactory

from gongkai.core import ratelimit
from gongkai.core.clientip import client_ip


def request_from(peer, **headers):
    meta = {"REMOTE_ADDR": peer}
    meta.update({f"HTTP_{k.upper()}": v for k, v in headers.items()})
    return RequestFactory().post("/", **meta)


@pytest.mark.parametrize(("peer", "headers", "expected"), [
    # Not a trusted proxy: the headers are the client's to forge.
    ("203.0.113.9", {"x_forwarded_for": "1.2.3.4"}, "203.0.113.9"),
    ("203.0.113.9", {"x_real_ip": "1.2.3.4"}, "203.0.113.9"),
    # The proxy on loopback: the client is the rightmost untrusted hop.
    ("127.0.0.1", {"x_forwarded_for": "198.51.100.7"}, "198.51.100.7"),
    ("127.0.0.1", {"x_forwarded_for": "6.6.6.6, 198.51.100.7"}, "198.51.100.7"),
    ("127.0.0.1", {"x_forwarded_for": "198.51.100.7, 10.0.0.5"}, "198.51.100.7"),
    ("::1", {"x_forwarded_for": "2001:db8::7"}, "2001:db8::7"),
    ("127.0.0.1", {"x_real_ip": "198.51.100.8"}, "198.51.100.8"),
    ("127.0.0.1", {"x_forwarded_for": "not-an-ip"}, "127.0.0.1"),
    ("127.0.0.1", {}, "127.0.0.1"),
    ("::ffff:127.0.0.1", {"x_forwarded_for": "198.51.100.9"}, "198.51.100.9"),
])
def test_forwarded_headers_are_believed_only_from_trusted_proxies(
        settings, peer, headers, expected):
    settings.GONGKAI_TRUSTED_PROXIES = ["127.0.0.1", "::1", "10.0.0.0/8"]
    assert client_ip(request_from(peer, **headers)) == expected


def test_without_trusted_proxies_the_socket_address_is_the_client(settings):
    settings.GONGKAI_TRUSTED_PROXIES = []
    assert client_ip(request_from("127.0.0.1", x_forwarded_for="1.2.3.4")) == "127.0.0.1"


@pytest.mark.django_db
def test_two_clients_behind_the_proxy_get_separate_buckets(settings):
    settings.GONGKAI_TRUSTED_PROXIES = ["127.0.0.1"]
    alice = request_from("127.0.0.1", x_forwarded_for="198.51.100.1")
    bob = request_from("127.0.0.1", x_forwarded_for="198.51.100.2")
    assert [ratelimit.take(alice, "track", 3) for _i in range(4)] == [True] * 3 + [False]
    assert ratelimit.take(bob, "track", 3) is True


@pytest.mark.django_db
def test_a_slot_given_back_can_be_used_again():
    visitor = request_from("198.51.100.3")
    assert ratelimit.take(visitor, "apply", 1)
    ratelimit.give_back(visitor, "apply")
    assert ratelimit.take(visitor, "apply", 1)
    assert not ratelimit.take(visitor, "apply", 1)


@pytest.mark.django_db(transaction=True)
def test_25_concurrent_requests_cannot_pass_a_limit_of_10():
    visitor = request_from("198.51.100.4")
    start = threading.Barrier(25)
    allowed, errors = [], []

    def attempt():
        try:
            start.wait()
            allowed.append(ratelimit.take(visitor, "flood", 10))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _i in range(25)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert sorted(allowed).count(True) == 10 and len(allowed) == 25


@pytest.mark.django_db(transaction=True)
def test_25_concurrent_wrong_query_codes_meet_the_limit_of_10(settings):
    """Issue 15: 25 concurrent requests passed a limit of 10 (check, then count)."""
    from django.test import Client

    settings.GONGKAI_TRUSTED_PROXIES = ["127.0.0.1"]
    start = threading.Barrier(25)
    refused, errors = [], []

    def attempt():
        try:
            client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.5")
            start.wait()
            response = client.post("/participation/messages/track/",
                                   {"query_code": "WRONGCODE1"})
            refused.append("过多" in response.content.decode())
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _i in range(25)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert refused.count(True) == 15
    # Another citizen behind the same proxy still has every try.
    other = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.6")
    response = other.post("/participation/messages/track/", {"query_code": "WRONGCODE1"})
    assert "过多" not in response.content.decode()
