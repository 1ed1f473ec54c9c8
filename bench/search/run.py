"""Benchmark of the policy library's search: the in-database index beside tantivy and a
plain LIKE scan, in one run.

Run from the repository root:
    .venv/bin/python bench/search/run.py                      # 100,000 documents
    .venv/bin/python bench/search/run.py --docs 5000 --queries 200    # a quick run
    .venv/bin/python bench/search/run.py --postgres postgres://u:p@localhost/gk_bench_search

Each database is measured in a child process with its own fresh database (SQLite:
bench/search/out/bench.sqlite3; PostgreSQL: the database named, whose name must contain
"bench" because its public schema is dropped and made again). The parent prints the table
of figures against the targets; full figures go to bench/search/out/result.json.
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
ROOT = HERE.parents[1]
# Where the databases, tantivy's index and the figures go (``--out``; a child reads
# it from the environment its parent sets).
OUT = Path(os.environ.get("GONGKAI_BENCH_OUT") or HERE / "out")
TARGET_P95_MS = 30.0
TARGET_RATIO = 3.0  # in-DB p95 ÷ tantivy's p95 on the same queries
AMBITION_P95_MS = 10.0
TARGET_MB_S = 5.0
BATCH = 1000


# ---------------------------------------------------------------- child: set-up
def setup_django(database_url: str, *, fresh: bool = True) -> str:
    os.environ["DATABASE_URL"] = database_url
    os.environ["GONGKAI_VAR_DIR"] = str(OUT / "var")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path[:0] = [str(ROOT), str(HERE)]
    import django

    django.setup()
    if not fresh:
        from django.db import connection

        return connection.vendor
    return create_schema(database_url)


def reusable(database_url: str, n: int) -> bool:
    """Whether the database (and tantivy's index) of an earlier run hold ``n`` indexed
    documents, so ``--reuse`` may time the queries without loading them again."""
    import sqlite3

    if database_url.startswith("sqlite:///"):
        path = Path(database_url.removeprefix("sqlite:///"))
        if not path.exists() or not (OUT / "tantivy" / "meta.json").exists():
            return False
        try:
            with sqlite3.connect(path) as db:
                return db.execute("SELECT count(*) FROM policies_policydocument"
                                  ).fetchone()[0] == n
        except sqlite3.Error:
            return False
    return True  # PostgreSQL: the child checks the count


# The migrations a bench database built before its migrations were recorded is at: the
# databases of rounds 12–15 (built with the models, then brought by hand to main at
# 8ff405f: the lexicon's scope column, then the data steps of lexicon 0011, 0012 and
# policies 0015). ``migrate_reused`` records them as applied, once, and then migrates.
UNRECORDED_LEVEL = {
    "core": "0005_notification_kind_inbox_digest",
    "foi": "0003_reply_fields_settings_pdf_attachments",
    "lexicon": "0012_areas",
    "orgs": "0001_initial",
    "participation": "0004_message_reply_version",
    "plans": "0003_task_unit_note",
    "policies": "0015_search_lexicon_eleventh",
    "publishing": "0002_catalog_item_version",
    "qa": "0004_thresholds_recalibrated",
    "reports": "0001_initial",
    "websites": "0001_initial",
    "workdays": "0002_chinese_holiday_names",
}


def migration_graph():
    """The migrations as committed (``create_schema`` turns the modules off in its
    process: read here as they are)."""
    from django.db.migrations.loader import MigrationLoader
    from django.test.utils import override_settings

    with override_settings(MIGRATION_MODULES={}):
        return MigrationLoader(None, ignore_no_migrations=True).graph


def record_migrations(nodes) -> None:
    """Record ``nodes`` (app, name) as applied, without running them."""
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    recorder = MigrationRecorder(connection)
    recorder.ensure_schema()
    applied = recorder.applied_migrations()
    for app, name in nodes:
        if (app, name) not in applied:
            recorder.record_applied(app, name)


def record_built_migrations() -> None:
    """A fresh database is made from the current models and ``seed_lexicon`` runs every
    data step: it is at the level of every committed migration, recorded so that a
    later ``--reuse`` migrates only what is added after it."""
    record_migrations(migration_graph().nodes)


def migrate_reused() -> None:
    """Bring a reused database to this checkout's migrations, as an upgrade would: the
    migrations added since it was built (or since its last reuse) are run, schema and
    data steps alike, then the ``post_migrate`` handlers (the search index's schema).
    A database of a run that recorded none is taken as at ``UNRECORDED_LEVEL``."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    recorder = MigrationRecorder(connection)
    if not recorder.has_table() or not recorder.applied_migrations():
        # (Django's own apps, at their last: they change with Django only.)
        graph = migration_graph()
        level = {app: name for app, name in graph.leaf_nodes()} | UNRECORDED_LEVEL
        record_migrations(dict.fromkeys(node for leaf in level.items()
                                        for node in graph.forwards_plan(leaf)))
    call_command("migrate", interactive=False, verbosity=1)
    # (An upgrade may write every row again — the vectors stored uncompressed, round
    # 10: a hundred thousand dead rows, which autovacuum clears within minutes on a
    # server but not before this run's first query.)
    _analyze()


def loaded_state() -> dict:
    """What ``load_documents`` returned, read back from a database already loaded."""
    from gongkai.policies.models import PolicyDocument

    ids = list(PolicyDocument.objects.order_by("pk").values_list("pk", flat=True))
    numbers = list(PolicyDocument.objects.filter(
        publication_status="published", audience="public").exclude(doc_number="")
        .order_by("pk").values_list("pk", "doc_number"))
    size = sum(len((t + n + b).encode()) for t, n, b in PolicyDocument.objects
               .values_list("title", "doc_number", "body_text").iterator(chunk_size=2000))
    return {"ids": ids, "numbers": numbers, "bytes": size, "insert_s": 0.0}


def create_schema(database_url: str) -> str:
    """A fresh schema built from the models, as the test runner does with
    --nomigrations (the committed migrations may lag behind the models); the
    post_migrate handlers then create the full-text index as they do everywhere."""
    from django.apps import apps
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        if "bench" not in connection.settings_dict["NAME"]:
            sys.exit("--postgres: the database name must contain 'bench' (it is emptied)")
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    settings.MIGRATION_MODULES = {app.label: None for app in apps.get_app_configs()}
    call_command("migrate", run_syncdb=True, verbosity=0)
    return connection.vendor


def load_documents(n: int) -> dict:
    """Units, topics and the generated documents, inserted in bulk (not timed as
    indexing: the platform indexes a document when it is saved, see index_all)."""
    import corpus

    from django.db import transaction

    from gongkai.orgs.models import Unit
    from gongkai.policies.models import PolicyDocument, Topic

    units = Unit.objects.bulk_create(Unit(name=name, sort_order=i)
                                     for i, name in enumerate(corpus.unit_names()))
    topics = Topic.objects.bulk_create(Topic(name=name, order=i)
                                       for i, name in enumerate(corpus.TOPICS))
    Through = PolicyDocument.issuers.through
    ids: list[int] = []
    numbers: list[tuple[int, str]] = []
    size = 0
    started = time.perf_counter()
    batch: list = []
    for doc in corpus.documents(n):
        batch.append(doc)
        if len(batch) == BATCH or doc.number == n - 1:
            with transaction.atomic():
                rows = PolicyDocument.objects.bulk_create(_row(d, units, topics) for d in batch)
                Through.objects.bulk_create(
                    Through(policydocument_id=row.pk, unit_id=units[u].pk)
                    for d, row in zip(batch, rows, strict=True)
                    for u in {d.unit, d.joint_unit} - {None})
            for d, row in zip(batch, rows, strict=True):
                ids.append(row.pk)
                size += len((d.title + d.doc_number + d.body_text).encode())
                if d.doc_number and d.publication_status == "published" \
                        and d.audience == "public":
                    numbers.append((row.pk, d.doc_number))
            batch = []
    _link_validity(ids)
    _analyze()
    return {"ids": ids, "numbers": numbers, "bytes": size,
            "insert_s": time.perf_counter() - started}


def _analyze() -> None:
    """The loaded tables as autovacuum leaves them within a minute or two of a bulk load
    or of an upgrade that writes the rows again: the planner's statistics gathered
    (without them, PostgreSQL read each search's visible documents by a plan four
    times slower), the dead rows removed and the pages marked all-visible (an index-only
    read of the issuing bodies fetched every row from the table before). SQLite has no
    autovacuum and the platform runs no ANALYZE on it: left as it is."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")


def _row(d, units, topics):
    from django.utils import timezone

    from gongkai.policies.models import PolicyDocument

    # Ids are given (number + 1) so an interpretation can name its document in the same
    # batch; the foreign keys are checked at commit.
    return PolicyDocument(
        pk=d.number + 1, kind=d.kind, title=d.title, doc_number=d.doc_number, issuer_code=d.issuer_code,
        doc_year=d.doc_year, doc_serial=d.doc_serial, unit=units[d.unit],
        issuer_names=units[d.unit].name, written_on=d.written_on,
        published_on=d.published_on, effective_on=d.effective_on, expires_on=d.expires_on,
        topic=topics[d.topic], body_html=d.body_html, body_text=d.body_text,
        publication_status=d.publication_status, audience=d.audience,
        published_at=timezone.now() if d.publication_status == "published" else None,
        interprets_id=d.interprets + 1 if d.interprets is not None else None,
        # amended/repealed documents get their link in _link_validity
        validity="valid", index_number=f"114401120075262080/{d.published_on.year}-"
                                       f"{d.number:05d}")


def _link_validity(ids: list[int]) -> None:
    """6 % amended and 6 % repealed, each linked to a later document."""
    import random

    from gongkai.policies.models import PolicyDocument

    rng = random.Random(7)
    updates = []
    for i, pk in enumerate(ids[:-1]):
        r = rng.random()
        if r < 0.12:
            later = ids[rng.randrange(i + 1, len(ids))]
            kw = {"amended_by_id": later, "validity": "amended"} if r < 0.06 else \
                {"repealed_by_id": later, "validity": "repealed"}
            updates.append(PolicyDocument(pk=pk, **kw))
    for field in ("amended_by_id", "repealed_by_id"):
        rows = [u for u in updates if getattr(u, field, None)]
        PolicyDocument.objects.bulk_update(rows, [field.removesuffix("_id"), "validity"],
                                           batch_size=1000)


# ---------------------------------------------------------------- child: measurements
def index_all(ids: list[int]) -> float:
    """The platform's own indexing path (``reindex_all``'s), batch by batch, each in one
    transaction."""
    from django.db import transaction

    from gongkai.policies import search

    started = time.perf_counter()
    for start in range(0, len(ids), BATCH):
        with transaction.atomic():
            search.index_ids(ids[start:start + BATCH])
    search.finish_bulk_indexing()
    return time.perf_counter() - started


def search_workers() -> int:
    """How many processes segmented the text while indexing (1: in process)."""
    from gongkai.policies.search import indexing

    pool = indexing.segmenting_pool()
    return pool._max_workers if pool is not None else 1


def segment_all(ids: list[int], keep: bool) -> tuple[dict, dict[int, dict[str, str]]]:
    """The text work of indexing alone, timed over the same fields the index receives,
    split into normalisation (NFKC + OpenCC t2s) and the rest of ``segment`` (the cut
    and the search-mode sub-words). With ``keep`` the segmented fields are kept to feed
    tantivy. The conversion cache is emptied first: new documents meet a cold cache."""
    from gongkai.policies import text as ptext
    from gongkai.policies.models import PolicyDocument

    clear_conversion_cache()
    kept: dict[int, dict[str, str]] = {}
    normalise = total = 0.0
    for start in range(0, len(ids), BATCH):
        docs = list(PolicyDocument.objects.filter(pk__in=ids[start:start + BATCH])
                    .only("id", "title", "doc_number", "body_text"))
        started = time.perf_counter()
        for doc in docs:
            for text in (doc.title, doc.body_text):
                ptext.prepare(text)
        normalise += time.perf_counter() - started
        clear_conversion_cache()
        started = time.perf_counter()
        for doc in docs:
            fields = segmented_fields(doc)
            if keep:
                kept[doc.pk] = fields
        total += time.perf_counter() - started
    return {"s": total, "normalise_s": normalise, "cut_s": total - normalise}, kept


def clear_conversion_cache() -> None:
    """Empty whatever cache core.text keeps of OpenCC conversions (its shape changes)."""
    from gongkai.core import text

    for name in ("to_simplified", "_to_simplified_cached"):
        getattr(getattr(text, name, None), "cache_clear", lambda: None)()


def segmented_fields(doc) -> dict[str, str]:
    """The three index fields exactly as the platform writes them (its own row builder
    is used on purpose: the benchmark must not drift from the platform)."""
    from gongkai.policies.search import indexing

    _, title, number, body = indexing.row_of(doc, [])[:4]
    return {"title": title, "number": number, "body": body}


def field_weights() -> dict[str, float]:
    """The platform's field weights (title, number, body)."""
    from gongkai.policies.search import ranking

    return dict(ranking.FIELD_WEIGHTS)


def build_tantivy(kept: dict[int, dict[str, str]]) -> tuple[float, object]:
    from tantivy_side import TantivySide

    from gongkai.policies import text as ptext
    from gongkai.policies.models import PolicyDocument

    side = TantivySide(OUT / "tantivy", field_weights())
    rows = PolicyDocument.objects.values_list(
        "id", "publication_status", "audience", "kind", "published_on", "validity",
        "topic_id", "unit_id")
    kinds: dict[str, int] = {}
    validities: dict[str, int] = {}
    # FTS5's unicode61 reads the index's control characters as separators and folds
    # case; the whitespace tokenizer needs both done here.
    table = str.maketrans({c: " " for c in (ptext.SUB_OPEN, ptext.SUB_CLOSE, ptext.SPACE)})
    started = time.perf_counter()
    for pk, status, audience, kind, published_on, validity, topic, unit in rows.iterator():
        fields = {k: v.translate(table).lower() for k, v in kept[pk].items()}
        side.add(pk, status == "published" and audience == "public", fields, {
            "kind": kinds.setdefault(kind, len(kinds)), "year": published_on.year,
            "validity": validities.setdefault(validity, len(validities)),
            "topic": topic or 0, "unit": unit})
    side.commit()
    return time.perf_counter() - started, side


def time_queries(fn, queries, budget_s: float) -> tuple[list[float], list]:
    """Latency of each query in ms. Stops early when ``budget_s`` is spent (a side far
    off its target would otherwise run for hours); the report shows how many ran."""
    for q in queries[:3]:  # warm the caches the way a running server has them warm
        fn(q)
    deadline = time.perf_counter() + budget_s
    latencies, answers = [], []
    for q in queries:
        started = time.perf_counter()
        answer = fn(q)
        latencies.append((time.perf_counter() - started) * 1000)
        answers.append(answer)
        if started > deadline:
            break
    return latencies, answers


def time_queries_interleaved(fns, queries, budget_s: float) -> list[tuple[list, list, list]]:
    """``time_queries`` for several sides at once, one query at a time on each in turn,
    so that every side meets the machine's load of the same moment (on a shared
    machine it changes by half within minutes): their ratio is then of like with like.
    Each side also gets this process's CPU time per query (which waiting for a core
    does not inflate; on SQLite it includes the database's work)."""
    for q in queries[:3]:
        for fn in fns:
            fn(q)
    deadline = time.perf_counter() + budget_s * len(fns)
    out = [([], [], []) for _ in fns]
    for q in queries:
        for i, (fn, (latencies, answers, cpu)) in enumerate(zip(fns, out, strict=True)):
            before = SCHED.take()
            started, started_cpu = time.perf_counter(), time.process_time()
            answer = fn(q)
            latencies.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            SCHED.add(i, before)
            answers.append(answer)
        if time.perf_counter() > deadline:
            break
    return out


def schedstat_ms(pid: int | str) -> tuple[float, float] | None:
    """(ms on a CPU, ms waiting in the run queue for one) of a process so far, from
    /proc/PID/schedstat (Linux), None where it cannot be read."""
    try:
        on_cpu, waiting, _slices = Path(f"/proc/{pid}/schedstat").read_text().split()
    except (OSError, ValueError):
        return None
    return int(on_cpu) / 1e6, int(waiting) / 1e6


class SchedWaits:
    """Per query and side, how long this process and (PostgreSQL) the connection's
    backend waited for a core and how long the backend ran: on a shared machine a
    wall time is CPU plus those waits, and PostgreSQL's search has two processes
    that wake each other once a round trip."""

    def __init__(self):
        self.server_pid: int | None = None
        self.per_side: dict[int, dict[str, list[float]]] = {}

    def take(self) -> tuple | None:
        return schedstat_ms("self"), (schedstat_ms(self.server_pid)
                                      if self.server_pid else None)

    def add(self, side: int, before: tuple) -> None:
        after = self.take()
        lists = self.per_side.setdefault(side, {})
        (client0, server0), (client1, server1) = before, after
        if client0 and client1:
            lists.setdefault("client_wait", []).append(client1[1] - client0[1])
        if server0 and server1 and side == 0:  # (the in-DB side's server)
            lists.setdefault("server_cpu", []).append(server1[0] - server0[0])
            lists.setdefault("server_wait", []).append(server1[1] - server0[1])


SCHED = SchedWaits()


def server_pid() -> int | None:
    """This connection's PostgreSQL backend process (None on SQLite)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def server_cpu_s() -> float | None:
    """The CPU seconds this connection's PostgreSQL backend process has used (it runs
    on this machine: /proc), None on SQLite or when it cannot be read."""
    pid = server_pid()
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


NOTICES: dict[str, dict[str, int]] = {}


def in_db(q):
    from gongkai.policies import search

    result = search.search_documents(query=q.text, user=None, limit=20)
    counts = NOTICES.setdefault(q.kind, {})
    counts[result.notice or "-"] = counts.get(result.notice or "-", 0) + 1
    return result.total, [hit.document.pk for hit in result.hits]


# The apps whose data migrations fill the lexicon: its own files (seed, everyday words,
# situations, daily words) and the policy search's groups.
LEXICON_APPS = ("lexicon", "policies")


def seed_lexicon() -> None:
    """The lexicon as a fresh installation has it: the schema is made without running
    the migrations, so their data steps (``RunPython``) of ``LEXICON_APPS`` are run
    here, in the order ``migrate`` runs them, with the current models — whatever
    migration is added later, the benchmark measures the lexicon users get."""
    from django.apps import apps
    from django.db.migrations.operations import RunPython

    graph = migration_graph()
    plan: dict = {}
    for leaf in graph.leaf_nodes():
        if leaf[0] in LEXICON_APPS:
            plan.update(dict.fromkeys(graph.forwards_plan(leaf)))
    for node in plan:
        if node[0] not in LEXICON_APPS:
            continue
        for operation in graph.nodes[node].operations:
            if isinstance(operation, RunPython):
                operation.code(apps, None)


def like_scan(q):
    """What a site without a search index does: every term as a substring of title,
    文号 or body; newest first; total counted."""
    from django.db import connection

    from gongkai.core.text import normalize

    terms = [t for t in normalize(q.text).split(" ") if t][:4]
    where = " AND ".join(["(title LIKE %s OR doc_number LIKE %s OR body_text LIKE %s)"]
                         * len(terms))
    params = [p for t in terms for p in (f"%{t}%",) * 3]
    sql = ("SELECT id, COUNT(*) OVER () FROM policies_policydocument "
           "WHERE publication_status = 'published' AND audience = 'public' AND "
           f"{where} ORDER BY published_on DESC, id DESC LIMIT 20")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return (rows[0][1] if rows else 0), [r[0] for r in rows]


def percentiles(values: list[float]) -> dict:
    ordered = sorted(values)

    def at(p):
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    return {"n": len(values), "p50": at(50), "p95": at(95), "p99": at(99),
            "mean": statistics.fmean(values), "max": ordered[-1]}


def first_hit_rate(queries, answers) -> dict:
    wanted = [(q, a) for q, a in zip(queries, answers, strict=True) if q.target is not None]
    first = sum(1 for q, (_, ids) in wanted if ids and ids[0] == q.target)
    return {"queries": len(wanted), "first": first}


def server_settings() -> dict:
    """The PostgreSQL settings the figures depend on (its memory above all)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return {}
    settings = {}
    with connection.cursor() as cursor:
        for name in ("server_version", "shared_buffers", "effective_cache_size",
                     "random_page_cost"):
            cursor.execute(f"SHOW {name}")  # noqa: S608 (a constant name)
            settings[name] = cursor.fetchone()[0]
    return settings


