"""Checks over the data of ``everyday.txt`` (no database): each line parses into a group
the lexicon can hold, extends an earlier group only in that group's own kind, and no
word is made to mean two unrelated things."""
from collections import defaultdict

import pytest

from gongkai.lexicon.data.scopes import SCOPES, split_line
from gongkai.lexicon.data.seed import (
    EVERYDAY_FILE,
    KINDS,
    everyday_groups,
    read_groups,
    seed_groups,
)
from gongkai.lexicon.models import TERM_MAX, VARIANTS_MAX, TermKind
from gongkai.lexicon.services import term_clean
from gongkai.policies.search.lexicon_seed import search_groups
from gongkai.policies.search.words import GENERIC_WORDS as SEARCH_GENERIC
from gongkai.qa.retrieval.text import GENERIC_WORDS as QA_GENERIC

EVERYDAY = everyday_groups()
# The groups as the earlier files leave them (the first file to name a canonical term
# sets its kind; later ones merge their variants in), in the order of the migrations.
EARLIER: dict[str, tuple[str, list[str]]] = {}
for _kind, _canonical, _variants in [*seed_groups(), *search_groups()]:
    _kept = EARLIER.setdefault(_canonical, (_kind, []))
    _kept[1].extend(v for v in _variants if v not in _kept[1])
COMBINED: dict[str, tuple[str, list[str]]] = {c: (k, list(v)) for c, (k, v) in EARLIER.items()}
for _kind, _canonical, _variants in EVERYDAY:
    _kept = COMBINED.setdefault(_canonical, (_kind, []))
    _kept[1].extend(v for v in _variants if v not in _kept[1])


def test_every_line_parses_into_a_group_the_lexicon_can_hold():
    lines = [line for line in EVERYDAY_FILE.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert len(lines) == len(EVERYDAY) >= 300
    for line in lines:
        kind, canonical, variants, scope = split_line(line)  # an optional fourth field
        assert kind in KINDS and scope in SCOPES, line
        words = [canonical, *variants.split("、")]
        # Stored as the lexicon matches (simplified, half-width, lower case, no
        # spaces), else the word would never be found in a question.
        assert all(w and w == term_clean(w) and len(w) <= TERM_MAX for w in words), line
    for canonical, (_kind, variants) in COMBINED.items():
        assert len(variants) <= VARIANTS_MAX, canonical


def test_no_canonical_twice_and_no_variant_repeated_or_equal_to_its_canonical():
    canonicals = [canonical for _k, canonical, _v in EVERYDAY]
    assert len(canonicals) == len(set(canonicals))
    for _kind, canonical, variants in EVERYDAY:
        assert len(variants) == len(set(variants)), canonical
        assert canonical not in variants


def test_a_line_extending_an_earlier_group_keeps_its_kind_and_adds_new_words():
    # Adding colloquial words to a synonym group would make them two-way: a query for
    # the official term would then be widened to slang.
    for kind, canonical, variants in EVERYDAY:
        if canonical in EARLIER:
            earlier_kind, earlier_variants = EARLIER[canonical]
            assert kind == earlier_kind, canonical
            assert not set(variants) & set(earlier_variants), canonical


def test_two_way_groups_stay_small_enough_to_be_searched_whole():
    # The policy search tries at most eight forms of a word: a two-way group larger
    # than that would crowd the official term out of its own variants' expansions.
    for _kind, canonical, _variants in EVERYDAY:
        group_kind, variants = COMBINED[canonical]
        if group_kind in {TermKind.SYNONYM, TermKind.ABBREVIATION}:
            assert len(variants) + 1 <= 8, canonical


def _related(first: str, second: str) -> bool:
    return (first == second or first in COMBINED.get(second, ("", []))[1]
            or second in COMBINED.get(first, ("", []))[1])


def test_no_new_word_means_two_unrelated_things():
    meanings = defaultdict(set)
    for canonical, (_kind, variants) in COMBINED.items():
        for variant in variants:
            meanings[variant].add(canonical)
    for _kind, canonical, variants in EVERYDAY:
        for variant in variants:
            for other in meanings[variant] - {canonical}:
                assert _related(canonical, other), (variant, canonical, other)
            # A variant that heads a two-way group of its own would pull in that
            # group's words too.
            if variant in COMBINED and COMBINED[variant][0] in {TermKind.SYNONYM,
                                                                 TermKind.ABBREVIATION}:
                assert _related(canonical, variant), (variant, canonical)


def test_colloquial_variants_are_words_not_generic_and_not_the_term_itself():
    for kind, canonical, variants in EVERYDAY:
        for variant in variants:
            # One character inside a question is too often part of another word.
            assert len(variant) >= 2, (canonical, variant)
            # A generic word mapped to a subject would let a query of generic words
            # find documents.
            assert variant not in SEARCH_GENERIC and variant not in QA_GENERIC, variant
            if kind in {TermKind.COLLOQUIAL, TermKind.TYPO}:
                # 找家庭医生 → 家庭医生 adds nothing and would swallow the words around.
                assert canonical not in variant, (canonical, variant)


@pytest.mark.parametrize("text", ["x|y", "c|孩子", "z|孩子|娃"])
def test_malformed_lines_are_refused(tmp_path, text):
    path = tmp_path / "bad.txt"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises((ValueError, KeyError)):
        read_groups(path)
