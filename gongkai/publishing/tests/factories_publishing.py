"""Factories of the publishing tests (catalog items, routes) and helpers for valid IDs."""
import factory
from factory.django import DjangoModelFactory

from gongkai.core.identity import id_check_digit
from gongkai.orgs.tests.factories import UnitFactory
from gongkai.publishing.models import CatalogCategory, CatalogItem, ReviewRoute


def valid_id(first17: str = "44010619900307123") -> str:
    """An 18-character ID number with the right check digit."""
    return first17 + id_check_digit(first17)


def wrong_id(first17: str = "44010619900307123") -> str:
    """The same number with a wrong check digit."""
    right = id_check_digit(first17)
    return first17 + ("1" if right != "1" else "2")


class CatalogCategoryFactory(DjangoModelFactory):
    class Meta:
        model = CatalogCategory
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"T-{n + 1:02d}")
    name = factory.Sequence(lambda n: f"测试类别{n + 1}")
    order = factory.Sequence(lambda n: n + 200)


class CatalogItemFactory(DjangoModelFactory):
    class Meta:
        model = CatalogItem

    unit = factory.SubFactory(UnitFactory)
    category = factory.SubFactory(CatalogCategoryFactory)
    title = factory.Sequence(lambda n: f"目录事项{n + 1}")
    description = "本单位机构职能、办公地址和联系方式。"


class ReviewRouteFactory(DjangoModelFactory):
    class Meta:
        model = ReviewRoute

    unit = factory.SubFactory(UnitFactory)
    levels = 2
