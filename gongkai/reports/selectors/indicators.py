"""Measures of the meeting and training records (tasks 54, 55, 57)."""
import datetime as dt
from functools import partial

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from gongkai.reports.models import RecordKind, WorkRecord


def records_of_kind(*, kind: str, start: dt.date, end: dt.date) -> QuerySet[WorkRecord]:
    return WorkRecord.objects.filter(kind=kind, held_on__range=(start, end))


INDICATORS = tuple(
    {"key": f"reports.{kind.value}", "label": kind.label, "unit": _("次"),
     "records": partial(records_of_kind, kind=kind.value)}
    for kind in RecordKind
)
