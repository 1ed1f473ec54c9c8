"""Online verification (网上核查) of evidence links.

Each link is fetched in the background: the HTTP status, the page title, and a snapshot
of the HTML are stored, so the office can see what the page said when it was checked
even after it changes. A link answering 4xx/5xx, refusing the connection or timing out
is flagged dead. Every fetch goes through ``gongkai.core.outbound``: a link to an
internal address (or redirecting to one) is refused without any connection, and the
reason is stored as the check error.
"""
import re
import uuid
from dataclasses import dataclass

from bs4 import BeautifulSoup

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.outbound import FetchResult, fetch
from gongkai.plans.events import PlansEvent
from gongkai.plans.models import Evidence, EvidenceKind

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
# GB2312 pages routinely contain characters only GBK/GB18030 define; GB18030 is a
# superset of both, so decoding with it never loses a character the page meant.
_ENCODING_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
                     "gb_2312-80": "gb18030", "cp936": "gb18030"}


@dataclass
class LinkProbe:
    """One check of a link: the page fetched through the guarded door, its title."""

    url: str
    result: FetchResult
    title: str = ""
    html: str | None = None

    def as_json(self) -> dict:
        return {"url": self.url, "status": self.result.status, "title": self.title,
                "refused": self.result.refused}


def link_probe(url: str) -> LinkProbe:
    """Fetch ``url`` through ``gongkai.core.outbound`` (internal addresses refused at
    every hop, total deadline, size cap) and read the page title."""
    result = fetch(url, timeout=settings.GONGKAI_LINKCHECK_TIMEOUT,
                   max_bytes=settings.GONGKAI_LINKCHECK_MAX_BYTES)
    probe = LinkProbe(url=url, result=result)
    if result.status is not None and _is_html(result):
        probe.html = decode_html(result.content, result.content_type)
        probe.title = page_title(probe.html)
    return probe


def decode_html(body: bytes, content_type: str = "") -> str:
    """The page's text, decoded by the header's charset, else the page's <meta>, else
    UTF-8 if it decodes cleanly, else GB18030 (most Chinese government sites)."""
    candidates = []
    header = re.search(r"charset\s*=\s*([A-Za-z0-9_\-]+)", content_type or "", re.I)
    if header:
        candidates.append(header.group(1))
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    for name in candidates:
        encoding = _ENCODING_ALIASES.get(name.lower(), name)
        try:
            return body.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return _guess(body)


def _guess(body: bytes) -> str:
    """No declared charset. Short GBK text can also be valid UTF-8 (通知 in GBK reads
    as two Greek/Coptic letters), so valid UTF-8 made only of two-byte sequences is
    taken for GBK when it decodes as such: a Chinese site far more likely means that."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("gb18030", errors="replace")
    two_byte_only = any("\u0080" <= c <= "\u07ff" for c in text) and not any(
        c >= "\u0800" for c in text)
    if two_byte_only:
        try:
            return body.decode("gb18030")
        except UnicodeDecodeError:
            pass
    return text


def page_title(html: str) -> str:
    soup = BeautifulSoup(html, "lxml")
    if soup.title is None or not soup.title.get_text():
        return ""
    return " ".join(soup.title.get_text().split())[:300]


def _is_html(result: FetchResult) -> bool:
    kind = result.content_type.split(";")[0].strip().lower()
    return kind in ("text/html", "application/xhtml+xml", "") and bool(result.content)


def evidence_check_link(*, evidence: Evidence) -> Evidence:
    """Fetch the link once and store what was found; records plans.evidence.checked."""
    if evidence.kind != EvidenceKind.LINK:
        return evidence
    return _store(evidence, link_probe(evidence.url))


@transaction.atomic
def _store(evidence: Evidence, probe: LinkProbe) -> Evidence:
    result, title = probe.result, probe.title
    error = result.refused or result.error or ""
    old_snapshot = evidence.snapshot.name if evidence.snapshot else ""
    if probe.html is not None:
        name = f"{evidence.pk}-{uuid.uuid4().hex[:12]}.html"
        evidence.snapshot.save(name, ContentFile(probe.html.encode("utf-8")), save=False)
    if result.truncated:
        error = _("页面超过 %(mb)s MB，只保存了前面部分。") % {
            "mb": round(settings.GONGKAI_LINKCHECK_MAX_BYTES / 1024 / 1024, 1)}
    if result.status is not None and result.status >= 400:
        error = error or _("网页返回错误状态 %(status)s。") % {"status": result.status}
    evidence.http_status = result.status
    evidence.page_title = title
    evidence.checked_at = timezone.now()
    evidence.is_dead = result.status is None or result.status >= 400
    evidence.check_error = error[:300]
    evidence.save(update_fields=["http_status", "page_title", "checked_at", "is_dead",
                                 "check_error", "snapshot"])
    record_event(obj=evidence, action=PlansEvent.EVIDENCE_CHECKED, details={
        "url": evidence.url, "status": result.status, "dead": evidence.is_dead,
        "title": title, "error": evidence.check_error, "refused": result.refused,
        "address": result.address})
    if old_snapshot and old_snapshot != evidence.snapshot.name:
        storage = evidence.snapshot.storage
        transaction.on_commit(lambda: storage.delete(old_snapshot))
    return evidence


def evidence_links_to_recheck():
    """Ids of every link evidence, oldest check first (never-checked ones lead)."""
    return (Evidence.objects.filter(kind=EvidenceKind.LINK)
            .order_by("checked_at", "pk").values_list("pk", flat=True))
