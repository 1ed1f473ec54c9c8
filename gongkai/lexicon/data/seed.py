"""The lexicon's starting groups: ``seed.txt`` (migration 0002) and ``everyday.txt``
(migration 0003, the everyday words of each area of a district's services), read by
the migrations, the tests and the benchmarks."""
import secrets
from pathlib import Path

SEED_FILE = Path(__file__).with_name("seed.txt")
EVERYDAY_FILE = Path(__file__).with_name("everyday.txt")
SITUATIONS_FILE = Path(__file__).with_name("situations.txt")
DAILY_FILE = Path(__file__).with_name("daily.txt")
DIALECTS_FILE = Path(__file__).with_name("dialects.txt")
USAGE_FILE = Path(__file__).with_name("usage.txt")
TOLD_FILE = Path(__file__).with_name("told.txt")
KINDS = {"s": "synonym", "a": "abbreviation", "c": "colloquial", "t": "typo"}


def read_groups(path: Path) -> list[tuple[str, str, list[str]]]:
    """``(kind, canonical, variants)`` for each line of a file in the seed format."""
    groups = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, canonical, variants = line.split("|")
        groups.append((KINDS[kind], canonical.strip(),
                       [v.strip() for v in variants.split("、") if v.strip()]))
    return groups


def seed_groups() -> list[tuple[str, str, list[str]]]:
    """``(kind, canonical, variants)`` for each line of the seed file."""
    return read_groups(SEED_FILE)


def everyday_groups() -> list[tuple[str, str, list[str]]]:
    return read_groups(EVERYDAY_FILE)


def situations_groups() -> list[tuple[str, str, list[str]]]:
    """``situations.txt`` (migration 0004): what residents say happened to them, for
    the name of the service."""
    return read_groups(SITUATIONS_FILE)


def daily_groups() -> list[tuple[str, str, list[str]]]:
    """``daily.txt`` (migration 0005): what residents call things in daily life, for
    the word the services use."""
    return read_groups(DAILY_FILE)


def dialects_groups() -> list[tuple[str, str, list[str]]]:
    """``dialects.txt`` (migration 0006): the dialects' everyday words, for the word the
    services use."""
    return read_groups(DIALECTS_FILE)


def usage_groups() -> list[tuple[str, str, list[str]]]:
    """``usage.txt`` (migration 0007): the words of Taiwan, Hong Kong and Macao, and
    everyday phrases written after 0006, for the word the services use here."""
    return read_groups(USAGE_FILE)


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


def _earlier_canonicals(extra: list | tuple = ()) -> set[str]:
    """The canonical terms the earlier seed files (this app's and the policy search's,
    and ``extra``) bring: a later line with one of them extends that group."""
    from gongkai.policies.search.lexicon_seed import search_groups

    return {canonical for _kind, canonical, _v in [*seed_groups(), *search_groups(), *extra]}


def load_everyday(term_group_model, version_model, groups=None, earlier=None) -> None:
    """Add the everyday groups (or ``groups``, another file's) without undoing the
    office's work: a group someone has
    edited in the UI (it has ``updated_by``) is left as it is; a line extending a group
    the office has deleted does not bring it back; a new group is created, or, if the
    office made one of that canonical term in the meantime, left as they made it."""
    earlier = _earlier_canonicals() if earlier is None else earlier
    for kind, canonical, variants in everyday_groups() if groups is None else groups:
        group = term_group_model.objects.filter(canonical=canonical).first()
        if group is None:
            if canonical not in earlier:
                term_group_model.objects.create(canonical=canonical, kind=kind,
                                                variants=variants)
            continue
        if _edited(group):
            continue
        merged = list(dict.fromkeys([*group.variants, *variants]))
        if merged != group.variants:
            group.variants = merged
            group.save(update_fields=["variants"])
    version_model.objects.update_or_create(pk=1, defaults={"stamp": secrets.randbits(62)})


