"""Validity as read on a given day. 已失效 is never stored: a document past its
失效日期 reads as expired on the day it is read, so "currently valid" is always true."""
import datetime

from django.db.models import Case, CharField, F, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.policies.models import PolicyDocument, Validity

EXPIRED = "expired"
VALIDITY_LABELS = {**dict(Validity.choices), EXPIRED: _("已失效")}
VALIDITY_ORDER = (Validity.VALID, Validity.AMENDED, Validity.REPEALED, EXPIRED)


def today() -> datetime.date:
    return timezone.localdate()


def effective_validity(document: PolicyDocument, today: datetime.date | None = None) -> str:
    """The validity on ``today``: the stored state, or 已失效 (``EXPIRED``) once a
    currently valid document's 失效日期 has passed."""
    today = today or timezone.localdate()
    if (document.validity == Validity.VALID and document.expires_on is not None
            and document.expires_on < today):
        return EXPIRED
    return document.validity


def validity_expression(today: datetime.date | None = None) -> Case:
    today = today or timezone.localdate()
    return Case(
        When(Q(validity=Validity.VALID, expires_on__lt=today), then=Value(EXPIRED)),
        default=F("validity"),
        output_field=CharField(),
    )


def with_validity(qs: QuerySet[PolicyDocument], today: datetime.date | None = None
                  ) -> QuerySet[PolicyDocument]:
    """Annotate ``current_validity`` (valid / amended / repealed / expired)."""
    return qs.annotate(current_validity=validity_expression(today))


def validity_condition(value: str, today: datetime.date | None = None) -> Q:
    """A filter for documents whose validity on ``today`` is ``value``."""
    today = today or timezone.localdate()
    if value == EXPIRED:
        return Q(validity=Validity.VALID, expires_on__lt=today)
    if value == Validity.VALID:
        return Q(validity=Validity.VALID) & (Q(expires_on__isnull=True)
                                            | Q(expires_on__gte=today))
    return Q(validity=value)
