"""Benchmark of the disclosure-application clock and the annual-report statistics.

Run from the repository root:  .venv/bin/python bench/foi/run.py [--n 1000000]

(a) Due dates: N reproducible clock inputs (receipts over 2024–2026, some supplements
    restarting the clock, some pauses, some extensions) computed with
    ``gongkai.workdays.calendar.compute_due`` on a calendar seeded from the
    chinese-calendar package, and with a straightforward day-by-day loop (the
    reference). Every result is compared; throughput of both and the ratio are printed.
(b) Statistics: N applications (and 1 % appealed) bulk-loaded into a separate SQLite
    file under bench/foi/out/; tables 三 and 四 for the district and one unit are timed
    at 10,000 rows and again at N rows, with the SQL queries counted: the count must be
    the same at both sizes. Exits 1 if a check fails.
"""
import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "out"
SEED = 20260101
SMALL = 10_000
UNITS = 80
YEAR = 2025
sys.path.insert(0, str(ROOT))


# ---------------------------------------------------------------- (a) due dates
def package_calendar():
    """The calendar as ``calendar_seed_from_package`` stores it, without a database."""
    from chinese_calendar.constants import holidays, workdays

    from gongkai.workdays.calendar import Calendar

    years = frozenset({d.year for d in holidays} | {d.year for d in workdays})
    return Calendar(holidays=frozenset(d for d in holidays if d.weekday() < 5),
                    workdays=frozenset(d for d in workdays if d.weekday() >= 5),
                    loaded_years=years)


def clock_inputs(n: int, rng: random.Random) -> list[tuple]:
    """(received, restarts, pauses, extended): 15 % restarted by a supplement, 12 %
    with one or two pauses, 8 % extended."""
    first = dt.date(2024, 1, 1).toordinal()
    span = dt.date(2026, 12, 31).toordinal() - first + 1
    inputs = []
    for _ in range(n):
        received = dt.date.fromordinal(first + rng.randrange(span))
        day0 = received
        restarts = ()
        if rng.random() < 0.15:
            day0 = received + dt.timedelta(days=rng.randint(1, 12))
            restarts = (day0,)
        pauses = ()
        if rng.random() < 0.12:
            start = day0 + dt.timedelta(days=rng.randint(1, 20))
            pauses = ((start, start + dt.timedelta(days=rng.randint(1, 25))),)
            if rng.random() < 0.3:
                again = pauses[0][1] + dt.timedelta(days=rng.randint(-3, 10))
                pauses += ((again, again + dt.timedelta(days=rng.randint(0, 15))),)
        inputs.append((received, restarts, pauses, rng.random() < 0.08))
    return inputs


def reference_due(calendar, received, restarts, pauses, extended) -> dt.date:
    """Walk day by day from day 0, counting working days outside every pause."""
    day = max((received, *restarts))
    counted, total = 0, 40 if extended else 20
    while counted < total:
        day += dt.timedelta(days=1)
        if calendar.is_workday(day) and not any(f < day <= t for f, t in pauses):
            counted += 1
    return day


def bench_due_dates(n: int) -> tuple[list[tuple[str, str]], bool]:
    from gongkai.workdays.calendar import compute_due

    calendar = package_calendar()
    inputs = clock_inputs(n, random.Random(SEED))
    compute_due(calendar, dt.date(2024, 1, 1))  # builds the calendar's index once
    t0 = time.perf_counter()
    fast = [compute_due(calendar, r, restarts=rs, pauses=ps, extended=ex).due
            for r, rs, ps, ex in inputs]
    t_fast = time.perf_counter() - t0
    t0 = time.perf_counter()
    slow = [reference_due(calendar, *item) for item in inputs]
    t_slow = time.perf_counter() - t0
    mismatches = [i for i, (a, b) in enumerate(zip(fast, slow, strict=True)) if a != b]
    provisional = sum(1 for d in fast if not calendar.is_loaded(d.year))
    rows = [
        ("clock inputs", f"{n:,} (restart 15 %, pause 12 %, extension 8 %)"),
        ("calendar years loaded", f"{min(calendar.loaded_years)}–{max(calendar.loaded_years)}"),
        ("due dates in an unloaded year (provisional)", f"{provisional:,}"),
        ("compute_due", f"{t_fast:.2f} s  ({n / t_fast:,.0f} /s)"),
        ("day-by-day reference", f"{t_slow:.2f} s  ({n / t_slow:,.0f} /s)"),
        ("speed-up", f"{t_slow / t_fast:.1f}×"),
        ("results compared / disagreeing", f"{n:,} / {len(mismatches):,}"),
    ]
    for i in mismatches[:5]:
        rows.append(("  mismatch", f"{inputs[i]} → {fast[i]} vs {slow[i]}"))
    return rows, not mismatches


# ---------------------------------------------------------------- (b) statistics
def setup_django(db_path: Path) -> str:
    OUT.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ["GONGKAI_VAR_DIR"] = str(OUT / "var")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    return create_schema()


