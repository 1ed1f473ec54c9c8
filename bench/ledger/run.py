"""Benchmark of the office matrix page and the full-ledger Excel export.

Run from the repository root:  .venv/bin/python bench/ledger/run.py

Each data size is measured in a child process with its own fresh SQLite file under
bench/ledger/out/, so the two never share a database or a warm cache. The parent
prints the table of figures against the targets and exits 1 if one is missed.
"""
import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "out"
SEED = 20220808
PERIODS = ((1, "第一季度", dt.date(2022, 3, 31)), (2, "第二季度", dt.date(2022, 6, 30)),
           (3, "第三季度", dt.date(2022, 9, 30)), (4, "第四季度", dt.date(2022, 12, 30)))
SIZES = {"full": (64, 80), "small": (16, 20)}
MATRIX_RUNS = 30
EXPORT_RUNS = 3
TARGET_MATRIX_MEDIAN_MS = 300.0
TARGET_EXPORT_S = 5.0


# ---------------------------------------------------------------- child: one size
def setup_django(db_path: Path) -> str:
    if db_path.exists():
        db_path.unlink()
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ["GONGKAI_VAR_DIR"] = str(OUT / "var")
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver,localhost"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    return create_schema()


def create_schema() -> str:
    """Migrate; while the migrations lag behind the models (they are regenerated at the
    end of a change), build the tables straight from the models as the test runner
    does with --nomigrations."""
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
        db.unlink(missing_ok=True)
        settings.MIGRATION_MODULES = {app.label: None for app in apps.get_app_configs()}
        call_command("migrate", run_syncdb=True, verbosity=0)
        return "syncdb"


