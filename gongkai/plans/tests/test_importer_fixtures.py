"""Test plans in the layouts real governments publish (gongkai/plans/fixtures/plans/).

Each plan has a JSON beside it with, for every task, the units and groups a careful
reader lists and their roles ("group:" marks a group word). A task is right when the
importer finds exactly those names in exactly those roles. The figures per plan are
printed (``pytest -s``); the test fails below 95 % over all plans.
"""
import datetime as dt
import json
from pathlib import Path

import pytest

from gongkai.core.text import name_key
from gongkai.plans.importer import parse_plan, read_lines

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"
EXPECTED = sorted(PLANS.glob("*.json"))
THRESHOLD = 0.95


def _source(expected: Path) -> Path:
    return next(p for p in PLANS.glob(expected.stem + ".*") if p.suffix != ".json")


def _read(expected: Path) -> dict:
    return json.loads(expected.read_text(encoding="utf-8"))


def _parse(expected: Path):
    spec = _read(expected)
    source = _source(expected)
    known = {name_key(name) for name in spec.get("registry", [])}
    return spec, parse_plan(read_lines(source.read_bytes(), source.name),
                            year=spec["year"], known=known)


def _found(task) -> dict[str, str]:
    return {("group:" if ref.is_group else "") + ref.name: ref.role for ref in task.refs}


def score(expected: Path) -> tuple[int, int, list[str]]:
    """(tasks right, tasks, what went wrong) for one test plan."""
    spec, parsed = _parse(expected)
    tasks = {str(t.number): t for t in parsed.tasks}
    wrong = []
    numbers = set(spec["tasks"]) | set(tasks)
    for number in sorted(numbers, key=int):
        want = spec["tasks"].get(number)
        got = _found(tasks[number]) if number in tasks else None
        if want != got:
            wrong.append(f"任务{number}: 应为 {want}，读出 {got}")
    return len(numbers) - len(wrong), len(numbers), wrong


def test_there_are_at_least_eight_test_plans_each_with_its_source():
    assert len(EXPECTED) >= 8
    for expected in EXPECTED:
        assert _source(expected).exists() and _read(expected)["follows"]
    readme = (PLANS.parent / "README.md").read_text(encoding="utf-8")
    for expected in EXPECTED:
        assert _source(expected).name in readme


def test_test_plans_read_right_at_least_95_percent():
    right = total = 0
    report = []
    for expected in EXPECTED:
        r, n, wrong = score(expected)
        right, total = right + r, total + n
        report.append(f"{_source(expected).name}: {r}/{n} " + "; ".join(wrong))
    print("\n" + "\n".join(report) + f"\n合计: {right}/{total}")
    assert total and right / total >= THRESHOLD, "\n".join(report)


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.stem)
def test_metadata_and_merges_of_each_test_plan(expected):
    spec, parsed = _parse(expected)
    if "signed_on" in spec:
        assert parsed.signed_on == dt.date.fromisoformat(spec["signed_on"])
    assert parsed.title_year in (None, spec["year"])
    shared = sorted(t.number for t in parsed.tasks if t.shares_units_of)
    assert shared == spec.get("merged", [])
    # The closing block never becomes a unit of the last task.
    names = {r.name for t in parsed.tasks for r in t.refs}
    assert not any("抄送" in n or "印发" in n for n in names)
