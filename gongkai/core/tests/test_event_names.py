"""Event names are written once, in the app's ``events.py`` enum, not as free strings.

For every app with an ``events.py``: its audit labels name exactly its events (a new
event without a label would show as a raw code in the history; a label without an event
is a leftover), and no module of the app outside ``events.py`` spells an event's code as
a string or builds one, so a typo fails at import instead of writing a history nobody
can find.
"""
import ast
import re
from enum import StrEnum
from importlib import import_module
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = sorted(p.parent.name for p in ROOT.glob("*/events.py") if p.parent.name != "core")


def _enum(app: str) -> type[StrEnum]:
    module = import_module(f"gongkai.{app}.events")
    enums = [v for v in vars(module).values()
             if isinstance(v, type) and issubclass(v, StrEnum) and v is not StrEnum]
    assert len(enums) == 1, f"{app}/events.py: one enum of event names"
    return enums[0]


def _spelled_codes(app: str, codes: set[str]) -> list[str]:
    """``file:line`` of each string literal in the app that is an event code, or that
    starts one (``f"app.thing.{x}"``, ``"app.thing." + x``)."""
    prefixes = {code.rsplit(".", 1)[0] + "." for code in codes}
    found = []
    for path in sorted((ROOT / app).rglob("*.py")):
        if {"tests", "migrations"} & set(path.parts) or path.name == "events.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and (
                    node.value in codes or node.value in prefixes):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value!r}")
    return found


def test_the_apps_with_events_are_found():
    assert {"foi", "participation", "qa", "policies", "websites", "reports",
            "orgs", "lexicon", "workdays"} <= set(APPS)


@pytest.mark.parametrize("app", APPS)
def test_every_event_has_a_label_and_every_label_an_event(app):
    labels = import_module(f"gongkai.{app}.audit_labels").ACTION_LABELS
    codes = {e.value for e in _enum(app)}
    own = {code for code in labels if code.startswith(f"{app}.")}
    assert codes - own == set(), "events without a label"
    assert own - codes == set(), "labels of no event"


@pytest.mark.parametrize("app", APPS)
def test_no_module_spells_an_event_code_as_a_string(app):
    codes = {e.value for e in _enum(app)}
    assert all(re.fullmatch(rf"{app}\.[a-z_]+\.[a-z_]+", code) for code in codes)
    assert _spelled_codes(app, codes) == []


def test_the_scan_finds_a_spelled_code(tmp_path, monkeypatch):
    package = tmp_path / "demoapp"
    package.mkdir()
    (package / "services.py").write_text(
        'record_event(obj=o, action="demoapp.thing.done")\n'
        'record_event(obj=o, action=f"demoapp.thing.{kind}")\n', encoding="utf-8")
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    assert _spelled_codes("demoapp", {"demoapp.thing.done"}) == [
        "demoapp/services.py:1 'demoapp.thing.done'",
        "demoapp/services.py:2 'demoapp.thing.'"]
