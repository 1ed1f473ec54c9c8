"""Demo data of the reports app: the 2022 plan's measured tasks linked to indicators
with the plan's own targets, and a few meeting and training records."""
import datetime as dt

from django.db import transaction

from gongkai.orgs.models import Unit
from gongkai.plans.models import Task
from gongkai.reports.models import IndicatorLink, RecordKind, WorkRecord

# (task, indicator, direction, district target, unit target) — from the seed's text.
DEMO_LINKS = (
    (21, "participation.messages_late", "at_most", 0, 0),
    (24, "participation.meetings_held", "at_least", 3, 1),
    (28, "policies.interpreted_in_step", "at_least", None, None),
    (40, "foi.overdue", "at_most", 0, 0),
    (49, "publishing.catalog_late", "at_most", 0, 0),
    (54, "reports.leading_group", "at_least", 1, None),
    (55, "reports.leader_hearing", "at_least", 1, 1),
    (57, "reports.training", "at_least", 1, 1),
)
DEMO_RECORDS = (
    ("区政务公开办", RecordKind.LEADING_GROUP, dt.date(2022, 3, 10), "区政务公开领导小组2022年工作会议"),
    ("区发展改革局", RecordKind.LEADER_HEARING, dt.date(2022, 4, 12), "局党组会听取政务公开工作汇报"),
    ("区发展改革局", RecordKind.TRAINING, dt.date(2022, 6, 8), "政务公开业务送课上门培训"),
    ("区教育局", RecordKind.LEGAL_REVIEW, dt.date(2022, 7, 20), "法律顾问审查依申请公开答复案件"),
)


@transaction.atomic
def load_reports_demo() -> int:
    created = 0
    for number, key, direction, district, unit in DEMO_LINKS:
        task = Task.objects.filter(plan__year=2022, number=number).first()
        if task is None:
            continue
        _link, made = IndicatorLink.objects.get_or_create(
            task=task, indicator=key, defaults={"direction": direction,
                                                "district_target": district,
                                                "unit_target": unit})
        created += made
    for unit_name, kind, day, title in DEMO_RECORDS:
        unit = Unit.objects.filter(name=unit_name).first()
        if unit is None:
            continue
        _record, made = WorkRecord.objects.get_or_create(
            unit=unit, kind=kind, held_on=day, title=title,
            defaults={"attendee_count": 20, "attendees": "班子成员、各科室负责人"})
        created += made
    return created
