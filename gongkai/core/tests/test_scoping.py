import pytest

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from gongkai.core.scoping import unit_scoped
from gongkai.orgs.models import Unit
from gongkai.orgs.tests.factories import (
    OfficeAdminFactory,
    ReviewerFactory,
    SupervisorFactory,
    UnitAliasFactory,
    UnitFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def visible(user, **kwargs) -> set:
    return set(unit_scoped(Unit.objects.all(), user, field="pk", **kwargs))


def test_the_office_sees_every_unit_and_staff_only_their_own():
    staff, other = UserFactory(), UnitFactory()
    assert visible(OfficeAdminFactory()) >= {staff.unit, other}
    assert visible(staff) == {staff.unit}


def test_reviewers_see_their_unit_only_when_the_list_admits_them():
    reviewer = ReviewerFactory()
    assert visible(reviewer) == set()
    assert visible(reviewer, reviewers=True) == {reviewer.unit}


def test_anyone_else_sees_nothing():
    assert visible(AnonymousUser()) == set()
    assert visible(None) == set()
    assert visible(SupervisorFactory()) == set()


def test_several_fields_give_each_row_once_and_others_see_what_otherwise_admits():
    staff, other = UserFactory(), UnitFactory()
    UnitAliasFactory(unit=staff.unit, name="别名一")
    UnitAliasFactory(unit=staff.unit, name="别名二")
    scoped = unit_scoped(Unit.objects.all(), staff, field=("pk", "aliases__unit_id"))
    assert list(scoped) == [staff.unit]
    supervisor = SupervisorFactory()
    admitted = unit_scoped(Unit.objects.all(), supervisor, otherwise=Q(pk=other.pk))
    assert list(admitted) == [other]
    assert not unit_scoped(Unit.objects.all(), AnonymousUser(), otherwise=Q(pk=other.pk))
