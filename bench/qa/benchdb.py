"""The bench's own database: a fresh SQLite file (or the PostgreSQL database named by
``--database``), migrated, holding the evaluation library or a generated large one.

Entries are written straight as published public rows (the review is not what is
measured) and the index is built once with ``index_rebuild``, as ``qa_reindex`` does.
"""
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB = "sqlite:////tmp/gongkai-bench-qa.sqlite3"


def setup(database_url: str | None) -> None:
    """Point Django at the bench database (emptied first) and migrate it."""
    url = database_url or DEFAULT_DB
    if url.startswith("sqlite:////"):
        path = Path(url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    if not url.startswith("sqlite"):
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)


def load_entries(rows) -> dict[str, int]:
    """``rows``: (key, topic, unit name, question, alternatives, answer). Returns key →
    entry id; builds the index."""
    from gongkai.orgs.models import Unit, UnitCategory
    from gongkai.publishing.models import Audience, PublicationStatus
    from gongkai.qa.models import QaEntry
    from gongkai.qa.services.answering import index_rebuild_all

    units: dict[str, Unit] = {}
    entries, keys = [], []
    for key, topic, unit, question, alternatives, answer in rows:
        if unit not in units:
            units[unit] = Unit.objects.filter(name=unit).first() or Unit.objects.create(
                name=unit, category=UnitCategory.DEPARTMENT)
        entries.append(QaEntry(unit=units[unit], topic=topic, question=question,
                               alternatives=list(alternatives), answer=answer,
                               publication_status=PublicationStatus.PUBLISHED,
                               audience=Audience.PUBLIC))
        keys.append(key)
    created = QaEntry.objects.bulk_create(entries, batch_size=2000)
    index_rebuild_all()
    return {key: entry.pk for key, entry in zip(keys, created, strict=True)}


def library_rows():
    from library import library

    return [(e.id, e.topic, e.unit, e.question, e.alternatives, e.answer) for e in library()]


def vocabulary(rng: random.Random) -> list[str]:
    """Policy terms, unit names and 3,000 common jieba nouns and verbs (2–4 chars)."""
    import jieba

    from gongkai.orgs import huangpu
    from gongkai.policies.text import policy_terms

    words = set(policy_terms())
    for name, _c, short, _aliases in [*huangpu.DEPARTMENTS, *huangpu.OTHERS]:
        words.update(w for w in (name, short) if w)
    words.update(huangpu.STREETS_TOWNS)
    common = []
    with Path(jieba.__file__).with_name("dict.txt").open(encoding="utf-8") as lines:
        for line in lines:
            word, freq, pos = line.split()
            if 2 <= len(word) <= 4 and pos[0] in "nv" and int(freq) > 2000:
                common.append(word)
    words.update(rng.sample(sorted(common), min(3000, len(common))))
    return sorted(words)


def _swap(text: str, words: list[str], rng: random.Random, n: int) -> str:
    from gongkai.qa.retrieval.text import entry_terms

    terms = [t for t in entry_terms(text) if len(t) >= 2]
    for old in rng.sample(terms, min(n, len(terms))):
        text = text.replace(old, rng.choice(words), 1)
    return text


def generated_rows(size: int, seed: int):
    """The evaluation library, then distractors up to ``size``: each takes a library
    entry's question and phrasings with one or two words swapped for words of the
    project's vocabulary, and another entry's answer (near-copies: harsher than a real
    library)."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    rows = library_rows()
    templates = list(rows)
    n = len(rows)
    while len(rows) < size:
        _k, topic, unit, question, alternatives, _a = rng.choice(templates)
        answer = rng.choice(templates)[5]
        rows.append((f"g{n}", topic, unit, _swap(question, words, rng, rng.choice((1, 2))),
                     tuple(_swap(a, words, rng, 2) for a in alternatives),
                     _swap(answer, words, rng, 3)))
        n += 1
    return rows[:size]
