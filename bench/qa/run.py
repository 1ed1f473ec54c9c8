"""Benchmark of the policy Q&A answering, on questions written blind (questions.tsv):

    .venv/bin/python bench/qa/run.py                      # accuracy, then latency at 100,000
    .venv/bin/python bench/qa/run.py --size 0             # accuracy only, dev and test
    .venv/bin/python bench/qa/run.py --split dev --size 0 --misses  # tuning: dev only
    .venv/bin/python bench/qa/run.py --split dev --fit    # confidence weights from dev
    .venv/bin/python bench/qa/run.py --calibrate          # thresholds from the dev split
    .venv/bin/python bench/qa/run.py --database postgres://…  # on PostgreSQL

Accuracy is measured over the evaluation library (bench/qa/library.py: the demo's 110
entries and 320 written for the bench) with the thresholds stored in QaSettings' defaults
(unless --answer/--suggest are given). Latency: a library of --size entries generated
reproducibly (--seed) from the evaluation library, the index built once, then each blind
question and as many generated entries' questions asked in a fresh process, whose
resident memory is reported; then the time to change one entry's phrasings and to add
one lexicon variant (each a commit, followed by a question that must see it).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import benchdb  # noqa: E402
import evaluate  # noqa: E402


def defaults() -> tuple[float, float]:
    from gongkai.qa.models import QaSettings

    fields = QaSettings._meta
    return (fields.get_field("answer_threshold").default,
            fields.get_field("suggest_threshold").default)


def chosen_splits(split: str) -> set[str]:
    known = {q["split"] for q in evaluate.load_questions()}
    chosen = {"both": {"dev", "test"}, "tune": set(evaluate.TUNING), "all": known,
              # the tuning splits and the held-out sets already measured (development
              # material from round 5 on)
              "measured": {"dev", "dev2", "test3", "test4", "test5", "test6",
                           "test7", "test8", "test9", "test10",
                           "test11", "test12", "test13", "test14",
                           "test15", "test16"}}.get(split, {split})
    if not chosen <= known:
        raise SystemExit(f"no question of split {split}: the splits are {', '.join(sorted(known))}")
    return chosen


def accuracy(args) -> None:
    splits = chosen_splits(args.split)
    start = time.perf_counter()
    ids = benchdb.load_entries(benchdb.library_rows())
    print(f"library: {len(ids)} entries indexed in {time.perf_counter() - start:.1f} s")
    results = evaluate.run_questions(evaluate.load_questions(), ids, splits,
                                     limit=5)
    if args.fit:
        print("fitted on the tuning splits:", evaluate.fit(results))
        return
    answer, suggest = defaults()
    if args.calibrate:
        dev = [r for r in results if r.split in evaluate.TUNING]
        answer, suggest = evaluate.calibrate(dev)
        print(f"calibrated on dev and dev2: answer threshold {answer}, suggest threshold {suggest}")
    answer = args.answer if args.answer is not None else answer
    suggest = args.suggest if args.suggest is not None else suggest
    print(f"thresholds: answer {answer}, suggest {suggest}\n")
    _table("split", {(s,): evaluate.metrics([r for r in results if r.split == s],
                                            answer, suggest) for s in sorted(splits)})
    print()
    _table("split / kind", evaluate.by_kind(results, answer, suggest))
    if args.misses:
        names = {v: k for k, v in ids.items()}
        print("\ntuning misses (question → expected | shown, * = answered directly):")
        for r, _shown, answered in evaluate.misses(results, answer, suggest,
                                                   set(args.misses_of.split(","))):
            got = ", ".join(f"{names[pk]}:{c}" for pk, c in r.ranked[:3])
            print(f"  [{r.kind}] {r.question} → {names.get(r.expect, '—')} | "
                  f"{'*' if answered else ''}{got}")


def _table(label: str, rows: dict) -> None:
    print(f"{label:<24} {'n':>4} {'top-1':>6} {'top-3':>6} {'answered':>8} {'ans.ok':>7} "
          f"{'abstain':>7} {'wrong':>6} {'ooscope':>7} {'to unit':>7} {'misread':>7}")
    for key, m in rows.items():
        cells = [m["top1"], m["top3"], m["answered"], m["answered_right"], m["abstention"],
                 m["wrong_confident"], m["out_recognised"], m["out_forwarded"]]
        text = " ".join(f"{v:>6.1%}" if v == v else f"{'—':>6}" for v in cells)
        print(f"{' / '.join(key):<24} {m['n']:>4} {text} {m['misread']:>7}")


def build_large(args) -> None:
    start = time.perf_counter()
    library = benchdb.library_rows()  # already stored by the accuracy run
    rows = benchdb.generated_rows(args.size, args.seed)[len(library):]
    generated = time.perf_counter() - start
    start = time.perf_counter()
    benchdb.load_entries(rows)
    from django.db import connection

    if connection.vendor == "postgresql":  # as autovacuum would, before anything is timed
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"\n{args.size} entries: generated in {generated:.1f} s, stored and indexed in "
          f"{time.perf_counter() - start:.1f} s (the whole index rebuilt once)")


def _rss_mb() -> float:
    """This process's resident memory now (not its peak)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_rss_mb() -> float:
    """This process's peak resident memory since it started (``VmHWM``). Not
    ``getrusage``'s ``ru_maxrss``: Linux carries that across ``exec``, so in this fresh
    process it would report the parent's peak — the parent that built the 100,000
    entries (4.6 GB), not anything the asking process did."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def latency(args) -> dict:
    """In a fresh process (``--measure``): questions timed, memory, update times."""
    from django.db import transaction

    from gongkai.lexicon.services import term_variant_add
    from gongkai.qa.models import QaEntry
    from gongkai.qa.retrieval.search import search

    # The questions of the run's splits only (``--split tune`` times no held-out one).
    splits = chosen_splits(args.split)
    questions = [q["question"] for q in evaluate.load_questions() if q["split"] in splits]
    pool = list(QaEntry.objects.order_by("?").values_list("question", flat=True)[:args.queries])
    mix = (questions + pool)[:max(args.queries, len(questions))]
    for q in mix[:30]:
        search(q)
    times, cpu = [], []
    for q in mix:
        start, start_cpu = time.perf_counter(), time.process_time()
        search(q)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    cpu.sort()
    rss_questions = _rss_mb()
    entry = QaEntry.objects.order_by("pk").first()
    updates = []
    for i in range(10):
        start = time.perf_counter()
        with transaction.atomic():
            entry.alternatives = [*entry.alternatives[:3], f"测试问法第{i}号怎么办"]
            entry.save(update_fields=["alternatives", "updated_at"])
        updates.append((time.perf_counter() - start) * 1000)
    _q, hits = search(f"测试问法第{9}号怎么办")
    seen = bool(hits) and hits[0].id == entry.pk
    start = time.perf_counter()
    term_variant_add(canonical="住房公积金", variant="房子基金", actor=None)
    synonym_ms = (time.perf_counter() - start) * 1000
    return {"queries": len(times), "p50": statistics.median(times),
            "p95": times[int(len(times) * 0.95) - 1], "max": times[-1],
            "cpu_p50": statistics.median(cpu), "cpu_p95": cpu[int(len(cpu) * 0.95) - 1],
            "rss_questions_mb": rss_questions,
            "load": os.getloadavg()[0],
            "update_ms_median": statistics.median(updates), "update_ms_max": max(updates),
            "update_seen": seen, "synonym_ms": synonym_ms,
            "rss_mb": _peak_rss_mb()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="all",
                        help="a split (dev, dev2, test, test2 …), tune = dev and dev2, both = dev "
                        "and test, measured = tune and the held-out sets already measured, "
                        "all; a held-out split only for the final measurement")
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--misses-of", default="dev,dev2",
                        help="the splits whose misses --misses lists (comma-separated; "
                        "never the blind set being measured)")
    parser.add_argument("--fit", action="store_true",
                        help="fit the confidence weights on the dev split and stop")
    parser.add_argument("--answer", type=float)
    parser.add_argument("--suggest", type=float)
    parser.add_argument("--size", type=int, default=100_000,
                        help="library size of the latency run (0: accuracy only)")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--database", help="DATABASE_URL (default: a fresh SQLite file)")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:  # the fresh process of the latency run: the database is built
        os.environ["DATABASE_URL"] = args.database or benchdb.DEFAULT_DB
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        sys.path.insert(0, str(benchdb.ROOT))
        import django

        django.setup()
        print(json.dumps(latency(args)))
        return
    benchdb.setup(args.database)
    accuracy(args)
    if args.size:
        build_large(args)
        command = [sys.executable, __file__, "--measure", "--queries", str(args.queries),
                   "--split", args.split]
        if args.database:
            command += ["--database", args.database]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        m = json.loads(out.strip().splitlines()[-1])
        print(f"latency over {m['queries']} questions: p50 {m['p50']:.1f} ms, p95 "
              f"{m['p95']:.1f} ms, max {m['max']:.1f} ms (load average {m['load']:.1f}); "
              f"CPU time p50 {m['cpu_p50']:.1f} ms, p95 {m['cpu_p95']:.1f} ms; process RSS "
              f"after the questions {m['rss_questions_mb']:.0f} MB, peak {m['rss_mb']:.0f} MB")
        print(f"one entry changed and re-indexed (commit included): median "
              f"{m['update_ms_median']:.1f} ms, max {m['update_ms_max']:.1f} ms; "
              f"seen by the next question: {m['update_seen']}; one lexicon variant added: "
              f"{m['synonym_ms']:.1f} ms")


if __name__ == "__main__":
    main()