def tantivy_side(args, kept: dict, seg_s: float, mb: float, result: dict):
    """tantivy's index: built (the SQLite run), opened (``--reuse``, or the PostgreSQL
    run: the index the SQLite run built over the same documents, timed again beside
    this database, so that the ratio is of one moment's load), or None."""
    from tantivy_side import TantivySide

    if args.tantivy:
        if args.reuse:
            build_s, side = 0.0, TantivySide.open(OUT / "tantivy", field_weights())
        else:
            build_s, side = build_tantivy(kept)
        kept.clear()
        result["tantivy_index"] = {
            "s": build_s, "mb_s": mb / build_s if build_s else 0.0,
            "with_segmentation_s": build_s + seg_s,
            "with_segmentation_mb_s": mb / (build_s + seg_s) if build_s else 0.0}
        return side
    if (OUT / "tantivy" / "meta.json").exists():
        return TantivySide.open(OUT / "tantivy", field_weights())
    return None


def child(args) -> dict:
    import corpus

    vendor = setup_django(args.database_url, fresh=not args.reuse)
    if args.reuse:
        from gongkai.policies.models import PolicyDocument

        if PolicyDocument.objects.count() != args.docs:
            sys.exit("--reuse: the database does not hold --docs documents")
        # (Its post_migrate handlers add what this version adds to an index.)
        migrate_reused()
    result: dict = {"backend": vendor, "docs": args.docs, "server": server_settings(),
                    "reused": args.reuse}
    loaded = loaded_state() if args.reuse else load_documents(args.docs)
    if not args.reuse:
        seed_lexicon()
        record_built_migrations()
    ids = loaded["ids"]
    mb = loaded["bytes"] / 1e6
    result["corpus"] = {"mb": mb, "insert_s": loaded["insert_s"],
                        "with_doc_number": len(loaded["numbers"])}
    # With --reuse the index of the earlier run is timed again (its indexing figures
    # are not measured: 0).
    index_s = 0.0 if args.reuse else index_all(ids)
    result["index"] = {"s": index_s, "mb_s": mb / index_s if index_s else 0.0,
                       "docs_s": len(ids) / index_s if index_s else 0.0,
                       "workers": search_workers()}
    kept: dict = {}
    seg_s = 0.0
    if args.tantivy and not args.reuse:  # the same on either database: measured once
        seg, kept = segment_all(ids, keep=True)
        seg_s = seg["s"]
        result["segmentation"] = {**seg, "mb_s": mb / seg_s}
    queries = corpus.queries(args.queries, [(ids.index(pk), number) for pk, number
                                             in loaded["numbers"]])
    # The generator names target documents by position; the database by id.
    queries = [q.__class__(q.text, q.kind, ids[q.target] if q.target is not None else None)
               for q in queries]
    result["query_mix"] = {k: sum(1 for q in queries if q.kind == k)
                           for k in sorted({q.kind for q in queries})}
    side = tantivy_side(args, kept, seg_s, mb, result)
    # As a web worker starts (``gongkai.core.warm``): what a process loads once for its
    # searches is loaded before the timing, not during its first queries.
    from gongkai.policies.search.warm import warm_process

    warm_process()
    if side is not None:
        from gongkai.policies import text as ptext

        def on_tantivy(q):
            return side.search(ptext.query_terms(q.text))

        server_before = server_cpu_s()
        SCHED.server_pid = server_pid()
        (lat, answers, cpu), (lat_t, answers_t, cpu_t) = time_queries_interleaved(
            (in_db, on_tantivy), queries, args.budget)
        server_after = server_cpu_s()
        # (ms per query: p50, p95, mean of each; side 0 in-DB, 1 tantivy)
        result["sched"] = {name: {kind: percentiles(values) for kind, values in lists.items()}
                           for name, lists in (("in_db", SCHED.per_side.get(0, {})),
                                               ("tantivy", SCHED.per_side.get(1, {})))}
        result["in_db_cpu"] = percentiles(cpu)
        result["tantivy_cpu"] = percentiles(cpu_t)
        # (Each query's, in order, as ``in_db_latencies``.)
        result["tantivy_latencies"] = [round(ms, 2) for ms in lat_t]
        result["in_db_cpu_latencies"] = [round(ms, 2) for ms in cpu]
        if server_before is not None and server_after is not None:
            # (warm-up queries included: 3 more than measured)
            result["in_db_server_cpu_ms_mean"] = ((server_after - server_before) * 1000
                                                  / (len(lat) + 3))
    else:
        lat, answers = time_queries(in_db, queries, args.budget)
    queries_run = queries[:len(lat)]
    result["in_db"] = {**percentiles(lat),
                       "doc_number_first": first_hit_rate(queries_run, answers),
                       "zero_hits": sum(1 for total, _ in answers if not total),
                       "median_total": statistics.median(total for total, _ in answers)}
    # Each query's wall time (ms), in order: which queries make a tail.
    result["in_db_latencies"] = [round(ms, 2) for ms in lat]
    # What each query returned (total, ids of page 1): same_results.py compares two runs.
    result["in_db_answers"] = [[q.text, total, ids_]
                               for q, (total, ids_) in zip(queries_run, answers, strict=True)]
    # What the page said (generic-only queries find nothing, by design), per kind.
    result["in_db_notices"] = NOTICES
    result["in_db_by_kind"] = {
        kind: percentiles(by_kind)
        for kind in result["query_mix"]
        if (by_kind := [t for t, q in zip(lat, queries_run, strict=True) if q.kind == kind])}
    if side is not None:
        result["tantivy"] = {**percentiles(lat_t),
                             "median_total": statistics.median(a[0] for a in answers_t),
                             "doc_number_first": first_hit_rate(
                                 queries[:len(lat_t)],
                                 [(total, ids_) for total, ids_, _ in answers_t])}
    # ``--like-queries 0``: no LIKE scan (the report says so).
    like_queries = queries[:max(0, args.like_queries)]
    if like_queries:
        lat_l, _ = time_queries(like_scan, like_queries, args.budget)
        result["like"] = percentiles(lat_l)
    return result


