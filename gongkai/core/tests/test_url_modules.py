"""Each app lists all its routes in its own ``urls.py``; view modules define views only.

A newcomer reads one file to learn an app's URLs. The code is read, not run: a view
module (``views.py`` or any module of a ``views`` package) that binds ``urlpatterns``
fails this test with the file and line, and so does an app whose pages are routed from
``config/urls.py`` through something other than its ``urls.py``.
"""
import ast
from pathlib import Path

from django.urls import URLResolver, get_resolver

ROOT = Path(__file__).resolve().parents[2]


def _view_modules() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py")
                  if p.name == "views.py" or "views" in p.relative_to(ROOT).parts)


def _binds_urlpatterns(tree: ast.Module) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        lines += [node.lineno for t in targets
                  if isinstance(t, ast.Name) and t.id == "urlpatterns"]
    return lines


def test_no_view_module_defines_urlpatterns():
    modules = _view_modules()
    assert len(modules) > 30  # the views of every app are read, not an empty glob
    found = [f"{p.relative_to(ROOT)}:{line}" for p in modules
             for line in _binds_urlpatterns(ast.parse(p.read_text(encoding="utf-8")))]
    assert not found, f"routes belong in the app's urls.py: {found}"


def test_the_scan_sees_a_view_module_that_defines_urlpatterns():
    tree = ast.parse('from django.urls import path\n\n'
                     'def page(request): ...\n\n'
                     'urlpatterns = [path("", page)]\n')
    assert _binds_urlpatterns(tree) == [5]


def test_every_app_is_included_from_its_urls_module():
    included = {getattr(r.urlconf_module, "__name__", "") for r in get_resolver().url_patterns
                if isinstance(r, URLResolver) and r.app_name}
    gongkai = {name for name in included if name.startswith("gongkai.")}
    assert gongkai, "no app is included"
    assert all(name.endswith(".urls") for name in gongkai), sorted(gongkai)
