"""Writing the lexicon: groups created, changed, deleted, and one variant added in one
step (from the Q&A's queue of unanswered questions). Every write records an audit
event and gives the lexicon a new stamp (the receivers do it for any save)."""
import secrets
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.text import normalize
from gongkai.lexicon.events import LexiconEvent
from gongkai.lexicon.models import (
    NOTE_MAX,
    READS,
    TERM_MAX,
    VARIANTS_MAX,
    LexiconVersion,
    TermGroup,
    TermKind,
    TermScope,
)

VERSION_PK = 1


@dataclass
class GroupData:
    """What staff type for a group, checked by ``group_data_clean``."""

    canonical: str
    variants: list[str] = field(default_factory=list)
    kind: str = TermKind.SYNONYM
    note: str = ""
    scope: str = TermScope.BOTH


def term_clean(text: str) -> str:
    """A term as the lexicon stores and matches it: normalised (traditional →
    simplified, full-width → half-width), lower case, without spaces."""
    return "".join(normalize(text or "").lower().split())


def split_variants(text: str) -> list[str]:
    """One variant a line; 、，, ；; and / also separate."""
    for separator in "、，,；;/":
        text = (text or "").replace(separator, "\n")
    return [p for p in (line.strip() for line in text.splitlines()) if p]


def group_data_clean(data: GroupData) -> list[str]:
    """The problems of ``data`` in Chinese (empty when it may be saved); cleans it."""
    errors = []
    data.canonical = term_clean(data.canonical)
    data.variants = list(dict.fromkeys(v for v in map(term_clean, data.variants) if v))
    data.note = (data.note or "").strip()
    if not data.canonical:
        errors.append(_("规范说法不能为空"))
    elif len(data.canonical) > TERM_MAX:
        errors.append(_("规范说法不能超过%(n)s字") % {"n": TERM_MAX})
    if data.canonical in data.variants:
        data.variants.remove(data.canonical)
    if not data.variants:
        errors.append(_("至少填写一个其他说法"))
    elif len(data.variants) > VARIANTS_MAX:
        errors.append(_("其他说法不能超过%(n)s个") % {"n": VARIANTS_MAX})
    too_long = [v for v in data.variants if len(v) > TERM_MAX]
    if too_long:
        errors.append(_("每个说法不能超过%(n)s字：%(w)s") % {"n": TERM_MAX,
                                                          "w": "、".join(too_long[:3])})
    if data.kind not in TermKind.values:
        errors.append(_("类型“%(k)s”不在可选范围内") % {"k": data.kind})
    if data.scope not in TermScope.values:
        errors.append(scope_error(data.scope))
    if len(data.note) > NOTE_MAX:
        errors.append(_("备注不能超过%(n)s字") % {"n": NOTE_MAX})
    return errors


def scope_error(value) -> str:
    """The message for a scope that is none of ``TermScope``'s, naming those that are."""
    return _("适用范围“%(s)s”不在可选范围内（可选：%(all)s）") % {
        "s": value, "all": "、".join(str(label) for label in TermScope.labels)}


def _check(data: GroupData, *, exclude_pk: int | None = None) -> None:
    errors = group_data_clean(data)
    if not errors:
        taken = TermGroup.objects.filter(canonical=data.canonical).exclude(pk=exclude_pk)
        if taken.exists():
            errors.append(_("已有规范说法为“%(w)s”的词组，请在该词组中添加说法")
                          % {"w": data.canonical})
    if errors:
        raise ApplicationError("；".join(errors) + "。")


@transaction.atomic
def term_group_create(*, data: GroupData, actor) -> TermGroup:
    _check(data)
    group = TermGroup.objects.create(canonical=data.canonical, variants=data.variants,
                                     kind=data.kind, scope=data.scope, note=data.note,
                                     updated_by=_user(actor))
    record_event(obj=group, action=LexiconEvent.GROUP_CREATED, actor=actor,
                 details={"canonical": group.canonical, "variants": group.variants,
                          "kind": group.kind, "scope": group.scope})
    return group


