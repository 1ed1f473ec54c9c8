"""Measures of the policy library for the indicator registry (tasks 25–30).

三同步 (task 28): a normative or policy document counts as interpreted in step when an
interpretation of it was published the same day (the rule ``stats`` uses).
"""
import datetime as dt

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from gongkai.policies.models import DocumentKind, PolicyDocument
from gongkai.policies.selectors.stats import INTERPRETED_KINDS
from gongkai.publishing.models import PublicationStatus

_PUBLISHED = PublicationStatus.PUBLISHED


def documents_published(*, start: dt.date, end: dt.date) -> QuerySet[PolicyDocument]:
    """Normative and policy documents published in [start, end]."""
    return PolicyDocument.objects.filter(kind__in=INTERPRETED_KINDS,
                                         publication_status=_PUBLISHED,
                                         published_on__range=(start, end))


def interpreted_in_step(*, start: dt.date, end: dt.date) -> QuerySet[PolicyDocument]:
    """Of those, the ones whose interpretation was published the same day."""
    same_day = PolicyDocument.objects.filter(
        kind=DocumentKind.INTERPRETATION, interprets=OuterRef("pk"),
        publication_status=_PUBLISHED, published_on=OuterRef("published_on"))
    return documents_published(start=start, end=end).filter(Exists(same_day))


INDICATORS = (
    {"key": "policies.documents_published", "label": _("发布的规范性文件和政策文件"),
     "unit": _("件"), "records": documents_published},
    {"key": "policies.interpreted_in_step", "label": _("解读与文件同步发布的政策文件"),
     "unit": _("件"), "records": interpreted_in_step},
)
