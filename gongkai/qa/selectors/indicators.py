"""Measures of the policy Q&A for the indicator registry (tasks 31–33)."""
import datetime as dt

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from gongkai.core.dates import day_range_bounds
from gongkai.qa.models import PendingQuestion, PendingStatus


def unanswered(*, start: dt.date, end: dt.date) -> QuerySet[PendingQuestion]:
    """Questions queued for a unit, first asked by ``end``, still without an answer."""
    return PendingQuestion.objects.filter(
        Q(status=PendingStatus.OPEN), first_asked_at__lt=day_range_bounds(start, end)[1],
        unit__isnull=False)


INDICATORS = (
    {"key": "qa.unanswered", "label": _("待答复的政策问答问题"), "unit": _("个"),
     "records": unanswered, "better": "less"},
)
