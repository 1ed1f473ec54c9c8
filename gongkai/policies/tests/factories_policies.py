"""Test helpers for the policy library: documents made through the services, and
published the way the review desk would leave them."""
import datetime

from django.utils import timezone

from gongkai.orgs.tests.factories import UnitFactory, UserFactory
from gongkai.policies.models import DocumentKind, PolicyDocument
from gongkai.policies.services import document_create
from gongkai.publishing.models import PublicationStatus


def publish(document: PolicyDocument, on: datetime.date | None = None) -> PolicyDocument:
    """Set the state the publishing services leave (test set-up only)."""
    on = on or document.published_on or timezone.localdate()
    PolicyDocument.objects.filter(pk=document.pk).update(
        publication_status=PublicationStatus.PUBLISHED, published_on=on,
        published_at=timezone.now())
    document.refresh_from_db()
    return document


def make_document(*, published: bool = True, unit=None, author=None, **kwargs
                  ) -> PolicyDocument:
    unit = unit or (author.unit if author else UnitFactory())
    author = author or UserFactory(unit=unit)
    kwargs.setdefault("kind", DocumentKind.NORMATIVE)
    kwargs.setdefault("title", "关于测试的通知")
    document = document_create(unit=unit, author=author, **kwargs)
    return publish(document) if published else document
