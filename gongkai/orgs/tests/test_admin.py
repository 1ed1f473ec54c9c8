import pytest

from django.urls import reverse

from gongkai.core.models import AuditEvent
from gongkai.orgs.models import Role, User
from gongkai.orgs.tests.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client_for):
    return client_for(User.objects.create_superuser("root", password="x" * 12))


def test_admin_pages_render(superuser_client):
    unit = UnitFactory(name="<script>x</script>局")
    UserFactory(unit=unit)
    for name in ("admin:orgs_user_changelist", "admin:orgs_unit_changelist",
                 "admin:orgs_unitgroup_changelist", "admin:orgs_user_add"):
        response = superuser_client.get(reverse(name))
        assert response.status_code == 200, name
        assert "<script>x</script>" not in response.content.decode()
    assert superuser_client.get(
        reverse("admin:orgs_unit_change", args=[unit.pk])).status_code == 200


def test_admin_user_list_filters_by_role(superuser_client):
    UserFactory(username="staff_a")
    response = superuser_client.get(reverse("admin:orgs_user_changelist"),
                                    {"role__exact": Role.SUPERVISOR})
    assert "staff_a" not in response.content.decode()


def test_admin_refuses_unit_staff_without_a_unit(superuser_client):
    response = superuser_client.post(reverse("admin:orgs_user_add"), {
        "username": "nounit", "role": Role.UNIT_STAFF, "usable_password": "true",
        "password1": "a-Long-pass-123", "password2": "a-Long-pass-123"})
    assert response.status_code == 200
    assert not User.objects.filter(username="nounit").exists()


def test_unit_changed_in_admin_leaves_an_event(superuser_client):
    unit = UnitFactory(name="区旧名局")
    response = superuser_client.post(reverse("admin:orgs_unit_change", args=[unit.pk]), {
        "name": "区新名局", "short_name": "", "category": "department", "is_active": "on",
        "sort_order": "0",
        "aliases-TOTAL_FORMS": "0", "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0", "aliases-MAX_NUM_FORMS": "1000"})
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="orgs.unit.updated")
    assert event.details["fields"] == ["name"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["各设区市政府", "区属事业单位", "市直各有关单位"])
def test_a_group_word_by_the_general_rule_is_never_registered_as_a_unit(name):
    from gongkai.core.errors import ApplicationError
    from gongkai.orgs.services import unit_create

    with pytest.raises(ApplicationError):
        unit_create(name=name, category="department")
