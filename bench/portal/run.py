"""Public pages under load: ``wrk`` against the platform and against Django's hello
world, both behind the same gunicorn settings, interleaved in one run.

    make bench-portal     # or: .venv/bin/python bench/portal/run.py [--rounds 5] [--duration 5]

Both servers run at once, each with 2 sync workers, on loopback ports
(GONGKAI_BENCH_PORT, default 8109, for the platform; GONGKAI_BENCH_HELLO_PORT, default
8110, for hello world); an idle server costs nothing. For each page and round, ``wrk``
(16 connections, 2 threads) measures hello world and the page right after each other,
in alternating order, so both see the same load on a shared machine; a page's figure
is the median over the rounds of its share of hello world's requests per second.
Printed per page: req/s of both, the median share, median and 99th-percentile latency,
the load average while measured, and the targets: ≥ 50 % (front page, library home, FOI
form), ≥ 25 % (a search), p99 < 100 ms. Also printed: the CPU time one request costs
inside the process (``cpu.py``), which the machine's load hardly moves.
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
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


def port_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def gunicorn(app: str, port: int) -> subprocess.Popen:
    deadline = time.monotonic() + 30
    while not port_free(port):  # a previous server may still be shutting down
        if time.monotonic() > deadline:
            raise SystemExit(f"port {port} is taken: stop whatever listens there first")
        time.sleep(0.3)
    command = [sys.executable, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}",
               "--workers", str(WORKERS), "--log-level", "warning"]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)


def wait_ready(process: subprocess.Popen, port: int, expect: bytes) -> None:
    """Until our server answers "/" with ``expect`` in the page (not some other one)."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped (exit {process.returncode})")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as r:
                if expect in r.read():
                    return
        except OSError:  # refused while starting, or a first answer slower than 30 s
            pass
        time.sleep(0.3)
    raise SystemExit(f"server on port {port} did not answer")


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def warm(url: str, headers: dict) -> None:
    for _ in range(20):  # fill the page cache and each worker's imports
        urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=60).read()


def wrk(url: str, seconds: int, headers: dict) -> dict:
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(re.search(r"\s50%\s+(\S+)", out).group(1)),
        "p99": _ms(re.search(r"\s99%\s+(\S+)", out).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
        "load": os.getloadavg()[0],
    }


def measure(args, hello_url: str, base: str) -> list[dict]:
    headers = {"Accept-Encoding": "gzip"} if args.gzip else {}
    rows = []
    for label, path, target in PAGES:
        warm(base + path, headers)
        pairs = []
        for round_ in range(args.rounds):
            sides = [("hello", hello_url), ("page", base + path)]
            if round_ % 2:  # alternate which side goes first
                sides.reverse()
            pair = {side: wrk(url, args.duration, headers) for side, url in sides}
            pair["share"] = pair["page"]["rps"] / pair["hello"]["rps"]
            pairs.append(pair)
        rows.append({"label": label, "path": path, "target": target, "pairs": pairs})
    return rows


def cpu_per_request(args) -> dict:
    """Microseconds of CPU per request inside each process (see cpu.py)."""
    figures = {}
    for side in ("hello", "platform"):
        out = subprocess.run([sys.executable, str(Path(__file__).with_name("cpu.py")), side,
                              str(args.cpu_requests)], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout
        figures.update(json.loads(out))
    return figures


def median(rows: list[dict], *keys) -> float:
    values = []
    for pair in rows:
        value = pair
        for key in keys:
            value = value[key]
        values.append(value)
    return statistics.median(values)


def report(args, rows: list[dict], cpu: dict) -> bool:
    print(f"\nwrk: {CONNECTIONS} connections, 2 threads, {args.duration} s per side, "
          f"{args.rounds} rounds interleaved{', Accept-Encoding: gzip' if args.gzip else ''}; "
          f"gunicorn: {WORKERS} sync workers each; CPU cores: {os.cpu_count()}")
    print("medians over the rounds; share = page req/s ÷ hello world req/s, per round")
    print(f"{'hello':>7}{'page':>7}{'share':>7}{'target':>7}{'p50':>7}{'p99':>7}"
          f"{'hello p99':>10}{'load':>6}{'cpu µs':>8}  ok   page")
    all_ok = True
    for row in rows:
        pairs = row["pairs"]
        share, p99 = median(pairs, "share"), median(pairs, "page", "p99")
        errors = sum(pair["page"]["errors"] for pair in pairs)
        ok = share >= row["target"] and p99 < P99_LIMIT_MS and not errors
        all_ok &= ok
        loads = [pair[side]["load"] for pair in pairs for side in ("hello", "page")]
        print(f"{median(pairs, 'hello', 'rps'):>7.0f}{median(pairs, 'page', 'rps'):>7.0f}"
              f"{share:>7.0%}{row['target']:>7.0%}{median(pairs, 'page', 'p50'):>7.1f}"
              f"{p99:>7.1f}{median(pairs, 'hello', 'p99'):>10.1f}"
              f"{statistics.median(loads):>6.1f}"
              f"{format(cpu[row['path']], '>8.0f') if cpu else '       -'}  "
              f"{'yes' if ok else 'NO ':<4} {row['label']}"
              + (f"  ({errors} errors)" if errors else ""))
        print("       rounds: " + ", ".join(f"{pair['share']:.0%}" for pair in pairs))
    if cpu:
        print(f"cpu µs: CPU time of one request inside the process, gzip not asked "
              f"(cpu.py); hello world's: {cpu['hello']:.0f} µs")
    return all_ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per side and round")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds per page")
    parser.add_argument("--gzip", action="store_true", help="send Accept-Encoding: gzip")
    parser.add_argument("--cpu-requests", type=int, default=300,
                        help="requests per page for the in-process CPU figure (0: skip)")
    parser.add_argument("--json", type=Path, help="also write every measurement here")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `make bench-portal` installs it (apt-get install wrk)")
    port = int(os.environ.get("GONGKAI_BENCH_PORT", "8109"))
    hello_port = int(os.environ.get("GONGKAI_BENCH_HELLO_PORT", "8110"))

    hello = gunicorn("bench.portal.hello:application", hello_port)
    platform = None
    try:
        platform = gunicorn("config.wsgi:application", port)
        wait_ready(hello, hello_port, b"Hello, world.")
        wait_ready(platform, port, b'class="public-nav"')
        rows = measure(args, f"http://127.0.0.1:{hello_port}/", f"http://127.0.0.1:{port}")
    finally:
        stop(hello)
        if platform is not None:
            stop(platform)
    cpu = cpu_per_request(args) if args.cpu_requests else {}
    ok = report(args, rows, cpu)
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "cpu": cpu}, ensure_ascii=False,
                                        indent=1))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
