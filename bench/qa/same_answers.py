"""Whether two versions of the answering code give the same answers on a library built
by ``run.py`` (nothing is built or changed here):

    # each version's answers, asked in its own process (``--code``: the checkout to import)
    .venv/bin/python bench/qa/same_answers.py dump --code /tmp/old --database URL --out old.json
    .venv/bin/python bench/qa/same_answers.py dump --database URL --out new.json
    .venv/bin/python bench/qa/same_answers.py compare old.json new.json

A question's answer is what ``search`` returns for it (as ``qa_ask`` shows it): the
matches in order, each with its entry id, confidence, the phrasing shown and the
features the confidence came from. Asked: every question of every split, then a fixed
sample of the library's own stored questions (``--stored``, every k-th by id). Exits 1
when any answer differs.
"""
import argparse
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def dump(args) -> None:
    code = Path(args.code).resolve() if args.code else HERE.parents[1]
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(code))
    os.environ["DATABASE_URL"] = args.database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    import evaluate

    import gongkai
    from gongkai.qa.models import QaEntry
    from gongkai.qa.retrieval.search import search

    if Path(gongkai.__file__).resolve().parents[1] != code:
        sys.exit(f"imported {gongkai.__file__}, not the code of {code}")
    questions = [q["question"] for q in evaluate.load_questions()]
    ids = list(QaEntry.objects.order_by("pk").values_list("pk", flat=True))
    step = max(1, len(ids) // args.stored) if args.stored else 0
    stored = dict(QaEntry.objects.filter(pk__in=ids[::step][:args.stored]).values_list(
        "pk", "question")) if step else {}
    answers = []
    for text in [*questions, *(stored[pk] for pk in sorted(stored))]:
        query, hits = search(text, limit=5)
        answers.append({"question": text, "scope": query.scope,
                        "hits": [[h.id, h.confidence, h.phrase, h.features] for h in hits]})
    Path(args.out).write_text(json.dumps({"code": str(code), "answers": answers},
                                         ensure_ascii=False))
    print(f"{len(answers)} questions asked with {code}")


def compare(args) -> None:
    before, after = (json.loads(Path(p).read_text())["answers"] for p in (args.old, args.new))
    differ = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    print(f"{len(differ)} of {len(before)} answers differ "
          f"(ids and confidences: {sum(_ranked(a) != _ranked(b) for a, b in differ)})")
    for a, b in differ[:10]:
        print(f"  {a['question']!r}: {_ranked(a)} → {_ranked(b)}")
    sys.exit(1 if differ else 0)


def _ranked(answer: dict) -> list:
    return [(pk, confidence) for pk, confidence, *_rest in answer["hits"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump")
    dumping.add_argument("--database", required=True)
    dumping.add_argument("--out", required=True)
    dumping.add_argument("--code", help="the checkout whose gongkai is imported "
                         "(default: this one)")
    dumping.add_argument("--stored", type=int, default=500)
    comparing = commands.add_parser("compare")
    comparing.add_argument("old")
    comparing.add_argument("new")
    args = parser.parse_args()
    (dump if args.command == "dump" else compare)(args)


if __name__ == "__main__":
    main()
