"""Benchmark of the policy Q&A answering: latency at 10,000 and 100,000 entries and
top-1 / top-3 accuracy on the paraphrase set (bench/qa/paraphrases.json).

    .venv/bin/python bench/qa/run.py [--sizes 10000 100000] [--queries 1000] [--seed 7]

The libraries are generated reproducibly (fixed seed) from the demo library that ships
with the project (gongkai/qa/data/demo_entries.py) and from vocabulary that ships with
it and its packages: the policy terms of the segmenter, the Huangpu unit registry and
the words of jieba's dictionary. Each generated entry takes a demo entry as its pattern
and swaps some of its words for others, so distractors share most of the real entries'
vocabulary and sentence shapes (harder than random text). The demo entries themselves
are always part of the library, so the paraphrases keep their right answers.

Measured: the in-memory index (gongkai.qa.retrieval) that answers every question; a
real request adds one indexed read of the version stamp and the log write.
"""
import argparse
import json
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from gongkai.policies.text import policy_terms  # noqa: E402
from gongkai.qa.data.demo_entries import ENTRIES  # noqa: E402
from gongkai.qa.demo import DEMO_SYNONYMS  # noqa: E402
from gongkai.qa.models import QaSettings  # noqa: E402
from gongkai.qa.retrieval.index import EntryDoc, QaIndex  # noqa: E402
from gongkai.qa.retrieval.text import SynonymTable, entry_terms  # noqa: E402

PARAPHRASES = Path(__file__).with_name("paraphrases.json")
ANSWER_THRESHOLD = QaSettings._meta.get_field("answer_threshold").default
SUGGEST_THRESHOLD = QaSettings._meta.get_field("suggest_threshold").default


def demo_docs() -> list[EntryDoc]:
    return [EntryDoc(id=i + 1, question=q, alternatives=tuple(alts), answer=a)
            for i, (_t, _u, q, alts, a, _s) in enumerate(ENTRIES)]


def vocabulary(rng: random.Random) -> list[str]:
    """Policy terms, unit names and 3,000 common jieba nouns and verbs (2–4 chars)."""
    import jieba

    from gongkai.orgs import huangpu

    words = set(policy_terms())
    for name, _c, short, _aliases in [*huangpu.DEPARTMENTS, *huangpu.OTHERS]:
        words.update(w for w in (name, short) if w)
    words.update(huangpu.STREETS_TOWNS)
    dict_path = Path(jieba.__file__).with_name("dict.txt")
    common = []
    with dict_path.open(encoding="utf-8") as lines:
        for line in lines:
            word, freq, pos = line.split()
            if 2 <= len(word) <= 4 and pos[0] in "nv" and int(freq) > 2000:
                common.append(word)
    words.update(rng.sample(sorted(common), min(3000, len(common))))
    return sorted(words)


def _swap(text: str, words: list[str], rng: random.Random, n: int) -> str:
    terms = [t for t in entry_terms(text) if len(t) >= 2]
    for old in rng.sample(terms, min(n, len(terms))):
        text = text.replace(old, rng.choice(words), 1)
    return text


