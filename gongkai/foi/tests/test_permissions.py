"""Who sees which applications: the handling unit, a co-handling unit, the office, the
applicant; nobody else."""
import datetime as dt

import pytest

from django.contrib.auth.models import AnonymousUser

from gongkai.foi.models import CoHandling
from gongkai.foi.permissions import applications_visible_to
from gongkai.foi.tests.factories import ApplicationFactory
from gongkai.orgs.tests.factories import (
    OfficeAdminFactory,
    PublicUserFactory,
    ReviewerFactory,
    SupervisorFactory,
    UnitFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def visible(user) -> list[str]:
    return sorted(applications_visible_to(user).values_list("number", flat=True))


@pytest.fixture
def cases():
    """Unit A handles ``shared``, co-handled by units B and C; unit B handles ``other``."""
    handling, helper, third = UnitFactory(), UnitFactory(), UnitFactory()
    applicant = PublicUserFactory()
    shared = ApplicationFactory(unit=handling, public_user=applicant)
    other = ApplicationFactory(unit=helper)
    for unit in (helper, third):
        CoHandling.objects.create(application=shared, unit=unit,
                                  requested_on=dt.date(2026, 3, 3))
    return {"handling": handling, "helper": helper, "third": third,
            "applicant": applicant, "shared": shared.number, "other": other.number}


def test_the_handling_unit_sees_its_application_once_though_two_units_co_handle_it(cases):
    assert visible(UserFactory(unit=cases["handling"])) == [cases["shared"]]


def test_a_co_handling_unit_sees_the_application_it_helps_with_and_its_own(cases):
    assert visible(UserFactory(unit=cases["helper"])) == sorted(
        [cases["shared"], cases["other"]])
    assert visible(UserFactory(unit=cases["third"])) == [cases["shared"]]


def test_a_unit_neither_handling_nor_co_handling_sees_nothing(cases):
    assert visible(UserFactory()) == []


def test_the_office_sees_all_and_the_applicant_only_their_own(cases):
    assert visible(OfficeAdminFactory()) == sorted([cases["shared"], cases["other"]])
    assert visible(cases["applicant"]) == [cases["shared"]]


def test_reviewers_supervisors_and_visitors_see_no_application_of_others(cases):
    assert visible(ReviewerFactory(unit=cases["handling"])) == []
    assert visible(SupervisorFactory()) == []
    assert visible(AnonymousUser()) == []
