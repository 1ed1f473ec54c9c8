"""Two versions of the code timed query by query in the same moments, on a database
``run.py`` built (nothing is loaded): each of ``run.py``'s queries is asked of version A
and of version B in turn (who goes first alternates), each in a process of its own, so
both meet the machine's load of the same moment — on a shared machine it changes by
half within minutes, more than most changes move a p95 between two runs.

    .venv/bin/python bench/search/paired.py --out /tmp/s100k --docs 100000 \\
        --database-url postgres://USER@127.0.0.1:PORT/gk_bench_search \\
        /tmp/base-checkout /work/wt/BRANCH --rounds 3

A and B are checkouts (each with its ``.venv``). Per side: wall p50/p95/p99 and mean,
the process's CPU, and on PostgreSQL the server process's CPU (``/proc``, in 10 ms
ticks: a mean over many queries); how many answers (total, page-1 ids) differ; with
``--json``, each query's figures. A later round asks the queries again with the
processes' caches warm (the first is as ``run.py`` times them).
"""
import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def worker(code: str, url: str, out_fd: int) -> None:
    """Answer the queries read from stdin (one JSON string a line) with ``code``'s
    search; write [wall ms, CPU ms, server CPU ms, total, page-1 ids] to ``out_fd``."""
    sys.path[:0] = [str(Path(code) / "bench" / "search"), code]
    import run

    run.setup_django(url, fresh=False)
    from django.db import connection

    from gongkai.policies import search

    try:  # as a web worker starts (a checkout from before 2026-12-05 has no warm-up)
        from gongkai.policies.search.warm import warm_process
    except ImportError:
        warm_process = list
    warm_process()
    pid = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
    tick_ms = 1000 / os.sysconf("SC_CLK_TCK")

    def server_ms() -> float:
        if pid is None:
            return 0.0
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * tick_ms

    out = os.fdopen(out_fd, "w")
    out.write("ready\n")
    out.flush()
    for line in sys.stdin:
        query = json.loads(line)
        server, cpu, started = server_ms(), time.process_time(), time.perf_counter()
        result = search.search_documents(query=query, user=None, limit=20)
        wall = (time.perf_counter() - started) * 1000
        out.write(json.dumps([wall, (time.process_time() - cpu) * 1000, server_ms() - server,
                              result.total, [hit.document.pk for hit in result.hits]]) + "\n")
        out.flush()


class Side:
    """A worker process of one checkout."""

    def __init__(self, code: str, url: str):
        read, write = os.pipe()
        self.process = subprocess.Popen(
            [str(Path(code) / ".venv" / "bin" / "python"), __file__, "--worker", code, url,
             str(write)], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
            cwd=code, pass_fds=(write,), env={**os.environ, "GONGKAI_BENCH_OUT":
                                               os.environ["GONGKAI_BENCH_OUT"]})
        os.close(write)
        self.answers = os.fdopen(read)
        if self.answers.readline().strip() != "ready":
            sys.exit(f"{code}: the worker did not start")

    def ask(self, query: str) -> list:
        self.process.stdin.write(json.dumps(query, ensure_ascii=False) + "\n")
        self.process.stdin.flush()
        return json.loads(self.answers.readline())

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--docs", type=int, required=True)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--database-url")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write each query's figures here")
    args = parser.parse_args()
    os.environ["GONGKAI_BENCH_OUT"] = str(args.out.resolve())
    url = args.database_url or f"sqlite:///{args.out.resolve() / 'bench.sqlite3'}"
    sys.path[:0] = [str(HERE)]
    import run

    run.setup_django(url, fresh=False)
    import corpus

    loaded = run.loaded_state()
    ids = loaded["ids"]
    queries = corpus.queries(args.queries, [(ids.index(pk), number)
                                            for pk, number in loaded["numbers"]])
    sides = [Side(os.path.abspath(code), url) for code in (args.a, args.b)]
    for q in queries[:3]:  # as run.py warms up
        for side in sides:
            side.ask(q.text)
    figures: list[list] = [[], []]
    for round_ in range(args.rounds):
        for i, q in enumerate(queries):
            for k in ((0, 1) if (i + round_) % 2 == 0 else (1, 0)):
                figures[k].append([*sides[k].ask(q.text), q.kind, q.text])
    for side in sides:
        side.close()
    for name, rows in zip("AB", figures, strict=True):
        walls = [row[0] for row in rows]
        print(f"{name}: wall p50 {percentile(walls, 50):.1f} p95 {percentile(walls, 95):.1f} "
              f"p99 {percentile(walls, 99):.1f} mean {sum(walls) / len(walls):.1f} ms; "
              f"CPU mean {sum(row[1] for row in rows) / len(rows):.2f}, server CPU mean "
              f"{sum(row[2] for row in rows) / len(rows):.2f} ms")
    differ = sum(1 for a, b in zip(*figures, strict=True) if a[3:5] != b[3:5])
    print(f"answers that differ: {differ} of {len(figures[0])}")
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
