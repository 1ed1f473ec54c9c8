"""The scopes the data files give their groups (``data/scopes.py``) and migration 0011,
which gives them to a site loaded by every file migration before it (``LOAD_ORDER``):
what the markers mean, what the migration changes and leaves alone, that it can be
undone, and what each reader then reads."""
import importlib

import pytest

from django.apps import apps as django_apps

from gongkai.lexicon.data import scopes
from gongkai.lexicon.data.scopes import ScopeError, file_scopes, line_scopes, split_line
from gongkai.lexicon.data.seed import load_everyday
from gongkai.lexicon.models import LexiconVersion, Reader, TermGroup, TermScope
from gongkai.lexicon.selectors import current_lexicon
from gongkai.lexicon.services import term_variant_add
from gongkai.lexicon.tests.test_file_migrations import LOAD_ORDER
from gongkai.policies.search.lexicon_seed import (
    TENTH_SECTION,
    load_search_lexicon,
    search_groups,
)

pytestmark = pytest.mark.django_db
_files = scopes.data_files
MIGRATION = importlib.import_module("gongkai.lexicon.migrations.0011_file_scopes")


def _write(tmp_path, text: str):
    path = tmp_path / "lines.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_marker_holds_to_the_next_marker_or_section_and_a_line_field_wins(tmp_path):
    path = _write(tmp_path, "\n".join([
        "c|甲|甲1", "# @scope search", "c|乙|乙1", "c|丙|丙1|qa", "# @scope both", "c|丁|丁1",
        "# @scope qa", "c|戊|戊1", "# --- 下一节", "c|己|己1"]))
    assert line_scopes(path) == [("甲", "both"), ("乙", "search"), ("丙", "qa"),
                                 ("丁", "both"), ("戊", "qa"), ("己", "both")]


def test_a_scope_outside_the_choices_is_refused(tmp_path):
    with pytest.raises(ScopeError, match="everywhere"):
        line_scopes(_write(tmp_path, "# @scope everywhere\nc|甲|甲1"))
    with pytest.raises(ScopeError):
        split_line("c|甲|甲1|all")
    with pytest.raises(ValueError):
        split_line("c|甲|甲1|qa|more")


def test_a_group_named_by_lines_of_two_scopes_serves_both(tmp_path):
    first = _write(tmp_path, "# @scope search\nc|甲|甲1\nc|乙|乙1")
    second = tmp_path / "second.txt"
    second.write_text("c|甲|甲2\nc|丙|丙1|qa", encoding="utf-8")
    assert file_scopes([first, second]) == {"乙": "search", "丙": "qa"}


def test_the_files_hold_the_tenth_section_for_the_search_and_three_groups_for_the_qa():
    """What the files say (measured on the read sets: bench/qa and bench/search
    READMEs): every group the tenth search section makes is the search's; a group it
    only extends (公租房, made by an earlier section) still serves both."""
    found = file_scopes()
    tenth = {c for _k, c, _v in search_groups(TENTH_SECTION)}
    earlier = {c for _k, c, _v in search_groups()[:-len(tenth)]}
    searched = {c for c, s in found.items() if s == "search"}
    assert searched and searched <= tenth and not searched & earlier
    assert "便宜房子" in dict(_variants_of(searched))
    assert "公租房" not in found
    # 扶持: verbs.txt (lexicon 0013), 帮扶 held for the Q&A.
    assert {c for c, s in found.items() if s == "qa"} == {"居家养老", "装修备案", "扶持"}


def _variants_of(canonicals):
    return [(v, c) for _k, c, vs in search_groups(TENTH_SECTION) if c in canonicals
            for v in vs]


@pytest.fixture
def site():
    """A site loaded by every file migration before 0011 (the seed by the conftest)."""
    load_search_lexicon(TermGroup, LexiconVersion)
    load_everyday(TermGroup, LexiconVersion)
    for _lines, load in LOAD_ORDER:
        load(TermGroup, LexiconVersion)
    return {g.canonical: g.scope for g in TermGroup.objects.all()}


