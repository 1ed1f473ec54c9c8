"""Relevance of the policy search on queries written blind: top-1 / top-3 per split and
kind, and how often a query that should find nothing finds nothing.

    .venv/bin/python bench/search/evaluate.py                    # dev and test, SQLite
    .venv/bin/python bench/search/evaluate.py --split dev --misses
    .venv/bin/python bench/search/evaluate.py --postgres postgres://…/gk_bench_eval

The library (``library.py``: the demo's documents and 216 more, with interpretations) is
loaded into a fresh database through the platform's own indexing, with the lexicon's
seed groups; the queries are ``queries.tsv`` (split, kind, query, subject_id — empty for
a query that should find nothing), written by people who saw only ``subjects.tsv``.
Tune on dev only; test is measured to report.
"""
import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
QUERIES = HERE / "queries.tsv"
# A second blind dev set, by another writer (see README): tuning data like dev.
DEV2 = HERE / "queries_dev2.tsv"
TARGET_TOP1, TARGET_TOP3 = 0.85, 0.95


def load_library(search_lexicon: bool = True) -> dict[int, str]:
    """The library's documents, published for the public, indexed; returns id → the
    library's id (``hs01``, ``hs01.jd``). Without ``search_lexicon``, only the lexicon's
    general seed groups are loaded, not the policy search's own (written from dev's
    misses): how the rules do on words no lexicon group connects."""
    import library

    from django.db import transaction
    from django.utils import timezone

    from gongkai.orgs.models import Unit
    from gongkai.policies.models import PolicyDocument
    from gongkai.policies.search import finish_bulk_indexing, index_ids

    docs = library.documents()
    units = {name: Unit.objects.get_or_create(name=name)[0] for name in {d.unit for d in docs}}
    pks = {doc.id: n for n, doc in enumerate(docs, start=1)}
    with transaction.atomic():
        PolicyDocument.objects.bulk_create(PolicyDocument(
            pk=pks[d.id], kind=d.kind, title=d.title, doc_number=d.doc_number,
            issuer_code=d.issuer_code, doc_year=d.doc_year, doc_serial=d.doc_serial,
            unit=units[d.unit], issuer_names=d.unit, published_on=d.published_on,
            effective_on=d.effective_on, expires_on=d.expires_on, body_html=d.body_html,
            body_text=d.body_text, publication_status="published", audience="public",
            published_at=timezone.now(), interprets_id=pks.get(d.interprets),
            interpretation_form=d.interpretation_form) for d in docs)
        through = PolicyDocument.issuers.through
        through.objects.bulk_create(through(policydocument_id=pks[d.id],
                                            unit_id=units[d.unit].pk) for d in docs)
        _demo_changes(pks)
        index_ids(list(pks.values()))
    finish_bulk_indexing()
    if search_lexicon:
        import run

        run.seed_lexicon()
    else:
        from gongkai.lexicon.data.seed import load_seed
        from gongkai.lexicon.models import LexiconVersion, TermGroup

        load_seed(TermGroup, LexiconVersion)
    return {pk: key for key, pk in pks.items()}


def _demo_changes(pks: dict[str, int]) -> None:
    """The demo's amendment and repeal, as ``load_demo`` makes them."""
    from gongkai.policies import demo_data
    from gongkai.policies.models import PolicyDocument

    for changes, field, state in ((demo_data.AMENDMENTS, "amended_by_id", "amended"),
                                  (demo_data.REPEALS, "repealed_by_id", "repealed")):
        for old, new in changes:
            PolicyDocument.objects.filter(pk=pks[f"demo-{old}"]).update(
                validity=state, **{field: pks[f"demo-{new}"]})


def read_queries(path: Path, split: str) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if not line.strip():
            continue
        q_split, kind, query, subject = (line.split("\t") + [""] * 4)[:4]
        if split in ("all", q_split):
            rows.append({"split": q_split, "kind": kind, "query": query,
                         "subject": subject.strip()})
    return rows