def _edited(group) -> bool:
    # Edited in the UI (the services record who) or anywhere else after it was made
    # (a migration's save of the variants alone leaves ``updated_at`` as it was).
    return group.updated_by_id is not None or (
        group.updated_at - group.created_at).total_seconds() > 1


def load_situations(term_group_model, version_model) -> None:
    """Migration 0004: ``situations.txt``, by the rules of ``load_everyday``; a line
    extending an everyday group extends it too."""
    load_everyday(term_group_model, version_model, situations_groups(),
                  _earlier_canonicals(everyday_groups()))


def unload_situations(term_group_model, version_model) -> None:
    unload_everyday(term_group_model, version_model, situations_groups(),
                    _earlier_canonicals(everyday_groups()))


def unload_everyday(term_group_model, version_model, groups=None, earlier=None) -> None:
    """Undo ``load_everyday`` (of ``groups``) on groups nobody has edited since: the
    groups it created are deleted, the variants it added to earlier groups removed."""
    earlier = _earlier_canonicals() if earlier is None else earlier
    for _kind, canonical, variants in everyday_groups() if groups is None else groups:
        group = term_group_model.objects.filter(canonical=canonical).first()
        if group is None or _edited(group):
            continue
        if canonical not in earlier:
            group.delete()
            continue
        kept = [v for v in group.variants if v not in variants]
        if kept != group.variants:
            group.variants = kept
            group.save(update_fields=["variants"])
    version_model.objects.update_or_create(pk=1, defaults={"stamp": secrets.randbits(62)})


def load_daily(term_group_model, version_model) -> None:
    """Migration 0005: ``daily.txt``, by the rules of ``load_everyday``; a line
    extending an everyday or situations group extends it too."""
    load_everyday(term_group_model, version_model, daily_groups(),
                  _earlier_canonicals([*everyday_groups(), *situations_groups()]))


def unload_daily(term_group_model, version_model) -> None:
    unload_everyday(term_group_model, version_model, daily_groups(),
                    _earlier_canonicals([*everyday_groups(), *situations_groups()]))


def _before_dialects() -> set:
    return _earlier_canonicals([*everyday_groups(), *situations_groups(), *daily_groups()])


def told_groups() -> list[tuple[str, str, list[str]]]:
    """``told.txt`` (migration 0008): what residents say happened to them, written after
    0007, for the name of the service."""
    return read_groups(TOLD_FILE)


def load_dialects(term_group_model, version_model) -> None:
    """Migration 0006: ``dialects.txt``, by the rules of ``load_everyday``; a line
    extending an earlier file's group extends it too."""
    load_everyday(term_group_model, version_model, dialects_groups(), _before_dialects())


def unload_dialects(term_group_model, version_model) -> None:
    unload_everyday(term_group_model, version_model, dialects_groups(), _before_dialects())


def _before_usage() -> set:
    return _earlier_canonicals([*everyday_groups(), *situations_groups(), *daily_groups(),
                                *dialects_groups()])


def load_usage(term_group_model, version_model) -> None:
    """Migration 0007: ``usage.txt``, by the rules of ``load_everyday``; a line
    extending an earlier file's group extends it too."""
    load_everyday(term_group_model, version_model, usage_groups(), _before_usage())


def unload_usage(term_group_model, version_model) -> None:
    unload_everyday(term_group_model, version_model, usage_groups(), _before_usage())


def _before_told() -> set:
    return _earlier_canonicals([*everyday_groups(), *situations_groups(), *daily_groups(),
                                *dialects_groups(), *usage_groups()])


def load_told(term_group_model, version_model) -> None:
    """Migration 0008: ``told.txt``, by the rules of ``load_everyday``; a line extending
    an earlier file's group extends it too."""
    load_everyday(term_group_model, version_model, told_groups(), _before_told())


def unload_told(term_group_model, version_model) -> None:
    unload_everyday(term_group_model, version_model, told_groups(), _before_told())
