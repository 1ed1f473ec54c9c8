"""Where a search's time goes, on a database built by ``run.py`` (nothing is loaded):
the statements each query makes (how many, how long each kind took) and the Python
time left over, for the same queries ``run.py`` times.

    .venv/bin/python bench/search/profile_queries.py --out /tmp/s20k --docs 20000
    .venv/bin/python bench/search/profile_queries.py --out /tmp/s20k --docs 20000 \\
        --database-url postgres://USER@127.0.0.1:PORT/gk_bench_search --slowest 5

Per query: wall time, statements, database time; then each statement shape (its first
words) with its count and total time over all queries; ``--slowest N`` prints the N
slowest queries with their statements; ``--explain`` runs EXPLAIN (ANALYZE, BUFFERS) /
EXPLAIN QUERY PLAN on the slowest query's slowest statements.
"""
import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--docs", type=int, required=True)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--database-url")
    parser.add_argument("--slowest", type=int, default=3)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--cprofile", type=Path, help="write cProfile stats here")
    args = parser.parse_args()
    os.environ["GONGKAI_BENCH_OUT"] = str(args.out.resolve())
    sys.path[:0] = [str(HERE)]
    import run

    url = args.database_url or f"sqlite:///{args.out.resolve() / 'bench.sqlite3'}"
    run.setup_django(url, fresh=False)
    import corpus

    from django.db import connection

    from gongkai.policies import search

    loaded = run.loaded_state()
    ids = loaded["ids"]
    queries = corpus.queries(args.queries, [(ids.index(pk), number)
                                            for pk, number in loaded["numbers"]])
    statements: list[tuple[str, list, float]] = []

    def wrapper(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            statements.append((sql, params, time.perf_counter() - started))

    for q in queries[:3]:
        search.search_documents(query=q.text, user=None, limit=20)
    per_query = []
    shapes: dict[str, list[float]] = defaultdict(list)
    import cProfile
    with connection.execute_wrapper(wrapper):
        for q in queries:
            statements.clear()
            started = time.perf_counter()
            cpu = time.process_time()
            profiler = cProfile.Profile() if args.cprofile else None
            if profiler:
                profiler.enable()
            search.search_documents(query=q.text, user=None, limit=20)
            if profiler:
                profiler.disable()
            wall = (time.perf_counter() - started) * 1000
            cpu = (time.process_time() - cpu) * 1000
            db = sum(s[2] for s in statements) * 1000
            per_query.append((wall, cpu, db, q, list(statements), profiler))
            for sql, _params, took in statements:
                shapes[" ".join(sql.split())[:90]].append(took * 1000)
    if args.cprofile:
        # The slowest twentieth of the queries (the p95's), their profiles merged.
        import pstats

        tail = sorted(per_query, key=lambda p: -p[0])
        tail = tail if os.environ.get("PROFILE_ALL") else tail[:max(1, len(tail) // 20)]
        stats = pstats.Stats(tail[0][5])
        for p in tail[1:]:
            stats.add(p[5])
        stats.dump_stats(str(args.cprofile))
    report(args, connection, per_query, shapes)


def report(args, connection, per_query, shapes) -> None:
    walls = sorted(p[0] for p in per_query)

    def pct(values, p):
        return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

    n = len(per_query)
    print(f"{connection.vendor}, {args.docs} documents, {n} queries")
    print(f"wall p50 {pct(walls, 50):.1f} p95 {pct(walls, 95):.1f} ms; "
          f"mean wall {sum(walls) / n:.1f}, python CPU {sum(p[1] for p in per_query) / n:.1f},"
          f" database {sum(p[2] for p in per_query) / n:.1f} ms, statements "
          f"{sum(len(p[4]) for p in per_query) / n:.1f} a query")
    by_kind = defaultdict(list)
    for p in per_query:
        by_kind[p[3].kind].append(p[0])
    print("p95 by kind: " + ", ".join(f"{k} {pct(sorted(v), 95):.1f}"
                                      for k, v in sorted(by_kind.items())))
    print("\nstatement shapes (count, total ms, max ms):")
    for shape, times in sorted(shapes.items(), key=lambda kv: -sum(kv[1]))[:25]:
        print(f"  {len(times):5d} {sum(times):9.1f} {max(times):8.1f}  {shape}")
    slowest = sorted(per_query, key=lambda p: -p[0])[:args.slowest]
    for wall, cpu, db, q, stmts, _prof in slowest:
        print(f"\n{q.kind} {q.text!r}: wall {wall:.1f} ms, CPU {cpu:.1f}, db {db:.1f}, "
              f"{len(stmts)} statements")
        for sql, _params, took in stmts:
            print(f"   {took * 1000:7.1f}  {' '.join(sql.split())[:110]}")
    if args.explain and slowest:
        _explain(connection, slowest[0][4])


def _explain(connection, stmts) -> None:
    for sql, params, took in sorted(stmts, key=lambda s: -s[2])[:2]:
        prefix = ("EXPLAIN (ANALYZE, BUFFERS) " if connection.vendor == "postgresql"
                  else "EXPLAIN QUERY PLAN ")
        with connection.cursor() as cursor:
            cursor.execute(prefix + sql, params)
            print(f"\n{took * 1000:.1f} ms: {' '.join(sql.split())[:300]}")
            for row in cursor.fetchall():
                print("   ", " | ".join(str(c) for c in row))


if __name__ == "__main__":
    main()
