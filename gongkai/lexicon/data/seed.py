"""The lexicon's starting groups: ``seed.txt`` (migration 0002) and ``everyday.txt``
(migration 0003, the everyday words of each area of a district's services), read by
the migrations, the tests and the benchmarks."""
import secrets
from functools import partial
from pathlib import Path

from gongkai.lexicon.data.scopes import split_line

SEED_FILE = Path(__file__).with_name("seed.txt")
EVERYDAY_FILE = Path(__file__).with_name("everyday.txt")
KINDS = {"s": "synonym", "a": "abbreviation", "c": "colloquial", "t": "typo"}


def read_groups(path: Path) -> list[tuple[str, str, list[str]]]:
    """``(kind, canonical, variants)`` for each line of a file in the seed format
    (``kind|canonical|variants``, and optionally ``|scope``: read by ``scopes``)."""
    groups = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, canonical, variants, _scope = split_line(line)  # scope: ``scopes``
        groups.append((KINDS[kind], canonical,
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
    return later_groups("situations.txt")


def daily_groups() -> list[tuple[str, str, list[str]]]:
    """``daily.txt`` (migration 0005): what residents call things in daily life, for
    the word the services use."""
    return later_groups("daily.txt")


def dialects_groups() -> list[tuple[str, str, list[str]]]:
    """``dialects.txt`` (migration 0006): the dialects' everyday words, for the word the
    services use."""
    return later_groups("dialects.txt")


def usage_groups() -> list[tuple[str, str, list[str]]]:
    """``usage.txt`` (migration 0007): the words of Taiwan, Hong Kong and Macao, and
    everyday phrases written after 0006, for the word the services use here."""
    return later_groups("usage.txt")


def told_groups() -> list[tuple[str, str, list[str]]]:
    """``told.txt`` (migration 0008): what residents say happened to them, written after
    0007, for the name of the service."""
    return later_groups("told.txt")


def spoken_groups() -> list[tuple[str, str, list[str]]]:
    """``spoken.txt`` (migration 0009): how residents tell their situation, area by area
    of the services, written after 0008, for the term the entries use."""
    return later_groups("spoken.txt")


def areas_groups() -> list[tuple[str, str, list[str]]]:
    """``areas.txt`` (migration 0012): how residents put each subject of the Q&A
    library, written area by area over the whole library after 0009, for the term the
    entries use."""
    return later_groups("areas.txt")


def verbs_groups() -> list[tuple[str, str, list[str]]]:
    """``verbs.txt`` (migration 0013): the spoken verb phrases residents say for the
    written verb the entries use (取出来 → 提取), written after 0012."""
    return later_groups("verbs.txt")


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


def _earlier_groups(extra: list | tuple = ()) -> list[tuple[str, str, list[str]]]:
    """The groups of the files loaded before (this app's seed, the policy search's, and
    ``extra``)."""
    from gongkai.policies.search.lexicon_seed import search_groups

    return [*seed_groups(), *search_groups(), *extra]


def _earlier_canonicals(extra: list | tuple = ()) -> set[str]:
    """The canonical terms the earlier seed files (this app's and the policy search's,
    and ``extra``) bring: a later line with one of them extends that group."""
    return {canonical for _kind, canonical, _v in _earlier_groups(extra)}


def _earlier_variants(groups: list) -> dict[str, set[str]]:
    """canonical → the variants earlier files gave its group."""
    held: dict[str, set[str]] = {}
    for _kind, canonical, variants in groups:
        held.setdefault(canonical, set()).update(variants)
    return held


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


def unload_everyday(term_group_model, version_model, groups=None, earlier_groups=None
                    ) -> None:
    """Undo ``load_everyday`` (of ``groups``) on groups nobody has edited since: the
    groups it created are deleted, the variants it added to earlier groups removed.
    ``earlier_groups``: the groups of the files loaded before it (by default the seed's
    and the policy search's). A variant such a file also gave the group stays: the file
    repeated it, it did not add it."""
    earlier_groups = _earlier_groups() if earlier_groups is None else earlier_groups
    earlier = {canonical for _kind, canonical, _v in earlier_groups}
    held = _earlier_variants(earlier_groups)
    for _kind, canonical, variants in everyday_groups() if groups is None else groups:
        group = term_group_model.objects.filter(canonical=canonical).first()
        if group is None or _edited(group):
            continue
        if canonical not in earlier:
            group.delete()
            continue
        added = set(variants) - held.get(canonical, set())
        kept = [v for v in group.variants if v not in added]
        if kept != group.variants:
            group.variants = kept
            group.save(update_fields=["variants"])
    version_model.objects.update_or_create(pk=1, defaults={"stamp": secrets.randbits(62)})


# The files loaded after everyday.txt, each by a migration of its own in this order
# (0004 …): a line added to an applied migration's file never reaches a site already
# past it, so later words go in a new file. A line whose canonical term an earlier
# file (or the seed, or the policy search's) brings extends that group.
LATER_FILES = ("situations.txt", "daily.txt", "dialects.txt", "usage.txt", "told.txt",
               "spoken.txt", "areas.txt", "verbs.txt")


def later_groups(name: str) -> list[tuple[str, str, list[str]]]:
    """``(kind, canonical, variants)`` of one of ``LATER_FILES``."""
    return read_groups(Path(__file__).with_name(name))


def _before(name: str) -> list[tuple[str, str, list[str]]]:
    """The groups of every file loaded before ``name`` (one of ``LATER_FILES``)."""
    earlier = [EVERYDAY_FILE.name, *LATER_FILES[:LATER_FILES.index(name)]]
    return _earlier_groups([g for f in earlier for g in read_groups(Path(__file__).with_name(f))])


def load_later(name: str, term_group_model, version_model) -> None:
    """The migration of ``name`` (one of ``LATER_FILES``), by the rules of
    ``load_everyday``."""
    earlier = {canonical for _kind, canonical, _v in _before(name)}
    load_everyday(term_group_model, version_model, later_groups(name), earlier)


def unload_later(name: str, term_group_model, version_model) -> None:
    """Undo ``load_later`` of ``name``: a variant an earlier file also gave the group
    stays."""
    unload_everyday(term_group_model, version_model, later_groups(name), _before(name))


# The names the migrations and tests import (0004 situations … 0009 spoken, 0012 areas, 0013 verbs).
load_situations = partial(load_later, "situations.txt")
unload_situations = partial(unload_later, "situations.txt")
load_daily = partial(load_later, "daily.txt")
unload_daily = partial(unload_later, "daily.txt")
load_dialects = partial(load_later, "dialects.txt")
unload_dialects = partial(unload_later, "dialects.txt")
load_usage = partial(load_later, "usage.txt")
unload_usage = partial(unload_later, "usage.txt")
load_told = partial(load_later, "told.txt")
unload_told = partial(unload_later, "told.txt")
load_spoken = partial(load_later, "spoken.txt")
unload_spoken = partial(unload_later, "spoken.txt")
load_areas = partial(load_later, "areas.txt")
unload_areas = partial(unload_later, "areas.txt")
load_verbs = partial(load_later, "verbs.txt")
unload_verbs = partial(unload_later, "verbs.txt")
