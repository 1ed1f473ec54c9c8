"""Eighth round: a word is generic for a reason — it names a document's genre (计划,
指导意见: ``words.GENRE_WORDS``, taken whole when the cut splits it), frames a title,
or is in most of the library — and a query of such words alone finds nothing, with one
message; one real word among them still finds its documents; the message names only
the words the library lacks; the sixth lexicon section (migration 0010)."""
import importlib

import pytest

from django.apps import apps as django_apps

from gongkai.lexicon.data.seed import everyday_groups, seed_groups
from gongkai.lexicon.models import LexiconVersion, TermGroup
from gongkai.lexicon.selectors import expand_tokens
from gongkai.policies.search import search_documents, words
from gongkai.policies.search.lexicon_seed import SIXTH_SECTION, search_groups
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("gongkai.policies.migrations.0010_search_lexicon_sixth")


def test_migration_0010_joins_the_abbreviation_to_the_documents_term_once():
    # A site before 0010: the seed lexicon reads 保障房 as the field's name only.
    TermGroup.objects.create(canonical="住房保障", kind="colloquial",
                             variants=["保障房", "保障性住房"])
    LexiconVersion.objects.update_or_create(pk=1, defaults={"stamp": 7})
    plan = make_document(title="黄埔区2025年保障性住房建设计划",
                         body_html="<p>计划筹集保障性租赁住房三千套。</p>")
    # 保障 + 房 are held (一间房): 保障房 is read as typed, not as the titles' coinage.
    rules = make_document(title="黄埔区住房保障管理办法",
                          body_html="<p>住房保障对象每人一间房，按照建设进度分配。</p>")
    assert ids(search_documents(query="保障房 建设"))[:1] == [rules.pk]
    MIGRATION.load(django_apps, None)
    assert dict(expand_tokens(["保障房"]))["保障性住房"] == 1.0  # an abbreviation
    assert ids(search_documents(query="保障房 建设"))[:1] == [plan.pk]  # live at once
    count = TermGroup.objects.count()
    MIGRATION.load(django_apps, None)
    assert TermGroup.objects.count() == count


def test_sixth_section_lines_keep_the_kind_of_an_earlier_group():
    sixth = search_groups(after=SIXTH_SECTION)
    assert sixth  # guards the test itself: the section is found and read
    sixth_lines = {(kind, canonical) for kind, canonical, _variants in sixth}
    earlier: dict[str, str] = {}
    for kind, canonical, _variants in [*seed_groups(), *search_groups(), *everyday_groups()]:
        if (kind, canonical) not in sixth_lines:
            earlier.setdefault(canonical, kind)
    for kind, canonical, _variants in sixth:
        if canonical in earlier:
            assert kind == earlier[canonical], canonical
    # No variant is a generic word: a query of generic words would find a subject.
    assert not {v for _kind, _canonical, variants in sixth for v in variants} & words.GENERIC_WORDS
