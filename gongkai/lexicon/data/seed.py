"""The lexicon's starting groups (``seed.txt``), read by migration 0002 and the tests."""
from pathlib import Path

SEED_FILE = Path(__file__).with_name("seed.txt")
KINDS = {"s": "synonym", "a": "abbreviation", "c": "colloquial", "t": "typo"}


def seed_groups() -> list[tuple[str, str, list[str]]]:
    """``(kind, canonical, variants)`` for each line of the seed file."""
    groups = []
    for line in SEED_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, canonical, variants = line.split("|")
        groups.append((KINDS[kind], canonical.strip(),
                       [v.strip() for v in variants.split("、") if v.strip()]))
    return groups


def load_seed(term_group_model, version_model) -> None:
    """Add the seed groups (merging into groups of the same canonical term). Takes the
    model classes so that migration 0002 can pass its historical models."""
    for kind, canonical, variants in seed_groups():
        group, created = term_group_model.objects.get_or_create(
            canonical=canonical, defaults={"kind": kind, "variants": variants})
        if not created:
            group.variants = list(dict.fromkeys([*group.variants, *variants]))
            group.save(update_fields=["variants"])
    version_model.objects.update_or_create(pk=1, defaults={"stamp": 1})