def create_schema() -> str:
    """Migrate; while the migrations lag behind the models (they are regenerated at the
    end of a change), build the tables from the models as --nomigrations does."""
    from io import StringIO

    from django.apps import apps
    from django.conf import settings
    from django.core.management import call_command

    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())
        call_command("migrate", verbosity=0)
        return "migrate"
    except (SystemExit, Exception):  # noqa: BLE001 - any failure means: use syncdb
        from django.db import connection

        connection.close()
        db = Path(settings.DATABASES["default"]["NAME"])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        settings.MIGRATION_MODULES = {app.label: None for app in apps.get_app_configs()}
        call_command("migrate", run_syncdb=True, verbosity=0)
        return "syncdb"


# (value, weight) tables for the generated applications.
APPLICANT_TYPES = (("natural", 70), ("commercial", 14), ("research", 3), ("non_profit", 3),
                   ("legal_service", 6), ("other_org", 4))
OUTCOMES = (("1", 30), ("2", 18), ("3.1", 1), ("3.2", 1), ("3.3", 1), ("3.4", 3), ("3.5", 2),
            ("3.6", 3), ("3.7", 1), ("3.8", 2), ("4.1", 20), ("4.2", 3), ("4.3", 1),
            ("5.1", 2), ("5.2", 2), ("5.3", 1), ("5.4", 1), ("5.5", 1), ("6.1", 4),
            ("6.2", 1), ("6.3", 2))
APPEAL_KINDS = ("reconsideration", "reconsideration", "litigation_direct", "litigation_after")
APPEAL_RESULTS = ("upheld", "upheld", "corrected", "other", "pending")
AS_OF = dt.date(2026, 6, 30)  # the day the generated history stops


def make_units() -> list[int]:
    from gongkai.orgs.models import Unit

    Unit.objects.create(name="区政务公开办", is_office=True, sort_order=0)
    units = Unit.objects.bulk_create(Unit(name=f"区测试单位{i:03d}", sort_order=i + 1)
                                     for i in range(UNITS))
    return [u.pk for u in units]


def _constant_columns() -> tuple[list[str], list]:
    """Every Application column not generated per row, with its stored default."""
    from django.db import connection
    from django.utils import timezone

    from gongkai.foi.models import Application

    varying = {"id", "unit", "applicant_type", "received_on", "replied_on", "status",
               "outcome", "query_code", "due_on"}
    defaults = {"submitted_at": timezone.now(), "applicant_name": "申请人",
                "id_type": "resident_id", "id_number": "11010519491231002X",
                "phone": "13800138000", "description": "请公开有关政府信息。",
                "channel": "online"}
    names, values = [], []
    for f in Application._meta.concrete_fields:
        if f.name in varying:
            continue
        value = defaults[f.name] if f.name in defaults else f.get_default()
        names.append(f.column)
        values.append(f.get_db_prep_save(value, connection))
    return names, values


def _application_rows(rng, start_id: int, count: int, unit_ids: list[int]):
    types, type_w = zip(*APPLICANT_TYPES, strict=True)
    outcomes, outcome_w = zip(*OUTCOMES, strict=True)
    first = dt.date(2023, 1, 1).toordinal()
    span = AS_OF.toordinal() - first + 1
    for i in range(start_id, start_id + count):
        received = dt.date.fromordinal(first + rng.randrange(span))
        replied = received + dt.timedelta(days=rng.randint(0, 45))
        if rng.random() < 0.01:  # not yet confirmed as received
            yield (i, rng.choice(unit_ids), rng.choices(types, type_w)[0], None, None,
                   "pending", "", f"B{i:010d}", None)
        elif replied > AS_OF:
            yield (i, rng.choice(unit_ids), rng.choices(types, type_w)[0],
                   received.isoformat(), None, "processing", "", f"B{i:010d}",
                   (received + dt.timedelta(days=28)).isoformat())
        else:
            yield (i, rng.choice(unit_ids), rng.choices(types, type_w)[0],
                   received.isoformat(), replied.isoformat(), "replied",
                   rng.choices(outcomes, outcome_w)[0], f"B{i:010d}",
                   (received + dt.timedelta(days=28)).isoformat())


def load_applications(rng, start_id: int, count: int, unit_ids: list[int]) -> None:
    """Rows straight into the table with executemany in batches of 50,000: the ORM's
    per-object work would dominate at a million rows."""
    from django.db import connection, transaction

    from gongkai.foi.models import Appeal, Application

    names, constants = _constant_columns()
    columns = ["id", "unit_id", "applicant_type", "received_on", "replied_on", "status",
               "outcome", "query_code", "due_on", *names]
    sql = (f'INSERT INTO "{Application._meta.db_table}" ({", ".join(columns)}) '
           f'VALUES ({", ".join(["%s"] * len(columns))})')
    constants = tuple(constants)
    batch, appeals = [], []
    with transaction.atomic(), connection.cursor() as cursor:
        for row in _application_rows(rng, start_id, count, unit_ids):
            batch.append(row + constants)
            if row[4] and rng.random() < 0.01:
                appeals.append(_appeal(rng, row))
            if len(batch) == 50_000:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
        Appeal.objects.bulk_create(appeals, batch_size=5000)


