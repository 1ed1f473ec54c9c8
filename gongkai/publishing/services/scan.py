"""The sensitive-information scan of publishable content and the resolution of findings.

Content takes part through two methods (the "Publishable contract"):
``obj.scan_sources() -> list[tuple[str, str]]`` (source name, text; attachments' text
included) and ``obj.replace_in_source(source, old, new) -> None`` (changes and saves;
or a function registered with ``content_registry.register_replacer``).

A finding is one occurrence of one match. The raw match is never stored: a finding
keeps its position, a masked excerpt and a keyed fingerprint (HMAC-SHA256 with the
site's secret, so an ID number cannot be recovered from the table by trying them all).
Masking and removal find the match again by that fingerprint in the current text.

Rescanning replaces the open findings. An accepted finding stays accepted while its
fingerprint still occurs in its source (one accepted finding covers one occurrence);
masked and removed findings stay as the record of what was done.
"""
import hashlib
import hmac
from collections import defaultdict
from collections.abc import Callable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.workflow import transition
from gongkai.publishing.content_registry import replace_in_source
from gongkai.publishing.detectors import Match, detect, mask
from gongkai.publishing.events import PublishingEvent
from gongkai.publishing.models import Finding, FindingStatus, PublicationStatus, SensitiveWord
from gongkai.publishing.permissions import EDITABLE

SOURCE_MAX = 200
EXCERPT_CONTEXT = 12
MAX_REASON_CHARS = 2000
_RESOLVABLE = (*EDITABLE, PublicationStatus.IN_REVIEW)
F = FindingStatus
# A finding is resolved once, one way; the content's history gets its own event too.
FINDING_TRANSITIONS = {
    (F.OPEN, F.MASKED): PublishingEvent.FINDING_MASKED,
    (F.OPEN, F.REMOVED): PublishingEvent.FINDING_REMOVED,
    (F.OPEN, F.ACCEPTED): PublishingEvent.FINDING_ACCEPTED,
}


def fingerprint(match: Match) -> str:
    message = f"{match.kind}\x00{match.raw}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _words() -> list[str]:
    return list(SensitiveWord.objects.values_list("word", flat=True))


def _sources(obj) -> dict[str, str]:
    """Source name (as stored, at most 200 characters) → text."""
    return {name[:SOURCE_MAX]: text or "" for name, text in obj.scan_sources()}


def _source_name(obj, stored: str) -> str:
    """The full source name of ``obj`` whose stored form is ``stored``."""
    for name, _text in obj.scan_sources():
        if name[:SOURCE_MAX] == stored:
            return name
    raise ApplicationError(_("内容中已没有“%(source)s”，请重新扫描。") % {"source": stored})


def excerpt(text: str, matches: list[Match], target: Match) -> str:
    """The text around ``target`` with every match in the window masked."""
    start = max(0, target.start - EXCERPT_CONTEXT)
    end = min(len(text), target.end + EXCERPT_CONTEXT)
    inside = [m for m in matches if m.end > start and m.start < end]
    start = min([start, *(m.start for m in inside)])
    end = max([end, *(m.end for m in inside)])
    pieces, cursor = [], start
    for m in sorted(inside, key=lambda m: m.start):
        pieces += [text[cursor:m.start], mask(m.kind, m.raw)]
        cursor = m.end
    pieces.append(text[cursor:end])
    result = " ".join("".join(pieces).split())
    return result if len(result) <= 200 else result[:199] + "…"


def _content_type(obj) -> ContentType:
    return ContentType.objects.get_for_model(obj)


def findings_of(obj) -> models.QuerySet[Finding]:
    return Finding.objects.filter(content_type=_content_type(obj), object_id=obj.pk)


def open_findings_of(obj) -> models.QuerySet[Finding]:
    return findings_of(obj).filter(status=FindingStatus.OPEN)


def _scan_source(obj, source: str, text: str, words: list[str], accepted: dict) -> list:
    """New open findings for one source; updates the accepted ones that still apply."""
    matches = detect(text, words=words)
    created, kept = [], []
    for match in matches:
        key = (source, fingerprint(match))
        waiting = accepted.get(key)
        if waiting:
            finding = waiting.pop(0)
            finding.start, finding.end = match.start, match.end
            finding.excerpt = excerpt(text, matches, match)
            finding.save(update_fields=["start", "end", "excerpt"])
            kept.append(finding)
            continue
        created.append(Finding(
            content_type=_content_type(obj), object_id=obj.pk, source=source,
            kind=match.kind, start=match.start, end=match.end,
            excerpt=excerpt(text, matches, match), fingerprint=key[1]))
    return [*Finding.objects.bulk_create(created), *kept]