def run_queries(queries: list[dict], names: dict[int, str]) -> list[dict]:
    from gongkai.policies.search import search_documents

    for q in queries[:3]:  # warm the caches (dictionary, lexicon) as a server has them
        search_documents(query=q["query"], user=None, limit=10)
    for q in queries:
        started = time.perf_counter()
        result = search_documents(query=q["query"], user=None, limit=10)
        q["ms"] = (time.perf_counter() - started) * 1000
        q["found"] = [names.get(hit.document.pk, "?") for hit in result.hits]
        q["titles"] = [hit.document.title for hit in result.hits[:3]]
        q["total"] = result.total
        q["notice"] = getattr(result, "notice", "")
    return queries


def score(queries: list[dict]) -> dict:
    """split → kind → {n, top1, top3} for covered queries, {n, none} for the others."""
    table: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for q in queries:
        for kind in (q["kind"], "ALL covered" if q["subject"] else "ALL uncovered"):
            cell = table[q["split"]][kind]
            cell["n"] += 1
            if q["subject"]:
                cell["top1"] += q["found"][:1] == [q["subject"]]
                cell["top3"] += q["subject"] in q["found"][:3]
                # A covered query that finds nothing: the worst answer (a false "nothing").
                cell["nothing"] += not q["found"]
            else:
                cell["none"] += not q["found"]
    return {split: {kind: dict(cell) for kind, cell in kinds.items()}
            for split, kinds in table.items()}


def report(table: dict, queries: list[dict]) -> None:
    for split in sorted(table):
        print(f"\n{split}: kind             n   top-1   top-3   none (uncovered)   "
              "finds nothing (covered)")
        for kind in sorted(table[split], key=lambda k: (k.startswith("ALL"), k)):
            c = table[split][kind]
            if "top1" in c:
                print(f"  {kind:<16}{c['n']:4d}   {c['top1'] / c['n']:.2f}    "
                      f"{c['top3'] / c['n']:.2f}" + (f"                      {c['nothing']}"
                                                      if c.get("nothing") else ""))
            else:
                print(f"  {kind:<16}{c['n']:4d}                   {c['none'] / c['n']:.2f}")
    ms = sorted(q["ms"] for q in queries)
    print(f"\nlatency over {len(ms)} queries: p50 {ms[len(ms) // 2]:.1f} ms, "
          f"p95 {ms[int(len(ms) * 0.95)]:.1f} ms")


def misses(queries: list[dict]) -> None:
    for q in queries:
        wrong = (q["found"][:1] != [q["subject"]]) if q["subject"] else bool(q["found"])
        if wrong:
            rank = q["found"].index(q["subject"]) + 1 if q["subject"] in q["found"] else "-"
            print(f"[{q['kind']}] {q['query']!r} want {q['subject'] or 'nothing'} "
                  f"(rank {rank}) got {q['found'][:3]} {q['titles']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="all", choices=("dev", "dev2", "test", "all"))
    parser.add_argument("--queries", type=Path, nargs="+", default=[QUERIES],
                        help="one or more query files (each file's splits reported apart)")
    parser.add_argument("--postgres", metavar="URL", help="run on this PostgreSQL database "
                        "(its name must contain 'bench': its public schema is made again)")
    parser.add_argument("--misses", action="store_true", help="list the queries missed")
    parser.add_argument("--without-search-lexicon", action="store_true",
                        help="load only the lexicon's general seed groups, not the policy "
                        "search's own (a measure of the rules on unseen words)")
    args = parser.parse_args()
    sys.path[:0] = [str(HERE)]
    import run

    OUT.mkdir(exist_ok=True)
    db = OUT / "eval.sqlite3"
    for suffix in ("", "-wal", "-shm") if not args.postgres else ():
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    vendor = run.setup_django(args.postgres or f"sqlite:///{db}")
    names = load_library(search_lexicon=not args.without_search_lexicon)
    queries = [q for path in args.queries for q in read_queries(path, args.split)]
    if QUERIES in args.queries and DEV2 not in args.queries and \
            args.split in ("dev2", "all") and DEV2.exists():
        queries += read_queries(DEV2, args.split)
    queries = run_queries(queries, names)
    table = score(queries)
    print(f"policy search relevance ({vendor}, {len(names)} documents, "
          f"{len(queries)} queries)")
    report(table, queries)
    if args.misses:
        print()
        misses(queries)
    (OUT / f"eval-{vendor}.json").write_text(json.dumps(
        {"table": table, "queries": queries}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