@transaction.atomic
def term_group_update(*, group: TermGroup, data: GroupData, actor) -> TermGroup:
    group = TermGroup.objects.select_for_update().get(pk=group.pk)
    _check(data, exclude_pk=group.pk)
    before = {"canonical": group.canonical, "variants": group.variants, "kind": group.kind,
              "scope": group.scope}
    group.canonical, group.variants = data.canonical, data.variants
    group.kind, group.note, group.updated_by = data.kind, data.note, _user(actor)
    group.scope = data.scope
    group.save()
    record_event(obj=group, action=LexiconEvent.GROUP_UPDATED, actor=actor,
                 details={"from": before, "canonical": group.canonical,
                          "variants": group.variants, "kind": group.kind,
                          "scope": group.scope})
    return group


@transaction.atomic
def term_group_delete(*, group: TermGroup, actor) -> None:
    record_event(obj=group, action=LexiconEvent.GROUP_DELETED, actor=actor,
                 details={"canonical": group.canonical, "variants": group.variants})
    group.delete()


@transaction.atomic
def term_variant_add(*, canonical: str, variant: str, kind: str = TermKind.COLLOQUIAL,
                     scope: str | None = None, actor) -> TermGroup:
    """Teach the lexicon that ``variant`` means ``canonical``, in one step: added to
    the group of ``canonical`` if there is one (the variant then serves that group's
    scope: scope is a group's), else a new group of ``kind`` and ``scope`` (both readers
    without one). A group that does not serve every reader ``scope`` names is refused:
    the variant would silently miss the one asked for."""
    canonical, variant = term_clean(canonical), term_clean(variant)
    group = TermGroup.objects.select_for_update().filter(canonical=canonical).first()
    if group is None:
        return term_group_create(data=GroupData(canonical=canonical, variants=[variant],
                                                kind=kind, scope=scope or TermScope.BOTH),
                                 actor=actor)
    data = GroupData(canonical=canonical, variants=[*group.variants, variant],
                     kind=group.kind, note=group.note, scope=group.scope)
    if variant in group.variants:
        raise ApplicationError(_("“%(v)s”已在“%(c)s”的词组中。") % {"v": variant, "c": canonical})
    _check_scope(group, scope)
    _check(data, exclude_pk=group.pk)
    group.variants, group.updated_by = data.variants, _user(actor)
    group.save(update_fields=["variants", "updated_by", "updated_at"])
    record_event(obj=group, action=LexiconEvent.VARIANT_ADDED, actor=actor,
                 details={"canonical": canonical, "variant": variant, "scope": group.scope})
    return group


def scope_readers(scope: str) -> set[str]:
    """The readers that read a group of ``scope`` (``models.READS``)."""
    return {reader for reader, scopes in READS.items() if scope in scopes}


def _check_scope(group: TermGroup, scope: str | None) -> None:
    if scope is None:
        return
    if scope not in TermScope.values:
        raise ApplicationError(scope_error(scope) + "。")
    if not scope_readers(scope) <= scope_readers(group.scope):
        raise ApplicationError(_(
            "“%(c)s”的词组适用范围为“%(g)s”，加入的说法不会用于“%(s)s”。请先在同义词词库中"
            "修改该词组的适用范围。") % {"c": group.canonical, "g": group.get_scope_display(),
                                    "s": TermScope(scope).label})


def lexicon_version_bump() -> None:
    """Mark every process's cached lexicon stale."""
    updated = LexiconVersion.objects.filter(pk=VERSION_PK).update(stamp=secrets.randbits(62))
    if not updated:
        LexiconVersion.objects.get_or_create(pk=VERSION_PK,
                                             defaults={"stamp": secrets.randbits(62)})


def _user(actor):
    return actor if getattr(actor, "is_authenticated", False) else None
