"""Review routing tells people: an item opened for review or passed to the next level
tells who may decide that level (never its author, nor who decided a level before); a
return or the publication tells the drafter and the submitter."""
import pytest

from gongkai.core.models import Notification
from gongkai.orgs.tests.factories import OfficeAdminFactory, ReviewerFactory, UserFactory
from gongkai.publishing.models import ReviewRoute
from gongkai.publishing.services import content_submit_for_review, review_decide
from gongkai.publishing.tests.factories_publishing import CatalogItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``committed(step, **kwargs)``: run a service step as if its transaction committed."""
    def run(step, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return step(**kwargs)
    return run


def kinds_of(user):
    return list(Notification.objects.filter(user=user).order_by("id")
                .values_list("kind", flat=True))


def test_each_level_is_routed_to_who_may_decide_it(committed):
    author = UserFactory()
    first, second = ReviewerFactory(unit=author.unit), ReviewerFactory(unit=author.unit)
    elsewhere, office = ReviewerFactory(), OfficeAdminFactory()
    ReviewRoute.objects.create(unit=author.unit, levels=2)
    item = CatalogItemFactory(unit=author.unit, author=author)
    review = committed(content_submit_for_review, obj=item, actor=author)
    assert kinds_of(first) == kinds_of(second) == ["review"]
    note = Notification.objects.get(user=first)
    assert "初审" in note.text and note.url == f"/publishing/review/{review.pk}/"
    committed(review_decide, review=review, reviewer=first, passed=True)
    assert kinds_of(first) == ["review"]  # decided level 1: not asked for level 2
    assert kinds_of(second) == ["review", "review"]
    assert "复审" in Notification.objects.filter(user=second).latest("id").text
    assert not Notification.objects.filter(user__in=[elsewhere, office]).exists()
    committed(review_decide, review=review, reviewer=second, passed=True)
    assert kinds_of(author) == ["approved"]


def test_a_return_tells_the_author_with_the_reason(committed):
    author = UserFactory()
    submitter = UserFactory(unit=author.unit)
    reviewer = ReviewerFactory(unit=author.unit)
    ReviewRoute.objects.create(unit=author.unit, levels=1)
    item = CatalogItemFactory(unit=author.unit, author=author)
    review = committed(content_submit_for_review, obj=item, actor=submitter)
    committed(review_decide, review=review, reviewer=reviewer, passed=False, reason="标题有误")
    for user in (author, submitter):
        note = Notification.objects.get(user=user)
        assert note.kind == "returned" and "标题有误" in note.text
    assert kinds_of(reviewer) == ["review"]


def test_the_office_hears_only_when_no_reviewer_may_decide(committed):
    author, office = UserFactory(), OfficeAdminFactory()
    ReviewRoute.objects.create(unit=author.unit, levels=1)
    committed(content_submit_for_review,
              obj=CatalogItemFactory(unit=author.unit, author=author), actor=author)
    assert kinds_of(office) == ["review"]
