"""Benchmark of the automated website checks: 200 sites × 50 pages against local
imitation sites, with politeness per host.

Run from the repository root:  .venv/bin/python bench/websites/run.py
                               [--sites 200] [--delay 0.5] [--workers 50] [--port 18500]

The sites are virtual hosts ``siteNNN.bench.test`` of one server process on 127.0.0.1
(``server.py``); the guarded fetcher resolves that test domain to 127.0.0.1 (a resolver
patched for the benchmark only — every other check of ``gongkai.core.outbound.fetch``
runs as in production, with the office's intranet switch on for loopback). The checks
are those of ``gongkai.websites.services.checks.website_check`` without the database
writes: ``crawl_site`` then ``site_problems``, ``--workers`` sites at a time, one request
at a time per host with ``--delay`` seconds between requests to the same host.

Prints the wall time, pages per second, the server's count of requests, the smallest
gap it saw between two requests to one host and the most it saw in flight to one host
(politeness), the checker's peak RSS and its RSS as the run progressed (bounded
memory), and whether every site's expected findings were found (2 dead links each,
nothing else). Exits 1 if a check fails or the run takes 3 minutes or more.
"""
import argparse
import json
import os
import resource
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
LIMIT_SECONDS = 180


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def patch_resolver() -> None:
    """``*.bench.test`` → 127.0.0.1, for the fetcher only."""
    from gongkai.core import outbound

    real = outbound._resolve

    def resolve(host, port, family):
        if host.endswith(".bench.test"):
            if family == socket.AF_INET6:
                raise socket.gaierror("no IPv6 for the bench domain")
            return real("127.0.0.1", port, socket.AF_INET)
        return real(host, port, family)

    outbound._resolve = resolve


def start_server(port: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, str(Path(__file__).parent / "server.py"),
                               str(port)])
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.05)
    server.kill()
    raise SystemExit("the benchmark server did not start")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sites", type=int, default=200)
    parser.add_argument("--delay", type=float, default=0.5)
    parser.add_argument("--workers", type=int, default=50)
    parser.add_argument("--port", type=int, default=18500)
    args = parser.parse_args()

    import django
    from django.conf import settings

    django.setup()
    from django.utils import timezone

    from gongkai.websites.checks.crawl import Fetcher, SiteSpec, crawl_site
    from gongkai.websites.checks.polite import HostGate
    from gongkai.websites.checks.verdicts import site_problems
    from gongkai.websites.rules import THRESHOLDS

    rules = {key: default for key, (default, _label) in THRESHOLDS.items()}
    settings.GONGKAI_OUTBOUND_PORTS = (args.port,)
    settings.GONGKAI_OUTBOUND_ALLOW_HOSTS = []
    settings.GONGKAI_WEBSITES_ALLOW_INTRANET = True
    patch_resolver()
    server = start_server(args.port)
    try:
        gate = HostGate(args.delay)
        today = timezone.localdate()
        fetcher = Fetcher(gate, timeout=15.0, now=timezone.now, today=today,
                          domains=["bench.test"])
        specs = [SiteSpec(id=i, url=f"http://site{i:03d}.bench.test:{args.port}/")
                 for i in range(args.sites)]
        rss_trace, pages, wrong = [], 0, []
        started = time.monotonic()

        def check(spec):
            crawl = crawl_site(spec, fetcher, max_depth=int(rules["crawl.max_depth"]),
                               max_pages=int(rules["crawl.max_pages"]))
            return spec, crawl.pages, site_problems(crawl, rules, today, {})

        with ThreadPoolExecutor(max_workers=args.workers) as pool:
            futures = [pool.submit(check, spec) for spec in specs]
            for done, future in enumerate(as_completed(futures), start=1):
                spec, n, problems = future.result()
                pages += n
                codes = sorted((p.indicator, p.count) for p in problems)
                # 127.0.0.1 has no IPv6 here: the site.ipv6 finding is expected too.
                if codes != [("site.dead_links", 2), ("site.ipv6", 1)]:
                    wrong.append((spec.url, codes))
                if done % max(1, args.sites // 4) == 0:
                    rss_trace.append((done, round(rss_mb())))
        elapsed = time.monotonic() - started
        with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/__stats__") as answer:  # noqa: S310
            stats = json.load(answer)
    finally:
        server.terminate()
        server.wait()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"sites {args.sites} · workers {args.workers} · per-host delay {args.delay} s")
    print(f"pages fetched by the checks {pages} (+{args.sites} robots.txt) "
          f"· server saw {stats['requests']} requests on {stats['hosts']} hosts")
    print(f"wall {elapsed:.1f} s · {pages / elapsed:.0f} pages/s")
    print(f"politeness: smallest gap between two requests to one host "
          f"{stats['min_gap']:.3f} s · most in flight to one host {stats['max_inflight']}")
    print(f"checker RSS after n sites: {rss_trace} MB · peak RSS {peak:.0f} MB")
    print(f"sites with unexpected findings: {len(wrong)} {wrong[:3]}")
    ok = (not wrong and elapsed < LIMIT_SECONDS and stats["max_inflight"] == 1
          and stats["min_gap"] >= args.delay * 0.95)
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