def generate(size: int, seed: int) -> list[EntryDoc]:
    """``size`` entries: the demo library first, then generated distractors."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    docs = demo_docs()
    templates = list(docs)
    while len(docs) < size:
        t = rng.choice(templates)
        other = rng.choice(templates)
        docs.append(EntryDoc(
            id=len(docs) + 1,
            question=_swap(t.question, words, rng, rng.choice((1, 2))),
            alternatives=tuple(_swap(a, words, rng, 2) for a in t.alternatives),
            answer=_swap(other.answer, words, rng, 3)))
    return docs[:size]


def load_paraphrases() -> list[dict]:
    return json.loads(PARAPHRASES.read_text(encoding="utf-8"))["items"]


def accuracy(index: QaIndex, items: list[dict], expected_ids: dict[str, int]) -> dict:
    top1 = top3 = answered = answered_right = 0
    for item in items:
        _query, hits = index.search(item["question"], limit=3)
        ids = [h.id for h in hits]
        want = expected_ids[item["expect"]]
        top1 += bool(ids) and ids[0] == want
        top3 += want in ids
        if hits and hits[0].confidence >= ANSWER_THRESHOLD:
            answered += 1
            answered_right += ids[0] == want
    n = len(items)
    return {"n": n, "top1": top1 / n, "top3": top3 / n, "answered": answered / n,
            "answered_right": answered_right / answered if answered else 0.0}


def latency(index: QaIndex, questions: list[str]) -> dict:
    for q in questions[:50]:  # warm the caches of the segmenter and converter
        index.search(q)
    times = []
    for q in questions:
        start = time.perf_counter()
        index.search(q)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"p50": statistics.median(times), "p95": times[int(len(times) * 0.95) - 1],
            "max": times[-1]}


def query_mix(items: list[dict], docs: list[EntryDoc], n: int, seed: int) -> list[str]:
    """Half paraphrases, half generated entries' questions (as a visitor might paste)."""
    rng = random.Random(seed + 1)
    mix = [i["question"] for i in items]
    mix += [rng.choice(docs).question for _i in range(max(0, n - len(mix)))]
    rng.shuffle(mix)
    return mix[:n]


def run(sizes: list[int], queries: int, seed: int) -> list[dict]:
    items = load_paraphrases()
    synonyms = SynonymTable.from_mapping(DEMO_SYNONYMS)
    rows = []
    for size in [len(ENTRIES), *sizes]:
        docs = demo_docs() if size == len(ENTRIES) else generate(size, seed)
        start = time.perf_counter()
        index = QaIndex(docs, synonyms)
        build = time.perf_counter() - start
        ids = {d.question: d.id for d in docs[:len(ENTRIES)]}
        row = {"entries": len(docs), "build_s": build, **accuracy(index, items, ids)}
        row.update(latency(index, query_mix(items, docs, queries, seed)))
        row["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append(row)
        print(f"  … {len(docs):>7} entries done", file=sys.stderr, flush=True)
        del index
    return rows


def by_kind(seed: int, size: int | None = None) -> dict[str, dict]:
    items = load_paraphrases()
    docs = demo_docs() if size is None else generate(size, seed)
    index = QaIndex(docs, SynonymTable.from_mapping(DEMO_SYNONYMS))
    ids = {d.question: d.id for d in docs[:len(ENTRIES)]}
    kinds = sorted({i["kind"] for i in items})
    return {k: accuracy(index, [i for i in items if i["kind"] == k], ids) for k in kinds}


def print_table(rows: list[dict], kinds: dict[str, dict]) -> None:
    n = rows[0]["n"]
    print(f"\nPolicy Q&A answering — {n} paraphrases, answer threshold {ANSWER_THRESHOLD}")
    print(f"{'entries':>8} {'build s':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} "
          f"{'top-1':>7} {'top-3':>7} {'answered':>9} {'ans. right':>10} {'RSS MB':>7}")
    for r in rows:
        print(f"{r['entries']:>8} {r['build_s']:>8.1f} {r['p50']:>8.2f} {r['p95']:>8.2f} "
              f"{r['max']:>8.2f} {r['top1']:>7.1%} {r['top3']:>7.1%} {r['answered']:>9.1%} "
              f"{r['answered_right']:>10.1%} {r['rss_mb']:>7.0f}")
    print("\nBy kind of paraphrase (demo library):")
    for kind, r in kinds.items():
        print(f"  {kind:<12} n={r['n']:>3}  top-1 {r['top1']:.1%}  top-3 {r['top3']:.1%}")
    print("\nanswered: share above the threshold (stored answer given verbatim); "
          "ans. right: of those, share where it is the intended entry.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rows = run(args.sizes, args.queries, args.seed)
    print_table(rows, by_kind(args.seed))


if __name__ == "__main__":
    main()