# ---------------------------------------------------------------- parent
def run_child(database_url: str, args, tantivy: bool) -> dict:
    out = OUT / f"child-{'pg' if database_url.startswith('postgres') else 'sqlite'}.json"
    cmd = [sys.executable, __file__, "--child", "--database-url", database_url,
           "--docs", str(args.docs), "--queries", str(args.queries),
           "--like-queries", str(args.like_queries), "--budget", str(args.budget),
           "--result", str(out)]
    if args.reuse:
        cmd.append("--reuse")
    if tantivy:
        cmd.append("--tantivy")
    subprocess.run(cmd, check=True, cwd=ROOT)
    return json.loads(out.read_text())


def fmt_ms(stats: dict) -> str:
    return f"{stats['p50']:8.2f} {stats['p95']:8.2f} {stats['p99']:8.2f}"


def report_indexing(results: list[dict]) -> bool:
    ok = True
    if all(r.get("reused") for r in results):
        print("\nindexing: not measured (--reuse: the index of an earlier run)")
        return ok
    print("\nindexing                          s      MB/s    docs/s")
    for r in results:
        ix = r["index"]
        ok &= ix["mb_s"] >= TARGET_MB_S
        print(f"  in-DB {r['backend']:<12} {ix['s']:12.1f} {ix['mb_s']:9.2f} {ix['docs_s']:9.0f}"
              f"   (target ≥ {TARGET_MB_S} MB/s)")
        seg = r.get("segmentation")
        if not seg:
            continue
        # Indexing segments in one worker process per CPU while the main process
        # writes; the segmentation alone is timed in one process.
        print(f"    segmentation, 1 process{seg['s']:12.1f} {seg['mb_s']:9.2f}"
              f"             (indexing used {r['index'].get('workers', '?')} workers)")
        for label, key in (("normalise (OpenCC)", "normalise_s"), ("cut + sub-words", "cut_s")):
            print(f"      {label:<22}{seg[key]:10.1f} {r['corpus']['mb'] / seg[key]:9.2f}")
    if "tantivy_index" in results[0]:
        t = results[0]["tantivy_index"]
        print(f"  tantivy (segmented text) {t['s']:12.1f} {t['mb_s']:9.2f}")
        print(f"  tantivy incl. segment.   {t['with_segmentation_s']:12.1f} "
              f"{t['with_segmentation_mb_s']:9.2f}")
    return ok


