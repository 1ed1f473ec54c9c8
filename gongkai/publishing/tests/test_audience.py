"""Task 36: content for a limited audience is published to that audience only."""
import pytest

from django.contrib.auth.models import AnonymousUser

from gongkai.orgs.tests.factories import (
    OfficeAdminFactory,
    PublicUserFactory,
    ReviewerFactory,
    SupervisorFactory,
    UnitFactory,
    UserFactory,
)
from gongkai.publishing.models import Audience, CatalogItem, PublicationStatus
from gongkai.publishing.selectors import published_visible_to
from gongkai.publishing.tests.factories_publishing import CatalogItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def items():
    publisher, listed, also_listed = UnitFactory(), UnitFactory(), UnitFactory()
    made = {}
    for audience in Audience.values:
        made[audience] = CatalogItemFactory(unit=publisher, audience=audience,
                                            publication_status=PublicationStatus.PUBLISHED)
    made["units"].audience_units.set([listed, also_listed])
    made["draft"] = CatalogItemFactory(unit=publisher)
    made["withdrawn"] = CatalogItemFactory(unit=publisher,
                                           publication_status=PublicationStatus.WITHDRAWN)
    return made, publisher, listed


def visible(user):
    return set(published_visible_to(user, CatalogItem.objects.all()).values_list(
        "title", flat=True))


def titles(made, *keys):
    return {made[k].title for k in keys}


def test_anonymous_public_and_supervisors_see_public_content_only(items):
    made, _publisher, _listed = items
    for user in (AnonymousUser(), None, PublicUserFactory(), SupervisorFactory()):
        assert visible(user) == titles(made, "public")


def test_staff_of_other_units_also_see_staff_content(items):
    made, _publisher, _listed = items
    assert visible(UserFactory()) == titles(made, "public", "staff")
    assert visible(ReviewerFactory()) == titles(made, "public", "staff")


def test_staff_of_listed_and_publishing_units_see_unit_content_once(items):
    made, publisher, listed = items
    assert visible(UserFactory(unit=listed)) == titles(made, "public", "staff", "units")
    assert visible(UserFactory(unit=publisher)) == titles(made, "public", "staff", "units")
    rows = published_visible_to(UserFactory(unit=listed), CatalogItem.objects.all())
    assert rows.count() == 3


def test_office_sees_all_published_and_never_drafts(items):
    made, _publisher, _listed = items
    assert visible(OfficeAdminFactory()) == titles(made, "public", "staff", "units")


def test_filter_composes_with_other_filters(items):
    made, _publisher, listed = items
    qs = CatalogItem.objects.filter(title=made["units"].title)
    assert published_visible_to(UserFactory(unit=listed), qs).count() == 1
    assert published_visible_to(None, qs).count() == 0