def generate(n_tasks: int, n_units: int) -> dict:
    """Reproducible data: a plan of n_tasks in 5 parts and 18 sections, every task on
    every unit's list, 4 periods of reports in every state (bulk inserts only)."""
    from django.db import transaction

    from gongkai.orgs.models import Role, Unit, UnitCategory, User
    from gongkai.plans.models import (
        Assignment,
        Evidence,
        Part,
        Plan,
        Report,
        ReportingPeriod,
        Section,
        Task,
    )

    rng = random.Random(SEED)
    with transaction.atomic():
        office = Unit.objects.create(name="区政务公开办", is_office=True, sort_order=0)
        categories = ([UnitCategory.DEPARTMENT] * 5 + [UnitCategory.STREET_TOWN] * 2
                      + [UnitCategory.PARK])
        units = Unit.objects.bulk_create(
            Unit(name=f"区测试单位{i:03d}", short_name=f"单位{i:03d}",
                 category=categories[i % len(categories)], sort_order=i + 1)
            for i in range(n_units))
        plan = Plan.objects.create(year=2022, title="2022年政务公开工作要点分工方案")
        periods = ReportingPeriod.objects.bulk_create(
            ReportingPeriod(plan=plan, number=n, name=name, deadline=d)
            for n, name, d in PERIODS)
        parts = Part.objects.bulk_create(
            Part(plan=plan, number=i + 1, title=f"第{i + 1}部分") for i in range(5))
        sections = Section.objects.bulk_create(
            Section(plan=plan, part=parts[i * 5 // 18], number=i + 1, title=f"项目{i + 1}")
            for i in range(18))
        tasks = Task.objects.bulk_create(
            Task(plan=plan, section=sections[i * 18 // n_tasks], number=i + 1,
                 text=f"第{i + 1}项任务：" + "做好政务公开相关工作，" * rng.randint(2, 8))
            for i in range(n_tasks))
        assignments = Assignment.objects.bulk_create(
            (_assignment(rng, task, unit) for task in tasks for unit in units),
            batch_size=1000)
        reports = Report.objects.bulk_create(
            (r for a in assignments for p in periods if (r := _report(rng, a, p))),
            batch_size=1000)
        Evidence.objects.bulk_create(
            (Evidence(report=r, kind="link", url=f"https://www.example.gov.cn/{r.pk}.html",
                      title="网页截图", is_dead=rng.random() < 0.05)
             for r in reports if r.status != "draft" and rng.random() < 0.3),
            batch_size=1000)
        admin = User.objects.create(username="bench_office", role=Role.OFFICE_ADMIN,
                                    unit=office)
    return {"user_id": admin.pk, "assignments": len(assignments), "reports": len(reports),
            "period_id": periods[2].pk, "year": plan.year}


def _assignment(rng, task, unit):
    from gongkai.plans.models import Assignment

    filled = rng.random() < 0.9
    return Assignment(
        task=task, unit=unit, role=rng.choice(["lead", "implement", "implement", "cooperate"]),
        measures="建立工作台账，定期更新，按时报送推进情况。" if filled else "",
        target="按要求完成任务。" if filled else "",
        due_on=dt.date(2022, 12, 31) if filled else None,
        responsible_dept="办公室" if filled else "", contact_person="张三" if filled else "")


# status weights: draft, submitted, returned, passed
_STATUS = (("draft", 8), ("submitted", 15), ("returned", 7), ("passed", 62))
_STATE = (("not_started", 5), ("in_progress", 45), ("done", 45), ("failed", 5))


def _pick(rng, table):
    return rng.choices([v for v, _ in table], weights=[w for _, w in table])[0]


def _report(rng, assignment, period):
    from django.utils import timezone

    from gongkai.plans.models import Report

    if rng.random() < 0.08:  # never started a report for this period
        return None
    status, state = _pick(rng, _STATUS), _pick(rng, _STATE)
    sent = None
    if status != "draft":
        offset = rng.randint(1, 12) if rng.random() < 0.15 else -rng.randint(0, 20)
        day = period.deadline + dt.timedelta(days=offset)
        sent = timezone.make_aware(dt.datetime.combine(day, dt.time(rng.randint(8, 18))))
    return Report(
        assignment=assignment, period=period, status=status, state=state,
        progress="本季度按计划推进，已在门户网站公开相关信息。" * rng.randint(1, 4),
        failure_reason="受客观条件限制未能按期完成。" if state == "failed" else "",
        first_submitted_at=sent, submitted_at=sent,
        reviewed_at=sent if status in ("returned", "passed") else None,
        review_comment="佐证材料不足，请补充。" if status == "returned" else "",
        return_count=1 if status == "returned" else 0)


def timed_get(client, url: str, params: dict | None = None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(url, params or {})
        if getattr(response, "streaming", False):
            body = b"".join(response.streaming_content)
        else:
            body = response.content
        elapsed = time.perf_counter() - start
    return response, body, elapsed, len(queries)


def measure(size: str, runs: int) -> dict:
    n_tasks, n_units = SIZES[size]
    OUT.mkdir(parents=True, exist_ok=True)
    schema = setup_django(OUT / f"bench-{size}.sqlite3")
    from django.test import Client
    from django.urls import reverse

    from gongkai.orgs.models import User

    start = time.perf_counter()
    data = generate(n_tasks, n_units)
    result = {"size": size, "tasks": n_tasks, "units": n_units, "schema": schema,
              "generate_s": round(time.perf_counter() - start, 2), **data}
    client = Client()
    client.force_login(User.objects.get(pk=data["user_id"]))

    matrix_url = reverse("plans:matrix")
    params = {"year": data["year"], "period": data["period_id"]}
    response, body, _, _ = timed_get(client, matrix_url, params)  # warm-up
    assert response.status_code == 200, response.status_code
    times, counts = [], set()
    for _ in range(runs):
        _, body, elapsed, n_queries = timed_get(client, matrix_url, params)
        times.append(elapsed * 1000)
        counts.add(n_queries)
    times.sort()
    result["matrix"] = {
        "median_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[max(0, int(round(0.95 * len(times))) - 1)], 1),
        "queries": sorted(counts), "bytes": len(body),
        "cells": body.count(b"<td "),
    }
    result["export"] = measure_export(client, data, runs=EXPORT_RUNS if runs > 1 else 1)
    return result


def _export_url(year: int) -> tuple[str, dict] | None:
    from django.urls import NoReverseMatch, reverse

    for args, params in (((), {"year": year}), ((year,), {})):
        try:
            return reverse("plans:ledger_export", args=args), params
        except NoReverseMatch:
            continue
    return None


def measure_export(client, data: dict, runs: int) -> dict:
    found = _export_url(data["year"])
    if found is None:
        return {"missing": "URL plans:ledger_export does not exist"}
    url, params = found
    times, counts, body, status = [], set(), b"", None
    for _ in range(runs):
        response, body, elapsed, n_queries = timed_get(client, url, params)
        status = response.status_code
        times.append(elapsed)
        counts.add(n_queries)
    if status != 200:
        return {"missing": f"HTTP {status} from {url}"}
    return {"max_s": round(max(times), 2), "median_s": round(statistics.median(times), 2),
            "queries": sorted(counts), "bytes": len(body), "rows": _xlsx_rows(body)}


def _xlsx_rows(body: bytes) -> int:
    """Data rows of the first sheet (header rows are those above the first number)."""
    import io

    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(body), read_only=True).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    first = next((i for i, row in enumerate(rows) if isinstance(row[0], int)), len(rows))
    return len(rows) - first


# ---------------------------------------------------------------- parent: the table
def run_child(size: str, runs: int) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    proc = subprocess.run([sys.executable, __file__, "--child", size, "--runs", str(runs)],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"benchmark child for size {size} failed")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def verdict(full: dict, small: dict) -> list[tuple[str, str, str, bool]]:
    """(figure, measured, target, met) rows."""
    m, sm = full["matrix"], small["matrix"]
    rows = [
        ("matrix median", f"{m['median_ms']} ms", f"< {TARGET_MATRIX_MEDIAN_MS:.0f} ms",
         m["median_ms"] < TARGET_MATRIX_MEDIAN_MS),
        ("matrix p95", f"{m['p95_ms']} ms", "(reported)", True),
        ("matrix SQL queries", f"{m['queries']} vs {sm['queries']} (small)", "constant",
         m["queries"] == sm["queries"] and len(m["queries"]) == 1),
        ("matrix cells", f"{m['cells']}", f"= {full['tasks'] * full['units']}",
         m["cells"] == full["tasks"] * full["units"]),
    ]
    e, se = full["export"], small["export"]
    if "missing" in e:
        rows.append(("ledger export", e["missing"], f"< {TARGET_EXPORT_S:.0f} s", False))
        return rows
    rows += [
        ("export time (slowest)", f"{e['max_s']} s (median {e['median_s']} s)",
         f"< {TARGET_EXPORT_S:.0f} s", e["max_s"] < TARGET_EXPORT_S),
        ("export rows", f"{e['rows']}", f"= {full['assignments']}",
         e["rows"] == full["assignments"]),
        ("export size", f"{e['bytes'] / 1024:.0f} KiB", "(reported)", True),
        ("export SQL queries", f"{e['queries']} vs {se.get('queries')} (small)", "constant",
         e["queries"] == se.get("queries") and len(e["queries"]) == 1),
    ]
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", choices=sorted(SIZES))
    parser.add_argument("--runs", type=int, default=MATRIX_RUNS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.runs)))
        return 0
    full = run_child("full", args.runs)
    small = run_child("small", 3)
    print(f"bench/ledger — data: {full['tasks']} tasks × {full['units']} units × "
          f"{len(PERIODS)} periods = {full['assignments']} assignments, "
          f"{full['reports']} reports (seed {SEED}; generated in {full['generate_s']} s); "
          f"small: {small['tasks']} × {small['units']}")
    print(f"matrix: {args.runs} requests after one warm-up, as an office admin\n")
    rows = verdict(full, small)
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    print(f"{'figure':<{widths[0]}}  {'measured':<{widths[1]}}  {'target':<{widths[2]}}  ok")
    for name, measured, target, met in rows:
        print(f"{name:<{widths[0]}}  {measured:<{widths[1]}}  {target:<{widths[2]}}  "
              f"{'yes' if met else 'NO'}")
    (OUT / "result.json").write_text(json.dumps({"full": full, "small": small}, indent=2))
    return 0 if all(r[3] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