def report_cpu(r: dict, ratio: bool = False) -> None:
    """CPU time of the benchmark's process per query: what the load does not inflate
    (SQLite's work included; PostgreSQL's backend process: its mean per query)."""
    if "in_db_cpu" not in r:
        return
    cpu, cpu_t = r["in_db_cpu"], r["tantivy_cpu"]
    if ratio:
        print(f"  CPU time in-DB {r['backend']} ÷ tantivy: "
              f"{cpu['p50'] / max(cpu_t['p50'], 1e-3):.1f}× / "
              f"{cpu['p95'] / max(cpu_t['p95'], 1e-3):.1f}×")
        return
    server = r.get("in_db_server_cpu_ms_mean")
    print(f"  CPU in-DB {r['backend']:<8} {cpu['n']:7d} {fmt_ms(cpu)}"
          + (f"   + server {server:.2f} mean" if server is not None else ""))
    print(f"  CPU tantivy        {cpu_t['n']:7d} {fmt_ms(cpu_t)}")
    sched = r.get("sched", {})
    for side, label in (("in_db", f"in-DB {r['backend']}"), ("tantivy", "tantivy")):
        parts = [f"{name.replace('_', ' ')} {v['p50']:.1f} / {v['p95']:.1f} / {v['mean']:.1f}"
                 for name, v in sched.get(side, {}).items()]
        if parts:
            print(f"    {label} (ms p50 / p95 / mean): " + "; ".join(parts))


