"""Reads of consultations for the public pages and the staff's handling pages."""
import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from gongkai.participation.models import (
    CommentGroup,
    Consultation,
    ConsultationComment,
    Decision,
    FeedbackReport,
)
from gongkai.publishing.models import PublicationStatus
from gongkai.publishing.selectors import published_visible_to


def public_consultations(user, *, today: dt.date) -> dict[str, QuerySet[Consultation]]:
    """The published consultations ``user`` may read: open now, and closed. Open and
    closed come from the dates of ``today``."""
    base = published_visible_to(user, Consultation.objects.select_related("unit"))
    return {
        "open": base.filter(opens_on__lte=today, closes_on__gte=today).order_by("closes_on"),
        "upcoming": base.filter(opens_on__gt=today).order_by("opens_on"),
        "closed": base.filter(closes_on__lt=today).order_by("-closes_on"),
    }


def published_feedback(user, consultation: Consultation) -> FeedbackReport | None:
    """The consultation's feedback report if it is published and ``user`` may read it."""
    return published_visible_to(
        user, FeedbackReport.objects.filter(consultation=consultation)).first()


def comment_counts(consultations: QuerySet[Consultation]) -> dict[int, dict[str, int]]:
    """Per consultation: all comments and those still to decide (one query)."""
    rows = (ConsultationComment.objects.filter(consultation__in=consultations)
            .values("consultation_id")
            .annotate(total=Count("id"), pending=Count("id", filter=Q(
                decision=Decision.PENDING))))
    return {r["consultation_id"]: {"total": r["total"], "pending": r["pending"]}
            for r in rows}


@dataclass
class HandlingBlock:
    """One near-duplicate group (``group`` set) or one single comment."""

    group: CommentGroup | None
    comments: list[ConsultationComment] = field(default_factory=list)

    @property
    def pending(self) -> int:
        return sum(c.decision == Decision.PENDING for c in self.comments)


def comments_for_handling(consultation: Consultation, *, only_pending: bool = False
                          ) -> list[HandlingBlock]:
    """The comments as groups (largest first) then singles, in arrival order."""
    comments = (consultation.comments.select_related("article", "group", "decided_by")
                .order_by("id"))
    if only_pending:
        comments = comments.filter(decision=Decision.PENDING)
    groups: dict[int, HandlingBlock] = {}
    singles: list[HandlingBlock] = []
    for comment in comments:
        if comment.group_id:
            groups.setdefault(comment.group_id, HandlingBlock(group=comment.group)
                              ).comments.append(comment)
        else:
            singles.append(HandlingBlock(group=None, comments=[comment]))
    ordered = sorted(groups.values(), key=lambda b: -len(b.comments))
    return ordered + singles


def articles_with_counts(consultation: Consultation):
    """Articles with the number of comments each received (staff overview)."""
    return consultation.articles.annotate(comment_count=Count("comments")).order_by("order")


def feedback_under_review(consultation: Consultation) -> bool:
    report = getattr(consultation, "feedback", None)
    return report is not None and report.publication_status == PublicationStatus.IN_REVIEW
