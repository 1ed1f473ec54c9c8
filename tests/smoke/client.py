"""The smoke test's visitors: they talk to nginx only, over HTTPS, on IPv4 and IPv6.

    client.py CHECK --base https://127.0.0.1:PORT --base6 https://[::1]:PORT --ca CERT ...

Each check prints one line; any failure exits non-zero with the reason.
"""
import argparse
import json
import re
import sys
import threading
import time
from collections import Counter

import requests
from requests.adapters import HTTPAdapter


class FromAddress(HTTPAdapter):
    """Connect from a chosen loopback address (127.0.0.0/8 is all loopback on Linux), so
    nginx sees several distinct clients."""

    def __init__(self, address: str, **kwargs):
        self.address = address
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def session(args, address: str | None = None) -> requests.Session:
    s = requests.Session()
    s.trust_env = False  # no proxy and no CA bundle from the environment: loopback only
    s.verify = args.ca
    if address:
        s.mount("https://", FromAddress(address, pool_maxsize=2))
    return s


def fail(message: str) -> None:
    print(f"FAIL {message}", flush=True)
    sys.exit(1)


def csrf_form(s: requests.Session, url: str) -> dict:
    page = s.get(url, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    if page.status_code != 200 or not token:
        fail(f"no form at {url}: {page.status_code}")
    return {"csrfmiddlewaretoken": token.group(1)}


def check_stack(args, seed):
    for base in (args.base, args.base6):
        r = session(args).get(base + "/", timeout=30)
        if r.status_code != 200 or "Strict-Transport-Security" not in r.headers:
            fail(f"{base}/ → {r.status_code} {dict(r.headers)}")
        if r.headers.get("Content-Encoding") != "gzip":
            fail(f"{base}/ is not compressed")
        health = session(args).get(base + "/healthz", timeout=30)
        if health.status_code != 200 or health.json()["status"] != "ok":
            fail(f"{base}/healthz → {health.status_code} {health.text}")
        print(f"ok   {base}: home 200 (HSTS, gzip), healthz {health.json()['checks']}")
    for plain in (args.plain, args.plain6):
        r = session(args).get(plain + "/foi/track/", allow_redirects=False, timeout=30)
        if r.status_code != 301 or not r.headers["Location"].startswith("https://"):
            fail(f"{plain} does not redirect to https: {r.status_code}")
    print("ok   plain HTTP redirects to HTTPS on IPv4 and IPv6")
    home = session(args).get(args.base + "/", timeout=30).text
    static = re.search(r'/static/[^"]+\.[0-9a-f]{12}\.css', home)
    if not static:
        fail("no hashed stylesheet linked from the home page")
    r = session(args).get(args.base + static.group(0), timeout=30)
    if r.status_code != 200 or "max-age=31536000" not in r.headers.get("Cache-Control", ""):
        fail(f"static {static.group(0)}: {r.status_code} {r.headers.get('Cache-Control')}")
    print(f"ok   {static.group(0)} cached for a year")


def login(args, seed, username: str, address: str) -> requests.Session:
    s = session(args, address)
    url = args.base + seed["login"]
    data = csrf_form(s, url) | {"username": username, "password": args.password}
    r = s.post(url, data=data, headers={"Referer": url}, allow_redirects=False, timeout=30)
    if r.status_code != 302:
        fail(f"login of {username} → {r.status_code} {r.text[:300]}")
    return s


def check_files(args, seed):
    """The evidence file lives in the object store and reaches only those allowed."""
    url = args.base + seed["download"]
    r = login(args, seed, "smoke_staff", "127.0.0.5").get(url, timeout=30)
    if r.status_code != 200 or r.content != bytes.fromhex(seed["file_hex"]):
        fail(f"staff download → {r.status_code}")
    r = login(args, seed, "smoke_outsider", "127.0.0.6").get(url, timeout=30)
    if r.status_code != 404:
        fail(f"another unit's staff got the file: {r.status_code}")
    r = session(args).get(url, allow_redirects=False, timeout=30)
    if r.status_code != 302:
        fail(f"anonymous download → {r.status_code}")
    print("ok   evidence file streamed to its unit's staff; 404 to another unit; "
          "anonymous sent to login")


def check_rate_limits(args, seed):
    """Two citizens behind nginx: one exhausting the tracking limit blocks only himself."""
    url = args.base + seed["track"]
    blocked = "查询失败次数过多"

    def wrong_query(s):
        data = csrf_form(s, url) | {"query_code": "WRONG00000", "id_last4": "0000"}
        return s.post(url, data=data, headers={"Referer": url}, timeout=30).text

    a, b = session(args, "127.0.0.2"), session(args, "127.0.0.3")
    for _ in range(12):
        text = wrong_query(a)
    if blocked not in text:
        fail("twelve wrong queries from one client were not limited")
    if blocked in wrong_query(b):
        fail("a second client behind nginx shares the first one's rate-limit bucket")
    print("ok   separate rate-limit buckets for 127.0.0.2 and 127.0.0.3 behind nginx")


def check_load(args, seed):
    """``--visitors`` public visitors, each from its own address, for ``--seconds``."""
    deadline = time.monotonic() + args.seconds
    statuses, errors, latencies, lock = Counter(), Counter(), [], threading.Lock()

    def visitor(n):
        s = session(args, f"127.0.{1 + n // 250}.{1 + n % 250}")
        i = n
        while time.monotonic() < deadline:
            path = seed["public"][i % len(seed["public"])]
            i += 1
            started = time.monotonic()
            try:
                status = s.get(args.base + path, timeout=60).status_code
            except requests.RequestException as error:
                with lock:
                    errors[type(error).__name__] += 1
                continue
            with lock:
                statuses[status] += 1
                latencies.append(time.monotonic() - started)

    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(args.visitors)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    total = sum(statuses.values())
    summary = {
        "visitors": args.visitors, "seconds": args.seconds, "requests": total,
        "per_second": round(total / args.seconds, 1), "statuses": dict(statuses),
        "errors": dict(errors),
        "p50_ms": round(latencies[len(latencies) // 2] * 1000) if latencies else None,
        "p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000) if latencies else None,
    }
    print("load " + json.dumps(summary), flush=True)
    if errors or set(statuses) != {200} or total < args.visitors:
        fail("errors under load")
    print(f"ok   {args.visitors} concurrent visitors for {args.seconds} s: {total} pages, "
          "all 200")


CHECKS = {"stack": check_stack, "files": check_files, "ratelimit": check_rate_limits,
          "load": check_load}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("check", choices=CHECKS)
    parser.add_argument("--base", required=True)
    parser.add_argument("--base6", required=True)
    parser.add_argument("--plain", required=True)
    parser.add_argument("--plain6", required=True)
    parser.add_argument("--ca", required=True)
    parser.add_argument("--seed", required=True)
    parser.add_argument("--password", default="")
    parser.add_argument("--visitors", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=30)
    args = parser.parse_args()
    with open(args.seed) as handle:
        seed = json.load(handle)
    CHECKS[args.check](args, seed)


if __name__ == "__main__":
    main()
