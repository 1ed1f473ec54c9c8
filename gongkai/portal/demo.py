"""The demo data ``make run`` loads: the Huangpu registry, the 2022 seed plan and one
user per role. Every step checks what exists first, so loading twice changes nothing."""
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.models import Role, Unit, User

SEED_PLAN = Path(__file__).resolve().parent.parent / "plans" / "fixtures" / "huangpu-2022.txt"
SEED_YEAR = 2022


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    unit_name: str | None
    display_name: str


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("admin", Role.OFFICE_ADMIN, "区政务公开办", "政务公开办 管理员"),
    DemoUser("fgj_staff", Role.UNIT_STAFF, "区发展改革局", "发展改革局 联络员"),
    DemoUser("jyj_staff", Role.UNIT_STAFF, "区教育局", "教育局 联络员"),
    DemoUser("hpjd_staff", Role.UNIT_STAFF, "黄埔街道", "黄埔街道 联络员"),
    DemoUser("reviewer", Role.REVIEWER, "区政务服务数据管理局", "政数局 审核人"),
    DemoUser("supervisor", Role.SUPERVISOR, None, "人大代表 张某"),
)


@dataclass(frozen=True)
class Credential:
    """A password to show once; never stored anywhere but as the user's hash."""

    username: str
    role_label: str
    unit_name: str
    password: str


def registry_load() -> int:
    """Load the Huangpu registry; returns how many units were created."""
    from gongkai.orgs.huangpu import load_huangpu_registry

    return load_huangpu_registry()


def seed_plan_load(*, path: Path = SEED_PLAN, year: int = SEED_YEAR) -> bool:
    """Import the seed plan unless that year's plan exists, then put its tasks on the
    units' lists. Returns whether anything was imported."""
    from gongkai.plans.models import Assignment, Plan
    from gongkai.plans.services.assignments import assignments_sync
    from gongkai.plans.services.importing import plan_import_file

    if Plan.objects.filter(year=year).exists():
        return False
    with transaction.atomic():
        plan_import_file(source=path, year=year)
        plan = Plan.objects.get(year=year)
        if not Assignment.objects.filter(task__plan=plan).exists():
            assignments_sync(plan=plan)
    return True


@transaction.atomic
def demo_users_ensure(*, reset_passwords: bool = False) -> list[Credential]:
    """Create the missing demo users with fresh random passwords (and, when asked, give
    every demo user a new one). Returns only the passwords set by this call."""
    credentials = []
    for spec in DEMO_USERS:
        user = User.objects.filter(username=spec.username).first()
        if user is not None and not reset_passwords:
            continue
        if user is None:
            user = _demo_user_create(spec)
        password = secrets.token_urlsafe(9)
        user.set_password(password)
        user.save(update_fields=["password"])
        credentials.append(Credential(spec.username, str(Role(spec.role).label),
                                      spec.unit_name or "—", password))
    return credentials


def _demo_user_create(spec: DemoUser) -> User:
    unit = Unit.objects.get(name=spec.unit_name) if spec.unit_name else None
    is_admin = spec.role == Role.OFFICE_ADMIN
    user = User(username=spec.username, role=spec.role, unit=unit,
                display_name=spec.display_name, is_staff=is_admin, is_superuser=is_admin)
    user.set_unusable_password()
    user.full_clean()
    user.save()
    return user


def module_demos():
    """Each module's own demo data, in the order they build on each other: (label, loader).
    Every loader is idempotent and returns how many rows it created."""
    from gongkai.foi.demo import load_foi_demo
    from gongkai.participation.demo import load_consultations_demo, load_meetings_demo
    from gongkai.participation.demo_messages import load_messages_demo
    from gongkai.plans.demo import load_plan_progress_demo
    from gongkai.policies.demo import load_policies_demo
    from gongkai.qa.demo import load_qa_demo
    from gongkai.reports.demo import load_reports_demo

    return [
        (_("2022年季度推进情况报告"), load_plan_progress_demo),
        (_("征求意见"), load_consultations_demo),
        (_("决策会议"), load_meetings_demo),
        (_("领导留言"), load_messages_demo),
        (_("政策问答库"), load_qa_demo),
        (_("政策文件库"), load_policies_demo),
        (_("依申请公开"), load_foi_demo),
        (_("任务指标与会议培训记录"), load_reports_demo),
    ]
