"""Every button that deletes asks first, through one mechanism: ``data-confirm`` on the
button, read by gongkai/static/gongkai/site.js (no inline script: the CSP allows none)."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUTTON = re.compile(r"<button\b[^>]*>\s*\{%\s*translate\s+\"([^\"]+)\"\s*%\}\s*</button>", re.S)
DESTRUCTIVE = {"删除", "移除", "移出", "取消关联", "删除材料", "删除附件"}


def _buttons():
    for path in ROOT.rglob("templates/**/*.html"):
        for match in BUTTON.finditer(path.read_text(encoding="utf-8")):
            yield path.relative_to(ROOT), match.group(1), match.group(0)


def test_every_delete_button_in_the_templates_asks_for_confirmation():
    found = [(str(path), tag) for path, label, tag in _buttons() if label in DESTRUCTIVE]
    assert len(found) >= 10  # the scan sees the delete buttons it is meant to check
    assert [f"{path}: {tag}" for path, tag in found if "data-confirm=" not in tag] == []


def test_the_site_script_asks_before_any_data_confirm_submission():
    script = (ROOT / "static/gongkai/site.js").read_text(encoding="utf-8")
    assert 'getAttribute("data-confirm")' in script and "window.confirm(" in script
