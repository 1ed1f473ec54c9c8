"""Where the time of one entry's re-index goes, on a built library:

    .venv/bin/python bench/qa/updates.py --build 20000 --database sqlite:////tmp/x.sqlite3
    .venv/bin/python bench/qa/updates.py --database sqlite:////tmp/x.sqlite3 [--full]
    .venv/bin/python bench/qa/updates.py --database sqlite:////tmp/x.sqlite3 --compare

``--build`` stores a generated library (as ``run.py`` does, without the accuracy run)
and analyses it on PostgreSQL. Without it, ``--changes`` entries (every k-th by id) are
each changed the way staff do from the queue (a phrasing added, one replaced, one
removed: three saves each, each its own transaction, commit included) and timed: wall
and CPU time of this process, statements and round trips (a PostgreSQL pipeline is
one), then five lexicon variants added, each followed by a question using it, asked in
this process and in another worker process that answered before (told nothing: its
cached lexicon is stale) and there once more: their times, and whether each read the
variant as its group's word. ``--full`` times every row of the entry removed
and written again (``index_entry_remove`` then ``index_entry_put``), as before the diff.
Every change is reverted at the end, so the same library serves every run.
``--compare`` times nothing: it checks that the diff leaves the rows the previous way
left, on sampled entries of the built library (see ``compare``).
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


def build(args) -> None:
    benchdb.setup(args.database)
    start = time.perf_counter()
    benchdb.load_entries(benchdb.generated_rows(args.build, args.seed))
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"{args.build} entries stored and indexed in {time.perf_counter() - start:.0f} s")


class Counter:
    """Counts the statements executed and the round trips they took."""

    def __init__(self):
        self.statements = 0

    def __call__(self, execute, sql, params, many, context):
        self.statements += 1
        return execute(sql, params, many, context)


def _sent_together() -> int:
    """Statements that shared a round trip with another so far (0 with code from before
    statements were sent together)."""
    try:
        from gongkai.core.sql import SENT_TOGETHER
    except ImportError:
        return 0
    return SENT_TOGETHER[0]


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))]


def _server_cpu_ms(pid: int | None) -> float:
    """The PostgreSQL server process's CPU time so far (0 on SQLite: in this process)."""
    if not pid:
        return 0.0
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def _entry_rows(pk: int):
    from gongkai.qa.models import QaGram, QaIndexedEntry, QaPosting

    return (dict(QaPosting.objects.filter(entry_id=pk).values_list("term", "weight")),
            set(QaGram.objects.filter(entry_id=pk).values_list("gram", "phrase")),
            set(QaIndexedEntry.objects.get(entry_id=pk).keys))


def _rows_written(before, after) -> tuple[int, int]:
    """Rows the diff writes and rows a remove-then-insert writes (postings, bigrams,
    counters: a counter changed twice counts twice)."""
    (p0, g0, k0), (p1, g1, k1) = before, after
    diff = (sum(1 for t in p0.keys() | p1.keys() if p0.get(t) != p1.get(t))
            + len(g0 ^ g1) + len(k0 ^ k1) + 2)
    return diff, len(p0) + len(p1) + len(g0) + len(g1) + 2 * (len(k0) + len(k1)) + 3


