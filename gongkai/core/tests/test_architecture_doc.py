"""docs/architecture.md says where each rule lives: every file it names exists and
every symbol named after a file is defined at the top level of that file."""
import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DOC = ROOT / "docs" / "architecture.md"
CODE = re.compile(r"`([^`]+)`")


def _defined(path: Path) -> set[str]:
    names = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def references() -> list[tuple[str, list[str]]]:
    """(file, symbols named after it up to the next file) for every line of the doc."""
    found = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        current = None
        for code in CODE.findall(line):
            if code.startswith("gongkai/") and code.endswith(".py"):
                current = (code, [])
                found.append(current)
            elif current and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", code) and not \
                    code.startswith("GONGKAI_"):  # a setting, not a symbol
                current[1].append(code)
    return found


def test_every_file_and_symbol_the_architecture_table_names_exists():
    missing = []
    refs = references()
    assert len(refs) > 30
    for file, symbols in refs:
        path = ROOT / file
        if not path.exists():
            missing.append(file)
            continue
        defined = _defined(path)
        missing += [f"{file} {s}" for s in symbols if s not in defined]
    assert missing == []
