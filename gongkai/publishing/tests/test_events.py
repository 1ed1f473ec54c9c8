"""What publishing tells other apps: events after commit, and the import edge."""
import pytest

from django.test import TestCase

from gongkai.core.audit import history_of
from gongkai.core.errors import ApplicationError
from gongkai.orgs.tests.factories import ReviewerFactory, UserFactory
from gongkai.publishing.events import PublishingEvent, publication_changed, review_decided
from gongkai.publishing.models import CatalogItem, PublicationStatus, ReviewRoute
from gongkai.publishing.services import content_submit_for_review, review_decide
from gongkai.publishing.services.review import content_publish_imported
from gongkai.publishing.tests.factories_publishing import CatalogItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    events = []

    def listen(sender, **kwargs):
        events.append((sender, kwargs))

    publication_changed.connect(listen, dispatch_uid="test.heard")
    review_decided.connect(listen, dispatch_uid="test.heard.decided")
    yield events
    publication_changed.disconnect(dispatch_uid="test.heard")
    review_decided.disconnect(dispatch_uid="test.heard.decided")


def test_a_decision_is_announced_only_after_commit_with_who_decided(heard):
    author = UserFactory()
    ReviewRoute.objects.create(unit=author.unit, levels=1)
    item = CatalogItemFactory(unit=author.unit, author=author, description="职能。")
    review = content_submit_for_review(obj=item, actor=author)
    reviewer = ReviewerFactory(unit=author.unit)
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        review_decide(review=review, reviewer=reviewer, passed=True)
    assert heard == []  # nothing before the commit
    for callback in callbacks:
        callback()
    decided = [kw for sender, kw in heard if "review" in kw]
    changed = [kw for sender, kw in heard if "event" in kw]
    assert decided[0]["reviewer"] == reviewer and decided[0]["passed"] is True
    assert changed[0]["event"] == PublishingEvent.PUBLISHED
    assert changed[0]["actor"] == reviewer and changed[0]["obj"].pk == item.pk


def test_a_submission_is_not_announced(heard):
    author = UserFactory()
    item = CatalogItemFactory(unit=author.unit, author=author, description="职能。")
    with TestCase.captureOnCommitCallbacks(execute=True):
        content_submit_for_review(obj=item, actor=author)
    assert [kw for _sender, kw in heard if "event" in kw] == []


def test_imported_content_is_published_without_review_only_with_a_reason(heard):
    author = UserFactory()
    item = CatalogItemFactory(unit=author.unit, author=author, description="职能。")
    with pytest.raises(ApplicationError, match="理由"):
        content_publish_imported(obj=item, actor=author, reason=" ")
    assert CatalogItem.objects.get(pk=item.pk).publication_status == PublicationStatus.DRAFT
    with TestCase.captureOnCommitCallbacks(execute=True):
        content_publish_imported(obj=item, actor=author, reason="原网站已审核发布")
    item = CatalogItem.objects.get(pk=item.pk)
    assert item.publication_status == PublicationStatus.PUBLISHED and item.published_at
    event = history_of(item).get(action="publishing.content.imported_published")
    assert event.details["reason"] == "原网站已审核发布"
    assert [kw["event"] for _sender, kw in heard] == [PublishingEvent.IMPORTED_PUBLISHED]


def test_published_content_cannot_take_the_import_edge_again():
    author = UserFactory()
    item = CatalogItemFactory(unit=author.unit, author=author, description="职能。")
    content_publish_imported(obj=item, actor=author, reason="原网站已审核发布")
    with pytest.raises(ApplicationError, match="不能变更"):
        content_publish_imported(obj=CatalogItem.objects.get(pk=item.pk), actor=author,
                                 reason="再次")
