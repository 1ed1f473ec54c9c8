"""Benchmark of measured progress and the assessment (issue 12).

Run from the repository root:  .venv/bin/python bench/reports/run.py [--applications N]
(or ``make bench-reports``). Set ``DATABASE_URL`` to run on PostgreSQL instead of the
SQLite file under bench/reports/out/ (the database is emptied first).

Data (seeded, reproducible): 80 units, a 64-task plan with every unit on every task and
every task linked to an indicator, 1,000,000 disclosure applications and 100,000 leader
messages, plus meetings, work records, catalog items, policy documents, Q&A questions
and evidence links. Measured:

(a) every linked indicator for 80 units × 64 tasks over the year — all 5,120 unit cells
    and the 64 district figures — timed (best of 3) and its SQL queries counted, at a
    small size (10,000 applications, 1,000 messages) and at full size: the count must
    be the same, the time under 5 s;
(b) the assessment page (``/reports/assessment/``, the office logged in) requested 15
    times: median under 300 ms.
Exits 1 if a check fails.
"""
import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "out"
SEED = 20250101
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _fast_loading() -> None:
    """The benchmark database is thrown away: SQLite need not sync every batch."""
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=OFF")


def setup_django() -> str:
    OUT.mkdir(parents=True, exist_ok=True)
    if "DATABASE_URL" not in os.environ:
        db = OUT / "reports.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ["GONGKAI_VAR_DIR"] = str(OUT / "var")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        call_command("flush", "--noinput", verbosity=0)
    call_command("migrate", verbosity=0)
    _fast_loading()
    return connection.vendor


def measure_all(plan, unit_ids) -> tuple[float, int, int]:
    """Best-of-3 seconds, the query count and the number of figures."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from gongkai.reports.selectors.progress import measured_progress, year_range

    start, end = year_range(plan.year)
    best, queries, figures = None, 0, 0
    for _ in range(3):
        with CaptureQueriesContext(connection) as ctx:
            t0 = time.perf_counter()
            measured = measured_progress(year=plan.year, start=start, end=end, fresh=True)
            figures = sum(len(measured.figures(n, u)) for n in range(1, 65)
                          for u in [*unit_ids, None])
            elapsed = time.perf_counter() - t0
        best = elapsed if best is None else min(best, elapsed)
        queries = len(ctx.captured_queries)
    return best, queries, figures


def assessment_page(admin, year: int, repeats: int = 15) -> tuple[float, int, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(admin)
    url = f"/reports/assessment/?year={year}&scope=year"
    assert client.get(url).status_code == 200  # creates the default scheme
    times = []
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as ctx:
            t0 = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - t0)
        assert response.status_code == 200
    return statistics.median(times), len(ctx.captured_queries), response.content.count(
        b"<tr>") - 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=1_000_000)
    parser.add_argument("--messages", type=int, default=100_000)
    args = parser.parse_args()
    vendor = setup_django()
    import data

    from django.db import connection

    from gongkai.foi.models import Application
    from gongkai.participation.models import Message

    rng = random.Random(SEED)
    t0 = time.perf_counter()
    office, unit_ids, admin = data.make_people()
    plan = data.make_plan(rng, unit_ids, office.pk)
    data.small_records(rng, unit_ids)
    small_apps, small_msgs = min(10_000, args.applications), min(1_000, args.messages)
    data.applications(rng, small_apps, unit_ids)
    data.messages(rng, small_msgs, unit_ids)
    print(f"database: {vendor}; small data loaded in {time.perf_counter() - t0:.1f} s")
    small = measure_all(plan, unit_ids)

    t0 = time.perf_counter()
    with connection.cursor() as cursor:  # start again with the full sets
        cursor.execute(f'DELETE FROM "{Application._meta.db_table}"')
        cursor.execute(f'DELETE FROM "{Message._meta.db_table}"')
    n_apps = data.applications(rng, args.applications, unit_ids)
    n_msgs = data.messages(rng, args.messages, unit_ids)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    load = time.perf_counter() - t0
    print(f"full data: {n_apps:,} applications, {n_msgs:,} messages generated in "
          f"{load:.1f} s")
    full = measure_all(plan, unit_ids)
    median, page_queries, rows = assessment_page(admin, plan.year)

    ok = small[1] == full[1] and full[0] < 5 and median < 0.3
    print(f"\nindicators, {len(unit_ids)} units × 64 tasks + district, year {plan.year}")
    for name, (seconds, queries, figures) in (("small", small), ("full", full)):
        print(f"  {name:<6} {seconds * 1000:8.1f} ms  {queries:3d} queries  "
              f"{figures:,} figures")
    print(f"  query count {'the same' if small[1] == full[1] else 'DIFFERENT'}; "
          f"full-size time {'under' if full[0] < 5 else 'OVER'} 5 s")
    print(f"assessment page: median {median * 1000:.1f} ms over 15 requests, "
          f"{page_queries} queries, {rows} result rows "
          f"({'under' if median < 0.3 else 'OVER'} 300 ms)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