def measure(args) -> dict:
    from django.db import connection, transaction

    from gongkai.lexicon.models import TermGroup
    from gongkai.lexicon.services import lexicon_version_bump, term_variant_add
    from gongkai.qa.models import QaEntry
    from gongkai.qa.retrieval import store
    from gongkai.qa.services.answering import _text_of

    total = QaEntry.objects.count()
    step = max(1, total // args.changes)
    ids = list(QaEntry.objects.order_by("pk").values_list("pk", flat=True)[::step])[
        :args.changes]
    put = store.index_entry_put
    if args.full:
        def put(doc):  # the previous way: every row removed and written again
            with transaction.atomic():
                store.index_entry_remove(doc.id)
                store.index_entry_put(doc)
        # the signal handler calls index_entry_put through the services module
        import gongkai.qa.services.answering as answering
        answering.index_entry_put = put
    # A worker has segmented text before (jieba's dictionary loads at the first use).
    from gongkai.qa.retrieval.features import EntryText, entry_features
    entry_features(EntryText(id=0, question="转学怎么办理", answer="向学校申请。"))
    counter = Counter()
    backend = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend = cursor.fetchone()[0]
    wall, cpu, statements, trips, server, segmenting, written, full = ([] for _i in range(8))
    originals = {}
    # (statements counted for the timed saves only; the rows are read outside them)
    with connection.execute_wrapper(counter):
        for pk in ids:
            entry = QaEntry.objects.get(pk=pk)
            originals[pk] = list(entry.alternatives)
            alternatives = list(entry.alternatives)
            changes = [[*alternatives, "请问这个测试问法要去哪里办理"],
                       [*alternatives[:-1], "那个测试说法需要带什么材料"] if alternatives
                       else ["那个测试说法需要带什么材料"],
                       alternatives[1:]]
            for new in changes:
                before = _entry_rows(pk)
                start_cpu = time.process_time()
                entry_features(EntryText(id=pk, question=entry.question,
                                         alternatives=tuple(new), answer=entry.answer))
                segmenting.append((time.process_time() - start_cpu) * 1000)
                counter.statements = 0
                server_before = _server_cpu_ms(backend)
                trips_before = _sent_together()
                start, start_cpu = time.perf_counter(), time.process_time()
                with transaction.atomic():
                    entry.alternatives = new
                    entry.save(update_fields=["alternatives", "updated_at"])
                wall.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
                server.append(_server_cpu_ms(backend) - server_before)
                statements.append(counter.statements)
                trips.append(counter.statements - (_sent_together() - trips_before))
                counted = _rows_written(before, _entry_rows(pk))
                written.append(counted[0])
                full.append(counted[1])
        variants, asked = [], []
        group = TermGroup.objects.filter(canonical="住房公积金")
        kept = list(group.values_list("variants", flat=True))
        other = _Asker(args.database)
        for i in range(5):
            start, start_cpu = time.perf_counter(), time.process_time()
            counter.statements = 0
            word = f"房子基金{os.getpid()}x{i}"
            term_variant_add(canonical="住房公积金", variant=word, actor=None)
            variants.append(((time.perf_counter() - start) * 1000,
                             (time.process_time() - start_cpu) * 1000, counter.statements))
            # The next question here, in another worker, and there once more.
            asked.append((_ask(f"{word}怎么提取"), other.ask(f"{word}怎么提取"),
                          other.ask(f"{word}怎么提取")))
        other.close()
        variant = [statistics.median(v) for v in zip(*variants, strict=True)]
    if kept:
        group.update(variants=kept[0])
        lexicon_version_bump()
    for pk, alternatives in originals.items():
        entry = QaEntry.objects.get(pk=pk)
        entry.alternatives = alternatives
        entry.save(update_fields=["alternatives", "updated_at"])
    del put, _text_of
    return {"engine": connection.vendor, "entries": total, "saves": len(wall),
            "full": args.full,
            "wall_p50": statistics.median(wall), "wall_p95": _pct(wall, 0.95),
            "wall_max": max(wall), "cpu_p50": statistics.median(cpu),
            "cpu_p95": _pct(cpu, 0.95), "statements": statistics.median(statements),
            "round_trips": statistics.median(trips),
            "server_cpu_mean": statistics.mean(server),
            "segmenting_cpu_p50": statistics.median(segmenting),
            "rows_written_p50": statistics.median(written),
            "rows_remove_insert_p50": statistics.median(full),
            "variant_wall": variant[0], "variant_cpu": variant[1],
            "variant_statements": variant[2],
            **{f"{who}_{what}": statistics.median(a[k][what] for a in asked)
               for k, who in enumerate(("next_here", "next_other", "again_other"))
               for what in ("wall", "cpu")},
            "edit_seen": all(a[k]["seen"] for a in asked for k in range(3)),
            "load": os.getloadavg()[0]}


def _ask(text: str) -> dict:
    """One question timed in this process; whether the lexicon read it as 住房公积金."""
    from gongkai.qa.retrieval.search import search

    start, start_cpu = time.perf_counter(), time.process_time()
    query, _hits = search(text)
    return {"wall": (time.perf_counter() - start) * 1000,
            "cpu": (time.process_time() - start_cpu) * 1000,
            "seen": any(e.term == "住房公积金" for e in query.expansions)}


class _Asker:
    """Another worker process (``--asker``), which has answered a question before (its
    lexicon is cached) and is told nothing of the edits."""

    def __init__(self, database: str):
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--asker", "--database", database],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout.readline().strip() == "ready"

    def ask(self, text: str) -> dict:
        self.process.stdin.write(text + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)


def asker() -> None:
    _ask("住房公积金怎么提取")
    print("ready", flush=True)
    for line in sys.stdin:
        print(json.dumps(_ask(line.strip())), flush=True)


def compare(args) -> dict:
    """Each sampled entry changed both ways (the previous one, written with the ORM in
    the tests, and ``index_entry_put``), each undone after its rows were read: the
    rows either way may touch (the entry's postings, bigrams and indexed row, the
    counters of its old and new keys, the library's counters) must be equal."""
    from django.db import transaction

    from gongkai.qa.models import QaEntry, QaGram, QaIndexedEntry, QaIndexStats, QaPosting, QaTerm
    from gongkai.qa.retrieval import store
    from gongkai.qa.retrieval.features import entry_features
    from gongkai.qa.services.answering import _text_of
    from gongkai.qa.tests.test_index_writes import CHANGES, _reference_put

    class Undo(Exception):
        pass

    def rows(doc, keys):
        return (sorted(QaPosting.objects.filter(entry_id=doc.id)
                       .values_list("term", "weight")),
                sorted(QaGram.objects.filter(entry_id=doc.id).values_list("gram", "phrase")),
                list(QaIndexedEntry.objects.filter(entry_id=doc.id).values_list(
                    "lengths", "keys", "phrase_sizes", "question_words")),
                sorted(QaTerm.objects.filter(key__in=keys).values_list("key", "df", "pinyin")),
                list(QaIndexStats.objects.values_list()))

    def after(write, doc, keys):
        try:
            with transaction.atomic():
                write(doc)
                found = rows(doc, keys)
                raise Undo
        except Undo:
            return found

    total = QaEntry.objects.count()
    ids = list(QaEntry.objects.order_by("pk").values_list("pk", flat=True)[
        ::max(1, total // args.changes)])[:args.changes]
    compared = differ = 0
    for pk in ids:
        base = _text_of(QaEntry.objects.get(pk=pk))
        old_keys = QaIndexedEntry.objects.get(entry_id=pk).keys
        for change in CHANGES.values():
            doc = change(base)
            keys = {*old_keys, *store._usable(entry_features(doc)).keys}
            compared += 1
            differ += after(_reference_put, doc, keys) != after(store.index_entry_put, doc,
                                                                keys)
    return {"engine": connection_vendor(), "entries": total, "changes": compared,
            "differ": differ}


def connection_vendor() -> str:
    from django.db import connection

    return connection.vendor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=benchdb.DEFAULT_DB)
    parser.add_argument("--build", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--compare", action="store_true",
                        help="compare the rows each way leaves (nothing timed)")
    parser.add_argument("--asker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        build(args)
        return
    os.environ["DATABASE_URL"] = args.database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(benchdb.ROOT))
    import django

    django.setup()
    if args.asker:
        asker()
        return
    print(json.dumps(compare(args) if args.compare else measure(args)))


if __name__ == "__main__":
    main()
