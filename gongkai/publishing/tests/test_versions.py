"""Two staff editing the same catalog item: the second save is refused, both shown."""
import pytest

from django.urls import reverse

from gongkai.core.testing import assert_stale_save_refused
from gongkai.orgs.tests.factories import UserFactory
from gongkai.publishing.models import CatalogItem
from gongkai.publishing.tests.factories_publishing import CatalogItemFactory

pytestmark = pytest.mark.django_db


def test_a_stale_catalog_item_save_is_refused(unit_staff, client_for):
    item = CatalogItemFactory(unit=unit_staff.unit)
    assert_stale_save_refused(
        url=reverse("publishing:catalog_item_edit", args=[item.pk]),
        first=client_for(unit_staff), second=client_for(UserFactory(unit=unit_staff.unit)),
        change_first={"title": "甲改的事项名称"},
        change_second={"basis": "乙补充的公开依据"},
        reread=lambda: CatalogItem.objects.values_list("title", "basis").get(pk=item.pk))
