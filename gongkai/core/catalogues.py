"""The translation catalogues (gongkai/locale/<locale>/LC_MESSAGES/django.po).

Source strings are simplified Chinese, so the zh_Hans catalogue maps each string to
itself and zh_Hant is OpenCC's conversion of it (the same ``s2hk`` the pages' content
gets, see ``gongkai.core.hant``); both are filled here. English is written by a person:
a new or changed string stays untranslated (or fuzzy) in ``en`` until then, and
``gongkai/core/tests/test_catalogues.py`` fails meanwhile.
"""
from pathlib import Path

import polib

from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

from gongkai.core.hant import to_hant

LOCALES = ("zh_Hans", "zh_Hant", "en")
# Not extracted: tests, benchmarks and build output hold no text a user sees. "locale"
# too: makemessages writes into any locale folder it walks past, and the catalogues
# must go to ``root`` alone (the test extracts into a temporary folder).
IGNORE = ["node_modules", "staticfiles", "var", "bench", "tests", "deploy", "docs",
          "build", ".lock-venv", "locale"]
HEADERS = {
    "zh_Hans": "nplurals=1; plural=0;",
    "zh_Hant": "nplurals=1; plural=0;",
    "en": "nplurals=2; plural=(n != 1);",
}


def catalogue_path(locale: str, root: Path | None = None) -> Path:
    root = Path(root or settings.LOCALE_PATHS[0])
    return root / locale / "LC_MESSAGES" / "django.po"


def extract(root: Path, locales=LOCALES, keep_obsolete: bool = False) -> None:
    """``makemessages`` for the whole project into ``root`` (the working directory must
    be the project's: makemessages walks it). Needs GNU gettext's xgettext."""
    with override_settings(LOCALE_PATHS=[Path(root)]):
        call_command("makemessages", locale=list(locales), ignore_patterns=IGNORE,
                     add_location="file", no_wrap=True, no_obsolete=not keep_obsolete, verbosity=0)


def _fix_header(po: polib.POFile, locale: str) -> None:
    po.metadata_is_fuzzy = False
    po.header = "Translations of gongkai. Source strings: simplified Chinese."
    for placeholder in ("Report-Msgid-Bugs-To", "Last-Translator", "Language-Team",
                        "PO-Revision-Date"):
        po.metadata.pop(placeholder, None)
    po.metadata.update({
        "Project-Id-Version": "gongkai",
        "Language": locale,
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": HEADERS[locale],
    })


def fill(locale: str, root: Path | None = None) -> int:
    """Fills the untranslated and fuzzy entries of a Chinese catalogue from the source
    string; for ``en`` only sets the header. Returns the number of entries filled."""
    path = catalogue_path(locale, root)
    po = polib.pofile(str(path), wrapwidth=0)
    _fix_header(po, locale)
    filled = 0
    if locale != "en":
        convert = (lambda text: text) if locale == "zh_Hans" else to_hant
        for entry in po:
            if entry.obsolete or (entry.translated() and "fuzzy" not in entry.flags):
                continue
            if entry.msgid_plural:
                entry.msgstr_plural = {0: convert(entry.msgid)}
            else:
                entry.msgstr = convert(entry.msgid)
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = None
            filled += 1
    po.save(str(path))
    return filled
