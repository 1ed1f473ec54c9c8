"""Reads of the public policy library: browsing counts, a document as a reader sees it,
its interpretations and public status history, the gazette archive and the
public-enterprise column. Every read starts from ``documents_visible_to(user)``.
"""
from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.audit import history_of
from gongkai.core.audit_labels import action_label
from gongkai.orgs.models import Unit
from gongkai.policies.models import (
    DocumentAttachment,
    DocumentKind,
    EnterpriseField,
    GazetteEntry,
    GazetteIssue,
    PolicyDocument,
    PublicEnterprise,
    Topic,
)
from gongkai.policies.permissions import documents_visible_to
from gongkai.policies.selectors.validity import validity_condition, with_validity

# Events of a document that a reader may see (when, what), never who did them, with the
# label used when the action has none registered in core.audit_labels.
PUBLIC_EVENTS = {".published": _("发布"), ".withdrawn": _("撤回"),
                 ".amended": _("被修改（已修改）"), ".repealed": _("被废止（已废止）"),
                 ".republished": _("重新发布")}


def readable_documents(user, *, current_only: bool = False) -> QuerySet[PolicyDocument]:
    documents = documents_visible_to(user)
    if current_only:
        documents = documents.filter(validity_condition("valid"))
    return documents


def browse_counts(user, *, current_only: bool = False) -> dict[str, list[dict]]:
    """Counts for classified browsing: by topic, by issuing body, by kind."""
    documents = readable_documents(user, current_only=current_only).order_by()
    ids = documents.values("pk")
    topics = (Topic.objects.filter(documents__in=ids).annotate(n=Count("documents"))
              .order_by("order", "name"))
    issuers = (Unit.objects.filter(issued_documents__in=ids)
               .annotate(n=Count("issued_documents")).order_by("sort_order", "name"))
    kind_labels = dict(DocumentKind.choices)
    kinds = documents.values("kind").annotate(n=Count("pk")).order_by("kind")
    return {
        "topic": [{"value": t.pk, "label": t.name, "count": t.n} for t in topics],
        "issuer": [{"value": u.pk, "label": u.name, "count": u.n} for u in issuers],
        "kind": sorted(({"value": k["kind"], "label": str(kind_labels.get(k["kind"], "")),
                         "count": k["n"]} for k in kinds),
                       key=lambda row: list(kind_labels).index(row["value"])
                       if row["value"] in kind_labels else 99),
    }


def latest_documents(user, *, current_only: bool = False, limit: int = 10
                     ) -> list[PolicyDocument]:
    documents = with_validity(readable_documents(user, current_only=current_only))
    return list(documents.select_related("unit").order_by("-published_on", "-pk")[:limit])


def document_for_reader(user, pk: int) -> PolicyDocument | None:
    """The document with what its page shows, if ``user`` may read it."""
    visible = documents_visible_to(user)
    return (with_validity(visible).select_related(
        "unit", "topic", "category", "amended_by", "repealed_by", "interprets")
        .prefetch_related("issuers", Prefetch("attachments",
                                              DocumentAttachment.objects.order_by("order", "pk")))
        .filter(pk=pk).first())


def readable_link(user, document: PolicyDocument | None) -> PolicyDocument | None:
    """``document`` if ``user`` may read it (a linked amending, repealing or
    interpreted document), else None: the page shows the title without a link."""
    if document is None:
        return None
    return document if documents_visible_to(user).filter(pk=document.pk).exists() else None


def interpretations_of(user, document: PolicyDocument) -> list[PolicyDocument]:
    return list(documents_visible_to(user).filter(interprets=document)
                .order_by("published_on", "pk"))


def changes_made_by(user, document: PolicyDocument) -> dict[str, list[PolicyDocument]]:
    """The documents that ``document`` amended or repealed, as far as ``user`` reads."""
    visible = documents_visible_to(user)
    return {"amends": list(visible.filter(amended_by=document).order_by("-published_on")),
            "repeals": list(visible.filter(repealed_by=document).order_by("-published_on"))}


@dataclass(frozen=True)
class StatusEvent:
    at: object
    label: str


def public_status_history(document: PolicyDocument) -> list[StatusEvent]:
    """Publication and validity changes, oldest first, without the people."""
    out = []
    for event in history_of(document).order_by("at", "pk"):
        suffix = "." + event.action.rsplit(".", 1)[-1]
        if suffix in PUBLIC_EVENTS:
            label = action_label(event.action)
            out.append(StatusEvent(at=timezone.localtime(event.at),
                                   label=str(PUBLIC_EVENTS[suffix]) if label == event.action
                                   else label))
    return out


def attachment_for_reader(user, pk: int) -> DocumentAttachment | None:
    return (DocumentAttachment.objects.filter(pk=pk, document__in=documents_visible_to(user))
            .select_related("document").first())


def gazette_years() -> list[int]:
    return list(GazetteIssue.objects.order_by("-year").values_list("year", flat=True)
                .distinct())


def gazette_issues(user, year: int | None) -> list[GazetteIssue]:
    """Issues of ``year`` (all years when None), each with the entries ``user`` reads."""
    entries = (GazetteEntry.objects.filter(document__in=documents_visible_to(user))
               .select_related("document").order_by("order", "pk"))
    issues = GazetteIssue.objects.prefetch_related(Prefetch("entries", entries,
                                                            to_attr="readable_entries"))
    if year is not None:
        issues = issues.filter(year=year)
    return list(issues.order_by("-year", "-number"))


def enterprises_by_field() -> list[tuple[str, list[PublicEnterprise]]]:
    """The public-enterprise column: (field label, enterprises) in the fields' order."""
    groups: dict[str, list[PublicEnterprise]] = {value: [] for value in EnterpriseField.values}
    for enterprise in PublicEnterprise.objects.select_related("supervisor"):
        groups.setdefault(enterprise.field, []).append(enterprise)
    labels = dict(EnterpriseField.choices)
    return [(str(labels.get(field, field)), items) for field, items in groups.items() if items]
