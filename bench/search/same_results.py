"""Compare what two runs of ``run.py`` returned for the same queries (each query's total
and the ids of its first page), per database:

    .venv/bin/python bench/search/same_results.py before.json after.json

Exits 1 when a query's answer differs. The corpus and the queries come from a fixed seed,
so two runs with the same --docs and --queries ask the same things of the same ids."""
import json
import sys
from pathlib import Path


def main() -> None:
    before, after = (json.loads(Path(p).read_text()) for p in sys.argv[1:3])
    differ = 0
    for old, new in zip(before, after, strict=True):
        pairs = list(zip(old["in_db_answers"], new["in_db_answers"], strict=False))
        changed = [(a, b) for a, b in pairs if a != b]
        differ += len(changed)
        print(f"{old['backend']}: {len(pairs)} queries, {len(changed)} answers differ")
        for a, b in changed[:10]:
            print(f"  {a[0]!r}: total {a[1]} → {b[1]}; ids {a[2][:5]} → {b[2][:5]}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