def report_like(r: dict, ratio: bool = False) -> None:
    """The LIKE scan's line (none run with ``--like-queries 0``)."""
    like = r.get("like")
    if not like:
        if not ratio:
            print(f"  LIKE {r['backend']:<13}       0   (not run: --like-queries 0)")
    elif ratio:
        print(f"  LIKE {r['backend']} ÷ in-DB {r['backend']}: "
              f"{like['p50'] / r['in_db']['p50']:.2f}× / "
              f"{like['p95'] / r['in_db']['p95']:.2f}×")
    else:
        print(f"  LIKE {r['backend']:<13} {like['n']:7d} {fmt_ms(like)}")


def report_queries(results: list[dict]) -> bool:
    ok = True
    print("\nqueries (ms)                   n      p50      p95      p99")
    for r in results:
        ok &= r["in_db"]["p95"] < TARGET_P95_MS
        print(f"  in-DB {r['backend']:<12} {r['in_db']['n']:7d} {fmt_ms(r['in_db'])}"
              f"   (target p95 < {TARGET_P95_MS:.0f}, ambition {AMBITION_P95_MS:.0f})")
        if "tantivy" in r:
            print(f"  tantivy, beside it {r['tantivy']['n']:7d} {fmt_ms(r['tantivy'])}")
        report_cpu(r)
        report_like(r)
    print("\nratios (p50 / p95)")
    first_tantivy = next((r["tantivy"] for r in results if "tantivy" in r), None)
    for r in results:
        # Each database's own, timed query by query beside it (a run of an earlier
        # version timed tantivy once, in the SQLite run).
        tantivy = r.get("tantivy", first_tantivy)
        if tantivy is not None:
            ok &= r["in_db"]["p95"] / tantivy["p95"] <= TARGET_RATIO
            print(f"  in-DB {r['backend']} ÷ tantivy: "
                  f"{r['in_db']['p50'] / tantivy['p50']:.1f}× / "
                  f"{r['in_db']['p95'] / tantivy['p95']:.1f}×   (target p95 ≤ {TARGET_RATIO:.0f}×)")
        report_cpu(r, ratio=True)
        report_like(r, ratio=True)
    for r in results:
        f = r["in_db"]["doc_number_first"]
        line = f"文号 queries found first: in-DB {r['backend']} {f['first']}/{f['queries']}"
        if "tantivy" in r:
            t = r["tantivy"]["doc_number_first"]
            line += f", tantivy {t['first']}/{t['queries']}"
        print(line)
        if r.get("server"):
            print(f"in-DB {r['backend']} server: " + ", ".join(
                f"{k} {v}" for k, v in r["server"].items()))
        print(f"in-DB {r['backend']} p95 by query kind: " + ", ".join(
            f"{k} {v['p95']:.1f} ms" for k, v in r["in_db_by_kind"].items()))
        if r.get("in_db_notices"):
            print(f"in-DB {r['backend']} notices by query kind: " + "; ".join(
                f"{k} {v}" for k, v in sorted(r["in_db_notices"].items())))
    return ok