def _appeal(rng, row):
    from gongkai.foi.models import Appeal

    filed = dt.date.fromisoformat(row[4]) + dt.timedelta(days=rng.randint(5, 60))
    result = rng.choice(APPEAL_RESULTS)
    decided = filed + dt.timedelta(days=rng.randint(30, 90)) if result != "pending" else None
    return Appeal(application_id=row[0], kind=rng.choice(APPEAL_KINDS), filed_on=filed,
                  result=result, decided_on=decided)


def time_tables(unit_id: int, repeats: int = 3) -> dict:
    """Best-of-``repeats`` seconds and the query count of each table, district and unit."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from gongkai.foi.selectors.stats import check_consistency, table_four, table_three
    from gongkai.orgs.models import Unit

    unit = Unit.objects.get(pk=unit_id)
    results = {}
    for name, fn, kwargs in (("三 district", table_three, {}),
                             ("三 one unit", table_three, {"unit": unit}),
                             ("四 district", table_four, {}),
                             ("四 one unit", table_four, {"unit": unit})):
        best, queries, table = None, None, None
        for _ in range(repeats):
            with CaptureQueriesContext(connection) as ctx:
                t0 = time.perf_counter()
                table = fn(year=YEAR, **kwargs)
                elapsed = time.perf_counter() - t0
            best = elapsed if best is None else min(best, elapsed)
            queries = len(ctx.captured_queries)
        consistent = not check_consistency(table) if name.startswith("三") else True
        results[name] = (best, queries, consistent, table)
    return results


def bench_statistics(n: int) -> tuple[list[tuple[str, str]], bool]:
    db_path = OUT / "foi_stats.sqlite3"
    schema = setup_django(db_path)
    from django.db import connection

    from gongkai.foi.models import Application

    rng = random.Random(SEED)
    unit_ids = make_units()
    sizes, measured = [s for s in (SMALL, n) if s <= n], {}
    loaded, load_seconds = 0, 0.0
    for size in dict.fromkeys(sizes):
        t0 = time.perf_counter()
        load_applications(rng, loaded + 1, size - loaded, unit_ids)
        load_seconds += time.perf_counter() - t0
        loaded = size
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        measured[size] = time_tables(unit_ids[0])
    total = Application.objects.count()
    rows = [("schema", schema), ("database", str(db_path.relative_to(ROOT))),
            ("applications loaded", f"{total:,} in {load_seconds:.1f} s "
                                    f"({total / load_seconds:,.0f} rows/s)")]
    ok = True
    for name in measured[sizes[0]]:
        counts = {size: measured[size][name][1] for size in measured}
        same = len(set(counts.values())) == 1
        consistent = all(measured[size][name][2] for size in measured)
        ok = ok and same and consistent
        figures = "   ".join(f"{size:>9,} rows: {measured[size][name][0] * 1000:8.1f} ms, "
                             f"{measured[size][name][1]} quer{'y' if counts[size] == 1 else 'ies'}"
                             for size in measured)
        rows.append((f"table {name} {YEAR}", f"{figures}   "
                                             f"{'same' if same else 'DIFFERENT'} query count"
                                             f"{'' if consistent else ', INCONSISTENT'}"))
    district = measured[sizes[-1]]["三 district"][3]
    rows.append((f"district {YEAR}: 一 / 二 / 三(七) / 四 (总计)",
                 " / ".join(str(district.row(k).values["total"])
                            for k in ("new", "carried", "closed", "forward"))))
    four = measured[sizes[-1]]["四 district"][3]
    rows.append((f"district {YEAR}: table 四", " ".join(map(str, four.numbers()))))
    return rows, ok


def print_table(title: str, rows: list[tuple[str, str]]) -> None:
    width = max(len(k) for k, _v in rows) + 2
    print(f"\n{title}\n{'-' * len(title)}")
    for key, value in rows:
        print(f"{key:<{width}}{value}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="applications (default 1e6)")
    parser.add_argument("--part", choices=("all", "due", "stats"), default="all")
    args = parser.parse_args()
    if args.n < 1:
        parser.error("--n must be at least 1")
    ok = True
    if args.part in ("all", "due"):
        rows, good = bench_due_dates(args.n)
        print_table("(a) due dates: compute_due vs a day-by-day loop", rows)
        ok = ok and good
    if args.part in ("all", "stats"):
        rows, good = bench_statistics(args.n)
        print_table(f"(b) annual-report statistics over {args.n:,} applications", rows)
        ok = ok and good
    print("\nresult:", "all checks passed" if ok else "A CHECK FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
