"""The lexicon groups the policy search brings (``data/search_lexicon.txt``), loaded by
policies migration 0003 and by the benchmark, in the lexicon's own seed format."""
import secrets
from pathlib import Path

from gongkai.lexicon.data.scopes import split_line
from gongkai.lexicon.services import term_clean

SEED_FILE = Path(__file__).resolve().parents[1] / "data" / "search_lexicon.txt"
KINDS = {"s": "synonym", "a": "abbreviation", "c": "colloquial", "t": "typo"}


# The heading of the groups added after migration 0005 had loaded the file: migration
# 0006 loads only those (loading all again would bring back groups the office deleted).
SECOND_SECTION = "# --- 日常说法"
# The heading of the groups added after migration 0006: migration 0007 loads those.
THIRD_SECTION = "# --- 居民说法（二）"
# The heading of the groups added after migration 0007: migration 0008 loads those.
FOURTH_SECTION = "# --- 第四批"
# The heading of the groups added after migration 0008: migration 0009 loads those.
FIFTH_SECTION = "# --- 第五批"
# The heading of the groups added after migration 0009: migration 0010 loads those.
SIXTH_SECTION = "# --- 第六批"
# The heading of the groups added after migration 0010: migration 0011 loads those.
SEVENTH_SECTION = "# --- 第七批"
# The heading of the groups added after migration 0011: migration 0012 loads those.
EIGHTH_SECTION = "# --- 第八批"
# The heading of the groups added after migration 0012: migration 0013 loads those.
NINTH_SECTION = "# --- 第九批"
# The heading of the groups added after migration 0013: migration 0014 loads those.
TENTH_SECTION = "# --- 第十批"
# The heading of the groups added after migration 0014: migration 0015 loads those.
ELEVENTH_SECTION = "# --- 第十一批"
# The heading of the groups added after migration 0015: migration 0016 loads those.
TWELFTH_SECTION = "# --- 第十二批"
# The heading of the groups added after migration 0016: migration 0017 loads those.
THIRTEENTH_SECTION = "# --- 第十三批"


# Variants of the lexicon's general seed that official usage does not make one term
# (canonical → the variants taken out, if the group still has them): 政务公开 is the
# wider work of which 政府信息公开 is a part; as one of its abbreviations (both ways)
# it sent a search for 依申请公开 to the 政务公开 work plans instead of the rules on
# handling requests. Applied by migration 0008.
CORRECTIONS = {"政府信息公开": ("政务公开",)}
# Applied by migration 0017: 免费 (free of charge) is what many measures give — free
# legal advice, vaccination, health checks — not the elderly's 优待 (preferential
# treatment); as a way of saying 优待 it sent every query about a free service to the
# elderly's privileges (免费法律咨询 → 老年人优待办法). The phrases that say the
# elderly's free rides and entries (老人免费坐车, 老人免门票) stay with 老年人优待.
THIRTEENTH_CORRECTIONS = {"优待": ("免费",)}


def correct_groups(term_group_model, version_model, corrections=None) -> None:
    """Take ``corrections``' variants (canonical → variants; ``CORRECTIONS`` unless
    given) out of their groups, and give the lexicon a new stamp. A group the office has edited in the UI (it records who) is left as they
    made it: keeping the variant there was their choice."""
    for canonical, wrong in (CORRECTIONS if corrections is None else corrections).items():
        for group in term_group_model.objects.filter(canonical=canonical,
                                                     updated_by__isnull=True):
            kept = [v for v in group.variants if v not in wrong]
            if kept != list(group.variants):
                group.variants = kept
                group.save(update_fields=["variants"])
    version_model.objects.update_or_create(pk=1, defaults={"stamp": secrets.randbelow(2**62)})


def search_groups(after: str | None = None) -> list[tuple[str, str, list[str]]]:
    """``(kind, canonical, variants)`` for each line of the file (``after``: of the
    lines after the one that starts so)."""
    groups = []
    lines = SEED_FILE.read_text(encoding="utf-8").splitlines()
    if after is not None:
        start = next(i for i, line in enumerate(lines) if line.startswith(after))
        lines = lines[start + 1:]
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        kind, canonical, variants, _scope = split_line(line)  # scope: lexicon.data.scopes
        # As the lexicon stores and matches a term (``term_clean``: lower case …): a
        # variant written HPV疫苗 was never found in a query, which is read lower-cased.
        groups.append((KINDS[kind], term_clean(canonical),
                       list(dict.fromkeys(term_clean(v) for v in variants.split("、")
                                          if v.strip()))))
    return groups


def clean_stored_terms(term_group_model, version_model) -> None:
    """Store the variants of every group as the lexicon matches them (``term_clean``):
    the groups loaded before had a few in capitals (HPV疫苗, KTV, IPO), which no query
    matched. Only the spelling changes (the office's words stay); applied by migration
    0009."""
    changed = False
    for group in term_group_model.objects.all():
        cleaned = list(dict.fromkeys(c for v in group.variants if (c := term_clean(v))
                                     and c != group.canonical))
        if cleaned != list(group.variants):
            group.variants = cleaned
            group.save(update_fields=["variants"])
            changed = True
    if changed:
        version_model.objects.update_or_create(pk=1,
                                               defaults={"stamp": secrets.randbelow(2**62)})


def load_search_lexicon(term_group_model, version_model, after: str | None = None) -> None:
    """Add the groups, merging variants into a group of the same canonical term, and
    give the lexicon a new stamp so that every process reads it again. Takes the model
    classes so that a migration can pass its historical models."""
    for kind, canonical, variants in search_groups(after):
        group, created = term_group_model.objects.get_or_create(
            canonical=canonical, defaults={"kind": kind, "variants": variants})
        if not created:
            group.variants = list(dict.fromkeys([*group.variants, *variants]))
            group.save(update_fields=["variants"])
    version_model.objects.update_or_create(pk=1, defaults={"stamp": secrets.randbelow(2**62)})