def report(results: list[dict]) -> bool:
    first = results[0]
    print(f"\nsearch benchmark: {first['docs']:,} documents, "
          f"{first['corpus']['mb']:.0f} MB of text; queries: {first['query_mix']}")
    indexing_ok = report_indexing(results)
    return report_queries(results) and indexing_ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--like-queries", type=int, default=100,
                        help="how many of the queries the LIKE scan runs (it reads every row)")
    parser.add_argument("--budget", type=float, default=900.0,
                        help="seconds each side may spend on its queries (default 900)")
    parser.add_argument("--postgres", metavar="URL",
                        help="also measure the in-DB side on this PostgreSQL database")
    parser.add_argument("--out", type=Path, help="folder of the databases and figures "
                        "(default bench/search/out): two runs of other sizes side by side")
    parser.add_argument("--reuse", action="store_true",
                        help="time the queries again on the databases and tantivy index of "
                        "the last run of the same --docs (nothing loaded or indexed)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tantivy", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    parser.add_argument("--report", action="store_true",
                        help="print the figures of the last run (out/result.json) again")
    args = parser.parse_args()
    if args.out is not None and not args.child:
        global OUT
        OUT = args.out.resolve()
        os.environ["GONGKAI_BENCH_OUT"] = str(OUT)
    if args.report:
        sys.exit(0 if report(json.loads((OUT / "result.json").read_text())) else 1)
    if args.child:
        Path(args.result).write_text(json.dumps(child(args), ensure_ascii=False, indent=1))
        return
    OUT.mkdir(exist_ok=True)
    db = OUT / "bench.sqlite3"
    if args.reuse and not reusable(f"sqlite:///{db}", args.docs):
        sys.exit(f"--reuse: {db} and tantivy's index do not hold {args.docs} documents")
    for suffix in ("", "-wal", "-shm") if not args.reuse else ():
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    results = [run_child(f"sqlite:///{db}", args, tantivy=True)]
    if args.postgres:
        results.append(run_child(args.postgres, args, tantivy=False))
    (OUT / "result.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    ok = report(results)
    print("\nall targets met" if ok else "\nsome targets missed (see above)")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
