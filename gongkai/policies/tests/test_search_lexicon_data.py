"""Checks over the policy search's lexicon lines written after the everyday lexicon
(the third section of ``search_lexicon.txt``, migration 0007, and every section after
it: 0008 … 0012; no database): a line naming a
canonical term another file already has keeps that group's kind — colloquial words
added to a two-way group would widen a query for the official term to slang."""
from gongkai.lexicon.data.seed import everyday_groups, seed_groups
from gongkai.policies.search.lexicon_seed import THIRD_SECTION, search_groups


def test_third_section_lines_keep_the_kind_of_an_earlier_group():
    third = search_groups(after=THIRD_SECTION)
    assert len(third) > 50  # guards the test itself: the section is found and read
    third_lines = {(kind, canonical) for kind, canonical, _variants in third}
    earlier: dict[str, str] = {}
    for kind, canonical, _variants in [*seed_groups(), *search_groups(), *everyday_groups()]:
        if (kind, canonical) not in third_lines:
            earlier.setdefault(canonical, kind)
    for kind, canonical, _variants in third:
        if canonical in earlier:
            assert kind == earlier[canonical], canonical