def _scopes():
    return dict(TermGroup.objects.values_list("canonical", "scope"))


def test_migration_0011_gives_the_files_scopes_and_a_new_stamp(site):
    assert set(site.values()) == {"both"}
    stamp = LexiconVersion.objects.get().stamp
    MIGRATION.apply(django_apps, None)
    after = _scopes()
    assert after["公租房"] == "both"  # an earlier group the tenth section extends
    assert after["保障房"] == "search"  # one it makes
    held = {c for c, s in after.items() if s == "search"}
    assert "住房建设计划" in held and "市民热线" in held and len(held) >= 40
    assert after["居家养老"] == after["装修备案"] == "qa"
    assert LexiconVersion.objects.get().stamp != stamp
    MIGRATION.apply(django_apps, None)  # run twice: the same
    assert _scopes() == after


def test_after_0011_each_reader_reads_its_own(site):
    MIGRATION.apply(django_apps, None)
    search, qa = current_lexicon(reader=Reader.SEARCH), current_lexicon(reader=Reader.QA)
    assert "住房建设计划" in dict(search.expand("盖多少房子"))
    assert not qa.expand("盖多少房子")
    assert "居家养老" in dict(qa.expand("在家养老"))
    assert "居家养老" not in dict(search.expand("在家养老"))


def test_migration_0011_leaves_groups_the_office_edited(site, office_admin):
    term_variant_add(canonical="住房建设计划", variant="建房计划", actor=office_admin)
    MIGRATION.apply(django_apps, None)
    assert TermGroup.objects.get(canonical="住房建设计划").scope == TermScope.BOTH


def test_migration_0011_can_be_undone_without_touching_edited_groups(site, office_admin):
    MIGRATION.apply(django_apps, None)
    group = TermGroup.objects.get(canonical="市民热线")
    group.variants = [*group.variants, "办事热线"]
    group.updated_by = office_admin
    group.save()  # the office kept it for the search, and edited it
    MIGRATION.unapply(django_apps, None)
    after = _scopes()
    assert after.pop("市民热线") == "search"
    assert set(after.values()) == {"both"}


def test_a_later_file_marking_lines_is_applied_by_calling_it_again(site, monkeypatch,
                                                                    tmp_path):
    """A file loaded after 0011 gives its marked groups their scope when its migration
    calls ``apply_file_scopes`` after loading it (the function reads every file)."""
    later = _write(tmp_path, "# @scope qa\nc|某新规范|某新说法")
    monkeypatch.setattr(scopes, "data_files", lambda: [later])
    load_everyday(TermGroup, LexiconVersion, [("colloquial", "某新规范", ["某新说法"])], set())
    scopes.apply_file_scopes(TermGroup, LexiconVersion)
    assert TermGroup.objects.get(canonical="某新规范").scope == TermScope.QA


def test_a_later_files_line_extending_a_held_group_makes_it_serve_both(site, monkeypatch,
                                                                       tmp_path):
    """A Q&A file loaded after 0011 that extends a group the search holds: its words
    would never reach the Q&A; applied again, the files name the group with two scopes,
    so it serves both."""
    MIGRATION.apply(django_apps, None)
    assert TermGroup.objects.get(canonical="市民热线").scope == TermScope.SEARCH
    later = _write(tmp_path, "c|市民热线|打热线问问")
    monkeypatch.setattr(scopes, "data_files", lambda: [*_files(), later])
    load_everyday(TermGroup, LexiconVersion, [("colloquial", "市民热线", ["打热线问问"])],
                  {"市民热线"})
    scopes.apply_file_scopes(TermGroup, LexiconVersion)
    assert TermGroup.objects.get(canonical="市民热线").scope == TermScope.BOTH
    assert TermGroup.objects.get(canonical="住房建设计划").scope == TermScope.SEARCH
