"""Shared factories for units and users (factory_boy)."""
import factory
from factory.django import DjangoModelFactory

from gongkai.orgs.models import Role, Unit, UnitAlias, UnitCategory, UnitGroup, User


class UnitFactory(DjangoModelFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"区测试局{n + 1}")
    category = UnitCategory.DEPARTMENT
    is_active = True


class OfficeUnitFactory(UnitFactory):
    """The disclosure office itself; only one may exist, so it is fetched by name."""

    class Meta:
        model = Unit
        django_get_or_create = ("name",)

    name = "区政务公开办"
    is_office = True


class UnitAliasFactory(DjangoModelFactory):
    class Meta:
        model = UnitAlias

    unit = factory.SubFactory(UnitFactory)
    name = factory.Sequence(lambda n: f"测试别名{n + 1}")


class UnitGroupFactory(DjangoModelFactory):
    class Meta:
        model = UnitGroup

    name = factory.Sequence(lambda n: f"测试单位组{n + 1}")


class UserFactory(DjangoModelFactory):
    """Unit staff of a fresh unit unless told otherwise."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n + 1}")
    display_name = factory.Sequence(lambda n: f"测试用户{n + 1}")
    role = Role.UNIT_STAFF
    unit = factory.SubFactory(UnitFactory)
    password = factory.django.Password("pw-for-tests")


class OfficeAdminFactory(UserFactory):
    role = Role.OFFICE_ADMIN
    unit = factory.SubFactory(OfficeUnitFactory)


class ReviewerFactory(UserFactory):
    role = Role.REVIEWER


class SupervisorFactory(UserFactory):
    role = Role.SUPERVISOR
    unit = None


class PublicUserFactory(UserFactory):
    role = Role.PUBLIC
    unit = None
