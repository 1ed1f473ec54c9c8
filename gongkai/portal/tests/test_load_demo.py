import importlib.util
import re
from io import StringIO

import pytest

from django.core.management import call_command

from gongkai.core.models import AuditEvent
from gongkai.orgs.models import Role, Unit, UnitAlias, UnitGroup, User
from gongkai.portal import demo

pytestmark = pytest.mark.django_db

HAVE_IMPORTER = importlib.util.find_spec("gongkai.plans.services.importing") is not None


def run(*args) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    from gongkai.plans.models import Assignment, Plan, Task, TaskGroup, TaskUnit

    return {
        "units": list(Unit.objects.order_by("pk").values()),
        "aliases": list(UnitAlias.objects.order_by("pk").values()),
        "groups": list(UnitGroup.objects.order_by("pk").values()),
        "users": list(User.objects.order_by("pk").values()),
        "events": AuditEvent.objects.count(),
        "plans": list(Plan.objects.values("pk", "year", "title", "imported_at")),
        "tasks": Task.objects.count(),
        "task_units": TaskUnit.objects.count(),
        "task_groups": TaskGroup.objects.count(),
        "assignments": Assignment.objects.count(),
    }


def passwords_in(output: str) -> dict[str, str]:
    names = "|".join(u.username for u in demo.DEMO_USERS)
    return dict(re.findall(rf"^\s+({names})\s.*\s(\S+)$", output, flags=re.MULTILINE))


@pytest.fixture
def without_plan_import(monkeypatch):
    """Registry and users only, for when the plan importer is not the subject."""
    monkeypatch.setattr(demo, "seed_plan_load", lambda: False)


def test_demo_users_get_a_working_password_printed_once(without_plan_import):
    first = run()
    passwords = passwords_in(first)
    assert set(passwords) == {u.username for u in demo.DEMO_USERS}
    for username, password in passwords.items():
        assert User.objects.get(username=username).check_password(password)
    second = run()
    assert "演示用户已存在" in second
    assert not any(password in second for password in passwords.values())


def test_demo_users_have_their_roles_and_units(without_plan_import):
    run()
    admin = User.objects.get(username="admin")
    assert admin.role == Role.OFFICE_ADMIN and admin.unit.is_office
    assert admin.unit.name == "区政务公开办"
    assert User.objects.get(username="fgj_staff").unit.name == "区发展改革局"
    assert User.objects.get(username="jyj_staff").unit.name == "区教育局"
    assert User.objects.get(username="hpjd_staff").unit.name == "黄埔街道"
    reviewer = User.objects.get(username="reviewer")
    assert reviewer.role == Role.REVIEWER and reviewer.unit.name == "区政务服务数据管理局"
    supervisor = User.objects.get(username="supervisor")
    assert supervisor.role == Role.SUPERVISOR and supervisor.unit is None
    assert supervisor.display_name == "人大代表 张某"


def test_reset_passwords_prints_new_ones_and_old_ones_stop_working(without_plan_import):
    old = passwords_in(run())
    new = passwords_in(run("--reset-passwords"))
    assert set(new) == set(old)
    for username in new:
        user = User.objects.get(username=username)
        assert user.check_password(new[username])
        assert not user.check_password(old[username])


def test_second_run_changes_nothing_in_registry_and_users(without_plan_import):
    run()
    before = snapshot()
    run()
    assert snapshot() == before


def test_existing_users_are_left_alone(without_plan_import):
    run()
    User.objects.filter(username="fgj_staff").update(display_name="已改名")
    run()
    assert User.objects.get(username="fgj_staff").display_name == "已改名"


@pytest.mark.skipif(not HAVE_IMPORTER,
                    reason="gongkai.plans.services.importing (the plan importer) is missing")
def test_full_demo_load_twice_creates_no_duplicates():
    from gongkai.plans.models import Assignment, Plan

    run()
    plan = Plan.objects.get(year=2022)
    assert plan.tasks.count() == 64
    assert Assignment.objects.filter(unit__name="区发展改革局", task__plan=plan).exists()
    before = snapshot()
    output = run()
    assert "已存在" in output
    assert snapshot() == before
