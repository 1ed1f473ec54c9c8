"""Every string marked for translation has a translation in all three catalogues.

The marked strings are extracted afresh (makemessages, into a temporary folder) and
compared with gongkai/locale/*/LC_MESSAGES/django.po: a string missing from a
catalogue, left empty, or marked fuzzy (a guess by msgmerge that nobody checked) fails
the test, naming the strings and the command that updates the catalogues."""
import re

import polib
import pytest

from django.conf import settings

from gongkai.core import catalogues

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[tuple[str | None, str]]:
    root = tmp_path_factory.mktemp("locale")
    pytest.MonkeyPatch().chdir(settings.BASE_DIR)
    catalogues.extract(root, locales=["en"])
    po = polib.pofile(str(catalogues.catalogue_path("en", root)))
    return {(entry.msgctxt, entry.msgid) for entry in po if not entry.obsolete}


def translated(entry: polib.POEntry) -> bool:
    if "fuzzy" in entry.flags or entry.obsolete:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def test_extraction_finds_the_marked_strings(extracted):
    # Guards the test itself: an extraction that finds nothing would pass everything.
    assert len(extracted) > 2000
    assert (None, "依申请公开") in extracted and (None, "选择语言") in extracted


@pytest.mark.parametrize("locale", catalogues.LOCALES)
def test_every_marked_string_is_translated(extracted, locale):
    po = polib.pofile(str(catalogues.catalogue_path(locale)))
    done = {(entry.msgctxt, entry.msgid) for entry in po if translated(entry)}
    missing = sorted(msgid for _ctx, msgid in extracted - {key for key in done})
    assert not missing, (
        f"{len(missing)} strings untranslated or fuzzy in {locale} (make messages, then "
        f"translate): {missing[:20]}")


@pytest.mark.parametrize("locale", catalogues.LOCALES)
def test_translations_keep_every_placeholder(locale):
    for entry in polib.pofile(str(catalogues.catalogue_path(locale))):
        wanted = sorted(PLACEHOLDER.findall(entry.msgid))
        for text in ([entry.msgstr] if not entry.msgid_plural
                     else entry.msgstr_plural.values()):
            got = sorted(PLACEHOLDER.findall(text))
            if entry.msgid_plural and text and got != wanted:
                got = sorted(set(got))  # "Asked once" may leave %(n)s out
                assert set(got) <= set(wanted), (locale, entry.msgid, text)
                continue
            assert got == wanted, (locale, entry.msgid, text)


def test_traditional_catalogue_is_the_content_conversion_of_the_source():
    from gongkai.core.hant import to_hant

    po = polib.pofile(str(catalogues.catalogue_path("zh_Hant")))
    for entry in po:
        text = entry.msgstr or entry.msgstr_plural.get(0, "")
        assert text == to_hant(entry.msgid), entry.msgid
