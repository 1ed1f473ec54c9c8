"""What the office reads: the questions most asked, least answered and worst rated."""
from dataclasses import dataclass

from django.db.models import Count, F, FloatField, Q, QuerySet
from django.db.models.functions import Cast

from gongkai.qa.models import Outcome, QaEntry, QuestionLog

TOP = 20
MIN_RATINGS = 1


@dataclass
class Overview:
    asked: int
    answered: int
    suggested: int
    unanswered: int

    @property
    def answered_share(self) -> float:
        return self.answered / self.asked if self.asked else 0.0


def overview() -> Overview:
    counts = QuestionLog.objects.aggregate(
        asked=Count("id"), answered=Count("id", filter=Q(outcome=Outcome.ANSWERED)),
        suggested=Count("id", filter=Q(outcome=Outcome.SUGGESTED)),
        unanswered=Count("id", filter=Q(outcome=Outcome.UNANSWERED)))
    return Overview(**counts)


def most_asked(limit: int = TOP) -> QuerySet:
    """Questions by how often they were asked (normalised text), with how often the
    library answered them directly."""
    return (QuestionLog.objects.values("text")
            .annotate(times=Count("id"),
                      answered=Count("id", filter=Q(outcome=Outcome.ANSWERED)))
            .order_by("-times", "text")[:limit])


def least_answered(limit: int = TOP) -> QuerySet:
    """Questions the library most often failed to answer directly."""
    return (QuestionLog.objects.values("text")
            .annotate(times=Count("id"),
                      missed=Count("id", filter=~Q(outcome=Outcome.ANSWERED)))
            .filter(missed__gt=0)
            .annotate(share=Cast(F("missed"), FloatField()) / Cast(F("times"), FloatField()))
            .order_by("-missed", "-share", "text")[:limit])


def worst_rated(limit: int = TOP) -> QuerySet[QaEntry]:
    """Entries with the most 'not useful' ratings, then the lowest share of useful."""
    return (QaEntry.objects
            .annotate(ratings_total=Count("ratings"),
                      useless=Count("ratings", filter=Q(ratings__useful=False)),
                      useful=Count("ratings", filter=Q(ratings__useful=True)))
            .filter(ratings_total__gte=MIN_RATINGS, useless__gt=0)
            .order_by("-useless", "useful", "id")
            .select_related("unit")[:limit])
