"""The import pages: office admin only; preview, correction, confirmation, look-back."""
import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.orgs.models import Unit, UnitAlias
from gongkai.orgs.services import groups_ensure_known
from gongkai.orgs.tests.factories import (
    OfficeAdminFactory,
    ReviewerFactory,
    SupervisorFactory,
    UnitFactory,
    UserFactory,
)
from gongkai.plans.models import FollowUp, Plan, Task
from gongkai.plans.tests.factories import AssignmentFactory, PlanFactory, TaskFactory

pytestmark = pytest.mark.django_db

PLAN = """关于印发测试区2031年政务公开工作要点分工方案的通知
各单位分别于2031年9月30日、12月30日前报送第三、四季度推进落实情况。
一、夯实基础
(一)规范公开
1.做好信息公开<script>alert(1)</script>。
区测试一局、区测试二局。
2.加强培训。
区神秘局牵头，各街镇配合。
"""


def upload(client, text=PLAN, year=2031):
    return client.post(reverse("plans:import"), {
        "file": SimpleUploadedFile("plan.txt", text.encode()), "year": year})


@pytest.fixture
def admin_client(client):
    groups_ensure_known()
    UnitFactory(name="区测试一局")
    UnitFactory(name="区测试二局")
    client.force_login(OfficeAdminFactory())
    return client


@pytest.mark.parametrize("factory", [UserFactory, ReviewerFactory, SupervisorFactory])
def test_only_the_office_admin_may_import(client, factory):
    client.force_login(factory())
    for name in ("plans:import", "plans:import_preview"):
        assert client.get(reverse(name)).status_code == 403
    for name in ("plans:import_map", "plans:import_new_unit", "plans:import_confirm"):
        assert client.post(reverse(name)).status_code == 403
    plan = PlanFactory(year=2040)
    assert client.get(reverse("plans:import_look_back", args=[plan.year])).status_code == 403
    assert upload(client).status_code == 403
    assert not Task.objects.exists()


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("plans:import"))
    assert response.status_code == 302 and "login" in response.url


def test_preview_highlights_unresolved_names_and_escapes_text(admin_client):
    response = upload(admin_client)
    assert response.status_code == 302
    page = admin_client.get(reverse("plans:import_preview")).content.decode()
    assert '<span class="unresolved">区神秘局</span>' in page
    assert "区测试一局" in page and "各街镇" in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "disabled" in page
    assert not Plan.objects.exists()


def test_mapping_a_name_adds_an_alias_and_confirm_imports(admin_client):
    upload(admin_client)
    target = Unit.objects.get(name="区测试二局")
    admin_client.post(reverse("plans:import_map"), {"name": "区神秘局", "unit": target.pk})
    assert UnitAlias.objects.filter(unit=target, name="区神秘局").exists()
    page = admin_client.get(reverse("plans:import_preview")).content.decode()
    assert 'class="unresolved"' not in page
    response = admin_client.post(reverse("plans:import_confirm"))
    assert response.status_code == 302
    plan = Plan.objects.get(year=2031)
    task = plan.tasks.get(number=2)
    assert task.task_units.get().unit == target and task.task_units.get().role == "lead"
    assert [(p.number, str(p.deadline)) for p in plan.periods.all()] == [
        (3, "2031-09-30"), (4, "2031-12-30")]


def test_marking_a_name_as_new_creates_the_unit_on_confirm(admin_client):
    upload(admin_client)
    admin_client.post(reverse("plans:import_new_unit"),
                      {"name": "区神秘局", "category": "department"})
    assert not Unit.objects.filter(name="区神秘局").exists()
    admin_client.post(reverse("plans:import_confirm"))
    assert Unit.objects.get(name="区神秘局").category == "department"
    assert Plan.objects.filter(year=2031).exists()


def test_confirm_with_unresolved_names_writes_nothing(admin_client):
    upload(admin_client)
    response = admin_client.post(reverse("plans:import_confirm"), follow=True)
    assert "区神秘局" in response.content.decode()
    assert not Plan.objects.exists() and not Unit.objects.filter(name="区神秘局").exists()


def test_hostile_upload_gets_a_chinese_message(admin_client):
    response = admin_client.post(reverse("plans:import"), {
        "file": SimpleUploadedFile("plan.docx", b"\x00\x01garbage" * 100), "year": 2031},
        follow=True)
    assert "Word" in response.content.decode()
    assert not Plan.objects.exists()


def test_look_back_lists_unfinished_work_and_creates_follow_ups(admin_client):
    old = PlanFactory(year=2030)
    assignment = AssignmentFactory(task=TaskFactory(plan=old))
    upload(admin_client)
    admin_client.post(reverse("plans:import_new_unit"),
                      {"name": "区神秘局", "category": "department"})
    response = admin_client.post(reverse("plans:import_confirm"), follow=True)
    assert assignment.unit.name in response.content.decode()
    url = reverse("plans:import_look_back", args=[2031])
    admin_client.post(url, {"assignment": [assignment.pk]})
    admin_client.post(url, {"assignment": [assignment.pk]})
    assert FollowUp.objects.filter(plan__year=2031, previous=assignment).count() == 1
