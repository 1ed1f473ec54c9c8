"""Every state change goes through ``gongkai.core.workflow.transition``.

The code is read, not run: a write of a workflow state field anywhere but in
``core/workflow.py`` (an assignment, ``setattr``, a queryset ``update``, ``bulk_update``,
``update_or_create`` defaults or ``save(update_fields=...)`` naming the field) fails this
test with the file and line. Creating a row in its first state is not a change and is
allowed. Tests and migrations may set up states directly and are not read.
"""
import ast
from pathlib import Path

import pytest

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / "core" / "workflow.py"

# Writes of a field that shares its name with a state field but is not one, each with
# the reason. Keyed by file and the written expression, so another object's write in the
# same file still fails.
NOT_STATE = {
    ("core/outbound.py", "result.status"): "an HTTP status code of a fetch result",
    ("foi/services/handling.py", "pause.result"): "free text of a consultation's answer",
    ("foi/services/charging.py", "pause.result"): "free text of a fee pause's outcome",
}


def _transition_fields() -> set[str]:
    """The field names passed to ``transition`` anywhere (``status`` by default)."""
    fields = {"status"}
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func) == "transition":
                for keyword in node.keywords:
                    if keyword.arg == "field" and isinstance(keyword.value, ast.Constant):
                        fields.add(keyword.value.value)
    return fields


def state_fields() -> set[str]:
    """Names of the fields that some transition table governs, checked to exist as a
    field with choices on a model of the project."""
    names = _transition_fields()
    model_fields = {f.name for m in apps.get_app_configs() if m.name.startswith("gongkai.")
                    for model in m.get_models() for f in model._meta.get_fields()
                    if getattr(f, "choices", None)}
    return names & model_fields


def _sources() -> list[Path]:
    return [p for p in ROOT.rglob("*.py")
            if "tests" not in p.parts and "migrations" not in p.parts and p != WORKFLOW]


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _strings(node: ast.expr | None) -> set[str]:
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return {e.value for e in node.elts if isinstance(e, ast.Constant)}
    if isinstance(node, ast.Dict):
        return {k.value for k in node.keys if isinstance(k, ast.Constant)}
    return set()


def _targets(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, ast.Assign):
        found = []
        for target in node.targets:
            found += target.elts if isinstance(target, ast.Tuple) else [target]
        return found
    if isinstance(node, ast.AugAssign | ast.AnnAssign):
        return [node.target]
    return []


def _call_writes(node: ast.Call, fields: set[str]) -> set[str]:
    name = _name(node.func)
    keywords = {k.arg: k.value for k in node.keywords}
    if name == "update":
        return {k for k in keywords if k in fields}
    if name == "setattr" and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
        return {node.args[1].value} & fields
    if name == "bulk_update" and len(node.args) > 1:
        return _strings(node.args[1]) & fields
    if name in ("bulk_update", "save"):
        return _strings(keywords.get("fields") or keywords.get("update_fields")) & fields
    if name == "update_or_create":
        return _strings(keywords.get("defaults")) & fields
    return set()


def state_writes(source: str, fields: set[str], path: str = "<code>") -> list[str]:
    """Each write of a field in ``fields`` in ``source``, as ``path:line: what``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        for target in _targets(node):
            if isinstance(target, ast.Attribute) and target.attr in fields:
                written = ast.unparse(target)
                if (path, written) not in NOT_STATE:
                    found.append(f"{path}:{node.lineno}: {written} = …")
        if isinstance(node, ast.Call):
            receiver = (ast.unparse(node.func.value)
                        if isinstance(node.func, ast.Attribute) else "")
            for field in sorted(_call_writes(node, fields)):
                if (path, f"{receiver}.{field}") not in NOT_STATE:
                    found.append(f"{path}:{node.lineno}: {_name(node.func)}(… {field} …)")
        if isinstance(node, ast.For) and _strings(node.iter) & fields and any(
                isinstance(n, ast.Call) and _name(n.func) == "setattr"
                for n in ast.walk(node)):
            found.append(f"{path}:{node.lineno}: setattr over {sorted(_strings(node.iter))}")
    return found


def test_the_state_fields_are_those_of_the_transition_tables():
    fields = state_fields()
    assert {"status", "publication_status", "validity", "review", "result",
            "decision"} <= fields


@pytest.mark.parametrize("code", [
    "report.status = 'passed'",
    "a.x, doc.publication_status = 1, 'published'",
    "Finding.objects.filter(pk=1).update(status='masked', reason='')",
    "setattr(message, 'status', 'closed')",
    "for f in ('status', 'closed_at'):\n    setattr(review, f, getattr(fresh, f))",
    "Appeal.objects.bulk_update(appeals, ['result'])",
    "Website.objects.bulk_update(sites, fields=['status'])",
    "comment.save(update_fields=['decision'])",
    "Site.objects.update_or_create(url=u, defaults={'status': 'closed'})",
])
def test_the_scan_finds_each_kind_of_state_write(code):
    assert state_writes(code, state_fields())


@pytest.mark.parametrize("code", [
    "Website.objects.create(status='running', name='x')",
    "Report.objects.filter(status='draft').count()",
    "report.progress = 'text'",
    "report.save(update_fields=['progress'])",
])
def test_creation_and_reads_are_not_state_writes(code):
    assert state_writes(code, state_fields()) == []


def test_no_state_field_is_written_outside_transition():
    fields = state_fields()
    found = []
    for path in _sources():
        relative = path.relative_to(ROOT).as_posix()
        found += state_writes(path.read_text(encoding="utf-8"), fields, relative)
    assert found == [], "state written outside core.workflow.transition:\n" + "\n".join(found)
