"""The scope a data file gives its groups (``models.TermScope``): which reader of the
lexicon — the policy search, the Q&A, or both — uses them.

A file states it in two ways (``docs`` in gongkai/lexicon/data/README.md):

- a marker line ``# @scope search`` (or ``qa``, ``both``): the lines after it, up to the
  next marker or the next section heading (``# ---``), are of that scope;
- a fourth field on one line, ``c|装修备案|装修报备|qa``, which wins over a marker.

A line says nothing more than its group's scope: scope is a group's, not a variant's,
so a line sets it only for a group no line of another scope names (a line extending a
group that another file made, or that another file extends, leaves it for both, as a
line keeps the kind of the group it extends). Groups the office has edited are left as
they made them. Applied by lexicon migration 0011 (``apply_file_scopes``), which reads
every file and gives every group they name the scope they say: a later file's migration
calls it again after its load, so that its marked lines take effect and a group one of
its lines extends (held for one reader until then) serves both again.
"""
import re
import secrets
from pathlib import Path

SCOPES = ("both", "search", "qa")
BOTH = "both"
_MARKER = re.compile(r"#\s*@scope\s+(\S+)\s*$")
SECTION = "# ---"
_HERE = Path(__file__).resolve().parent


class ScopeError(ValueError):
    """A scope a file names that is not one of ``SCOPES``."""


def scope_word(text: str, where: str) -> str:
    word = (text or "").strip() or BOTH
    if word not in SCOPES:
        raise ScopeError(f"{where}: scope {word!r} is not one of {', '.join(SCOPES)}")
    return word


def split_line(line: str, scope: str = BOTH) -> tuple[str, str, str, str]:
    """``(kind code, canonical, variants text, scope)`` of one line of the seed format
    ``kind|canonical|variants[|scope]``; ``scope``: the marker's, for a line naming
    none."""
    fields = line.split("|")
    if len(fields) not in (3, 4):
        raise ValueError(f"not kind|canonical|variants[|scope]: {line!r}")
    kind, canonical, variants = fields[:3]
    own = scope_word(fields[3], line) if len(fields) == 4 else scope
    return kind.strip(), canonical.strip(), variants, own


def line_scopes(path: Path) -> list[tuple[str, str]]:
    """``(canonical, scope)`` of every line of the file at ``path``."""
    found, scope = [], BOTH
    for line in path.read_text(encoding="utf-8").splitlines():
        marker = _MARKER.match(line.strip())
        if marker:
            scope = scope_word(marker.group(1), f"{path.name}: {line}")
        elif line.startswith(SECTION):
            scope = BOTH
        elif line.strip() and not line.startswith("#"):
            _kind, canonical, _variants, own = split_line(line, scope)
            found.append((_term(canonical), own))
    return found


def _term(text: str) -> str:
    from gongkai.lexicon.services import term_clean

    return term_clean(text)


def data_files() -> list[Path]:
    """Every file the migrations load groups from: this app's and the policy search's."""
    from gongkai.lexicon.data.seed import EVERYDAY_FILE, LATER_FILES, SEED_FILE
    from gongkai.policies.search.lexicon_seed import SEED_FILE as SEARCH_FILE

    return [SEED_FILE, SEARCH_FILE, EVERYDAY_FILE, *(_HERE / name for name in LATER_FILES)]


def file_scopes(files: list[Path] | None = None, *, every: bool = False) -> dict[str, str]:
    """canonical → scope, for the groups the files hold for one reader only: every line
    naming the canonical term gives it that scope (``every``: the other groups the files
    name too, as ``both``)."""
    named: dict[str, set[str]] = {}
    for path in data_files() if files is None else files:
        for canonical, scope in line_scopes(path):
            named.setdefault(canonical, set()).add(scope)
    found = {c: next(iter(s)) if len(s) == 1 else BOTH for c, s in named.items()}
    return found if every else {c: s for c, s in found.items() if s != BOTH}


def _edited(group) -> bool:
    from gongkai.lexicon.data.seed import _edited as edited

    return edited(group)


def apply_file_scopes(term_group_model, version_model, scopes: dict | None = None) -> None:
    """Give every group the files name the scope they say (a group a later file's line
    now extends serves both again), and the lexicon a new stamp. A group the office has
    edited is left as they made it. Takes the model classes so that a migration can pass
    its historical models."""
    scopes = file_scopes(every=True) if scopes is None else scopes
    # Every group read (a few thousand rows) rather than an IN list of every name the
    # files hold, which may pass the database's limit on a statement's parameters.
    for group in term_group_model.objects.all():
        scope = scopes.get(group.canonical)
        if scope is not None and group.scope != scope and not _edited(group):
            group.scope = scope
            group.save(update_fields=["scope"])
    version_model.objects.update_or_create(pk=1, defaults={"stamp": secrets.randbits(62)})


def unapply_file_scopes(term_group_model, version_model, scopes: dict | None = None
                        ) -> None:
    """Undo ``apply_file_scopes``: the groups it gave a scope (and nobody edited since)
    serve both readers again."""
    scopes = file_scopes() if scopes is None else scopes
    for group in term_group_model.objects.filter(canonical__in=list(scopes)):
        if scopes[group.canonical] != BOTH and group.scope == scopes[group.canonical] \
                and not _edited(group):
            group.scope = BOTH
            group.save(update_fields=["scope"])
    version_model.objects.update_or_create(pk=1, defaults={"stamp": secrets.randbits(62)})
