"""Where a question's time goes, on a library built by ``run.py`` (nothing is built
here): the statements each question makes (and the round trips they take: PostgreSQL
sends some together), their time, the client's CPU time, the process's resident memory
and, on PostgreSQL, the server process's CPU time. On PostgreSQL the Q&A's tables are
analysed first (``--no-analyze`` to time them as they are).

    .venv/bin/python bench/qa/profile_questions.py --database postgres://USER@127.0.0.1:PORT/DB
"""
import argparse
import os
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def server_cpu(connection) -> float | None:
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def analyze(connection) -> None:
    """The Q&A's tables analysed (PostgreSQL), as autovacuum does in time."""
    from gongkai.qa.models import QaEntry, QaGram, QaIndexedEntry, QaIndexStats, QaPosting, QaTerm

    with connection.cursor() as cursor:
        for model in (QaEntry, QaGram, QaIndexedEntry, QaIndexStats, QaPosting, QaTerm):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


_LIST = re.compile(r"(?:%s, )+%s")  # a list of placeholders: one shape whatever its length


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", required=True)
    parser.add_argument("--questions", type=int, default=400)
    parser.add_argument("--no-analyze", action="store_true",
                        help="time the PostgreSQL tables as they are (no ANALYZE first)")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import benchdb

    sys.path.insert(0, str(benchdb.ROOT))
    import django

    django.setup()
    import evaluate

    from django.db import connection

    from gongkai.qa.models import QaEntry
    from gongkai.qa.retrieval.search import search

    try:  # statements that shared a round trip with another
        from gongkai.core.sql import SENT_TOGETHER as sent_together
    except ImportError:  # code from before statements were sent together
        sent_together = [0]
    if connection.vendor == "postgresql" and not args.no_analyze:
        # A freshly loaded library has no statistics until autovacuum gets to it: the
        # planner then reads the postings with parallel workers, 4× slower.
        analyze(connection)
    questions = [q["question"] for q in evaluate.load_questions()
                 if q.get("split") in ("dev", "dev2")]
    pool = list(QaEntry.objects.order_by("pk").values_list("question", flat=True)[::97])
    mix = [q for pair in zip(questions, pool, strict=False) for q in pair][:args.questions]
    for q in mix[:20]:
        search(q)
    shapes: dict[str, list[float]] = defaultdict(list)
    walls, cpus, counts = [], [], []
    current: list[float] = []

    def wrapper(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            took = (time.perf_counter() - started) * 1000
            shapes[_LIST.sub("%s…", " ".join(sql.split()))[:100]].append(took)
            current.append(took)

    before = server_cpu(connection)
    sent_together[0] = 0
    with connection.execute_wrapper(wrapper):
        for q in mix:
            current.clear()
            started, started_cpu = time.perf_counter(), time.process_time()
            search(q)
            walls.append((time.perf_counter() - started) * 1000)
            cpus.append((time.process_time() - started_cpu) * 1000)
            counts.append(len(current))
    after = server_cpu(connection)
    n = len(walls)

    def pct(values, p):
        ordered = sorted(values)
        return ordered[min(n - 1, int(round(p / 100 * (n - 1))))]

    print(f"{connection.vendor}: {n} questions, load {os.getloadavg()[0]:.1f}")
    print(f"wall p50 {pct(walls, 50):.1f} p95 {pct(walls, 95):.1f}; client CPU p50 "
          f"{pct(cpus, 50):.1f} p95 {pct(cpus, 95):.1f}; statements {sum(counts) / n:.1f}, "
          f"round trips {(sum(counts) - sent_together[0]) / n:.1f}; RSS {rss_mb():.0f} MB"
          + (f"; server CPU mean {(after - before) * 1000 / n:.1f} ms"
             if before is not None else ""))
    for shape, times in sorted(shapes.items(), key=lambda kv: -sum(kv[1]))[:15]:
        print(f"  {len(times):5d} {sum(times):9.1f} {max(times):8.1f}  {shape}")


if __name__ == "__main__":
    main()