@transaction.atomic
def content_scan(*, obj, actor=None) -> list[Finding]:
    """Scan every source of ``obj``; return the findings that describe its current text
    (open and accepted), in source and text order."""
    existing = findings_of(obj).select_for_update()
    existing.filter(status=FindingStatus.OPEN).delete()
    accepted: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in existing.filter(status=FindingStatus.ACCEPTED).order_by("start", "id"):
        accepted[(finding.source, finding.fingerprint)].append(finding)
    words = _words()
    result = []
    for source, text in _sources(obj).items():
        result += _scan_source(obj, source, text, words, accepted)
    stale = [f.pk for waiting in accepted.values() for f in waiting]
    Finding.objects.filter(pk__in=stale).delete()
    record_event(obj=obj, action=PublishingEvent.CONTENT_SCANNED, actor=actor, details={
        "open": sum(f.status == FindingStatus.OPEN for f in result),
        "accepted": sum(f.status == FindingStatus.ACCEPTED for f in result),
    })
    return sorted(result, key=lambda f: (f.source, f.start or 0, f.pk))


def _lock_open(finding: Finding) -> Finding:
    fresh = Finding.objects.select_for_update().get(pk=finding.pk)
    if fresh.status != FindingStatus.OPEN:
        raise ApplicationError(
            _("该项已处理（%(status)s）。") % {"status": fresh.get_status_display()})
    return fresh


def _content_of(finding: Finding):
    obj = finding.content_type.get_object_for_this_type(pk=finding.object_id)
    if obj.publication_status not in _RESOLVABLE:
        raise ApplicationError(_("已发布的内容不能直接修改，请先撤回。"))
    return obj


def _occurrences(obj, source: str, fp: str, words: list[str]) -> list[Match]:
    text = _sources(obj).get(source)
    if text is None:
        raise ApplicationError(_("内容中已没有“%(source)s”，请重新扫描。") % {"source": source})
    return [m for m in detect(text, words=words) if fingerprint(m) == fp]


def _resolve(finding: Finding, *, actor, status: str, reason: str = "",
             also: int = 0) -> None:
    """Mark ``finding`` and, when the replacement removed further occurrences of the same
    match, that many more open findings of the same match as resolved."""
    now = timezone.now()
    siblings = list(
        Finding.objects.select_for_update()
        .filter(content_type=finding.content_type_id,
                object_id=finding.object_id, source=finding.source,
                fingerprint=finding.fingerprint, status=FindingStatus.OPEN)
        .exclude(pk=finding.pk).order_by("start", "id")[:also])
    extra = {"reason": reason, "resolved_by": actor, "resolved_at": now}
    for each in (finding, *siblings):
        transition(each, to=status, table=FINDING_TRANSITIONS, actor=actor,
                   extra_fields=extra, details={"source": each.source})


def _replace(finding: Finding, *, actor, new: Callable[[Match], str], status: str
             ) -> Finding:
    finding = _lock_open(finding)
    obj = _content_of(finding)
    words = _words()
    before = _occurrences(obj, finding.source, finding.fingerprint, words)
    if not before:
        raise ApplicationError(_("原文中已找不到该内容，请重新扫描。"))
    target = min(before, key=lambda m: abs(m.start - (finding.start or 0)))
    replace_in_source(obj, _source_name(obj, finding.source), target.raw, new(target))
    gone = len(before) - len(_occurrences(obj, finding.source, finding.fingerprint, words))
    if gone < 1:
        raise ApplicationError(_("未能修改原文，请手工修改后重新扫描。"))
    _resolve(finding, actor=actor, status=status, also=gone - 1)
    # The content's history records the same event as the finding's own move.
    record_event(obj=obj, action=FINDING_TRANSITIONS[(F.OPEN, status)], actor=actor, details={
        "finding": finding.pk, "kind": finding.get_kind_display(),
        "source": finding.source, "excerpt": finding.excerpt, "occurrences": gone})
    return finding


@transaction.atomic
def finding_mask(*, finding: Finding, actor) -> Finding:
    """Replace the match in the content by its masked form (4401**********1234)."""
    return _replace(finding, actor=actor, new=lambda m: mask(m.kind, m.raw),
                    status=FindingStatus.MASKED)


@transaction.atomic
def finding_remove(*, finding: Finding, actor, replacement: str = "") -> Finding:
    """Delete the match from the content, or put ``replacement`` in its place."""
    replacement = replacement or ""
    if len(replacement) > 200:
        raise ApplicationError(_("替换文字不能超过200字。"))
    return _replace(finding, actor=actor, new=lambda _m: replacement,
                    status=FindingStatus.REMOVED)


@transaction.atomic
def finding_accept(*, finding: Finding, actor, reason: str) -> Finding:
    """Keep the match: the reviewer states why it may be published."""
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(_("确认可以公开时须填写理由。"))
    if len(reason) > MAX_REASON_CHARS:
        raise ApplicationError(_("理由不能超过%(n)s字。") % {"n": MAX_REASON_CHARS})
    finding = _lock_open(finding)
    obj = _content_of(finding)
    _resolve(finding, actor=actor, status=FindingStatus.ACCEPTED, reason=reason)
    record_event(obj=obj, action=PublishingEvent.FINDING_ACCEPTED, actor=actor, details={
        "finding": finding.pk, "kind": finding.get_kind_display(),
        "source": finding.source, "excerpt": finding.excerpt, "reason": reason})
    return finding
