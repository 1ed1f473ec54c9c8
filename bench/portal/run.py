"""Public pages under load: ``wrk`` against the platform and against Django's hello
world, both behind the same gunicorn settings, in one run.

    make bench-portal            # or: .venv/bin/python bench/portal/run.py [--duration 10]

Each server runs alone on the loopback port (GONGKAI_BENCH_PORT, default 8109), with
2 sync workers; ``wrk`` opens 16 connections from 2 threads. The platform serves the
demo database in var/ (``make setup``). Printed per page: requests per second, median
and 99th-percentile latency, and the share of hello world's requests per second; the
targets are ≥ 50 % (front page, library home, FOI form), ≥ 25 % (a search), p99 < 100 ms.
"""
import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PORT = int(os.environ.get("GONGKAI_BENCH_PORT", "8109"))
WORKERS = 2
CONNECTIONS = 16
SEARCH = "/policies/search/?" + urllib.parse.urlencode({"q": "政府信息公开"})
PAGES = [  # (label, path, target share of hello world)
    ("首页", "/", 0.50),
    ("政策文件库", "/policies/", 0.50),
    ("依申请公开申请表", "/foi/apply/", 0.50),
    ("政策文件检索", SEARCH, 0.25),
]
P99_LIMIT_MS = 100.0


def port_free() -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", PORT)) != 0


def gunicorn(app: str) -> subprocess.Popen:
    deadline = time.monotonic() + 30
    while not port_free():  # the previous server may still be shutting down
        if time.monotonic() > deadline:
            raise SystemExit(f"port {PORT} is taken: stop whatever listens there first")
        time.sleep(0.3)
    command = [sys.executable, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{PORT}",
               "--workers", str(WORKERS), "--log-level", "warning"]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)


def wait_ready(process: subprocess.Popen, expect: bytes) -> None:
    """Until our server answers "/" with ``expect`` in the page (not some other one)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped (exit {process.returncode})")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=30) as r:
                if expect in r.read():
                    return
        except OSError:  # refused while starting, or a first answer slower than 30 s
            pass
        time.sleep(0.3)
    raise SystemExit(f"server on port {PORT} did not answer")


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(path: str, seconds: int) -> dict:
    url = f"http://127.0.0.1:{PORT}{path}"
    for _ in range(20):  # warm up: fill the page cache and each worker's imports
        urllib.request.urlopen(url, timeout=60).read()
    out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(re.search(r"\s50%\s+(\S+)", out).group(1)),
        "p99": _ms(re.search(r"\s99%\s+(\S+)", out).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per page")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `make bench-portal` installs it (apt-get install wrk)")

    hello = gunicorn("bench.portal.hello:application")
    try:
        wait_ready(hello, b"Hello, world.")
        reference = wrk("/", args.duration)
    finally:
        stop(hello)
    platform = gunicorn("config.wsgi:application")
    try:
        wait_ready(platform, b'class="public-nav"')
        results = [(label, wrk(path, args.duration), target) for label, path, target in PAGES]
    finally:
        stop(platform)

    print(f"\nwrk: {CONNECTIONS} connections, 2 threads, {args.duration} s per page; "
          f"gunicorn: {WORKERS} sync workers; CPU cores: {os.cpu_count()}")
    print(f"{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'share':>8}{'target':>8}  ok   page")
    print(f"{reference['rps']:>8.0f}{reference['p50']:>9.1f}{reference['p99']:>9.1f}"
          f"{'100%':>8}{'':>8}       hello world")
    failed = False
    for label, row, target in results:
        share = row["rps"] / reference["rps"]
        ok = share >= target and row["p99"] < P99_LIMIT_MS and not row["errors"]
        failed |= not ok
        print(f"{row['rps']:>8.0f}{row['p50']:>9.1f}{row['p99']:>9.1f}"
              f"{share:>8.0%}{target:>8.0%}  {'yes' if ok else 'NO ':<4} {label}"
              + (f"  ({row['errors']} errors)" if row["errors"] else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
