"""Reproducible data for the reports benchmark: 80 units, a 64-task plan with every
task linked to an indicator, 1,000,000 applications and 100,000 messages (inserted with
executemany in batches), and the smaller record sets the other indicators read."""
import datetime as dt
import random

from django.db import connection, transaction
from django.utils import timezone

UNITS = 80
TASKS = 64
YEAR = 2025
BATCH = 50_000


def insert_rows(model, varying: list[str], rows, defaults: dict) -> int:
    """Insert ``rows`` (tuples in the order of ``varying`` columns) straight into the
    model's table; every other column gets ``defaults`` or the field's default. The
    ORM's per-object work would dominate at a million rows."""
    names, constants = [], []
    for f in model._meta.concrete_fields:
        if f.column in varying or f.primary_key:
            continue
        value = defaults[f.name] if f.name in defaults else f.get_default()
        names.append(f.column)
        constants.append(f.get_db_prep_save(value, connection))
    columns = [*varying, *names]
    sql = (f'INSERT INTO "{model._meta.db_table}" ({", ".join(columns)}) '
           f'VALUES ({", ".join(["%s"] * len(columns))})')
    constants = tuple(constants)
    batch, count = [], 0
    with transaction.atomic(), connection.cursor() as cursor:
        for row in rows:
            batch.append(tuple(row) + constants)
            if len(batch) == BATCH:
                cursor.executemany(sql, batch)
                count, batch = count + len(batch), []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def make_people():
    from gongkai.orgs.models import Role, Unit, User

    office = Unit.objects.create(name="区政务公开办", is_office=True, sort_order=0,
                                 category="other")
    units = Unit.objects.bulk_create(Unit(name=f"区测试单位{i:03d}", sort_order=i + 1)
                                     for i in range(UNITS))
    admin = User.objects.create_user("bench_admin", password="bench-pass-1",
                                     role=Role.OFFICE_ADMIN, unit=office)
    return office, [u.pk for u in units], admin


def make_plan(rng: random.Random, unit_ids: list[int], office_id: int):
    """The plan: 64 tasks, every unit on every task (80 × 64 assignments), two
    reporting periods with reports, and every task linked to an indicator."""
    from gongkai.plans.models import (
        Assignment,
        Part,
        Plan,
        Report,
        ReportingPeriod,
        Section,
        Task,
    )
    from gongkai.reports import registry
    from gongkai.reports.models import IndicatorLink

    plan = Plan.objects.create(year=YEAR, title=f"{YEAR}年政务公开工作要点分工方案")
    periods = [ReportingPeriod.objects.create(plan=plan, number=n, name=f"第{n}季度",
                                              deadline=dt.date(YEAR, 3 * n, 28))
               for n in (3, 4)]
    part = Part.objects.create(plan=plan, number=1, title="测试部分")
    section = Section.objects.create(plan=plan, part=part, number=1, title="测试项目")
    tasks = Task.objects.bulk_create(Task(plan=plan, section=section, number=n,
                                          text=f"测试任务{n}") for n in range(1, TASKS + 1))
    Assignment.objects.bulk_create(Assignment(task=t, unit_id=u, role="implement")
                                   for t in tasks for u in [*unit_ids, office_id])
    assignments = list(Assignment.objects.filter(task__plan=plan).values_list("pk", flat=True))
    now = timezone.now()
    statuses = ("draft", "submitted", "returned", "passed", "passed")
    Report.objects.bulk_create(
        (Report(assignment_id=a, period=p, progress="已推进", state="in_progress",
                status=(s := rng.choice(statuses)), return_count=int(s == "returned"),
                first_submitted_at=None if s == "draft" else now)
         for a in assignments for p in periods), batch_size=5000)
    keys = list(registry.indicators())
    IndicatorLink.objects.bulk_create(
        IndicatorLink(task=t, indicator=keys[i % len(keys)], district_target=10,
                      unit_target=1) for i, t in enumerate(tasks))
    return plan


def applications(rng: random.Random, n: int, unit_ids: list[int]) -> int:
    from gongkai.foi.models import Application

    first = dt.date(YEAR - 1, 1, 1).toordinal()
    span = dt.date(YEAR, 12, 31).toordinal() - first + 1

    def rows():
        for i in range(1, n + 1):
            received = dt.date.fromordinal(first + rng.randrange(span))
            due = received + dt.timedelta(days=28)
            replied = received + dt.timedelta(days=rng.randint(0, 40))
            done = replied <= dt.date(YEAR, 12, 31)
            yield (i, rng.choice(unit_ids), "natural", received, replied if done else None,
                   due, "replied" if done else "processing", "1" if done else "",
                   f"B{i:010d}")

    return insert_rows(Application, ["id", "unit_id", "applicant_type", "received_on",
                                     "replied_on", "due_on", "status", "outcome",
                                     "query_code"], rows(),
                       {"submitted_at": timezone.now(), "applicant_name": "申请人",
                        "id_type": "resident_id", "id_number": "11010519491231002X",
                        "description": "请公开有关政府信息。", "channel": "online"})


def messages(rng: random.Random, n: int, unit_ids: list[int]) -> int:
    from gongkai.participation.models import Mailbox, Message, MessageTopic

    mailbox, _c = Mailbox.objects.get_or_create(name="区长信箱")
    topic, _c = MessageTopic.objects.get_or_create(name="城市管理")
    first = dt.datetime(YEAR, 1, 1, 9, tzinfo=dt.UTC)

    def rows():
        for i in range(1, n + 1):
            submitted = first + dt.timedelta(minutes=rng.randrange(360 * 24 * 60))
            replied = submitted.date() + dt.timedelta(days=rng.randint(1, 25))
            yield (i, mailbox.pk, topic.pk, rng.choice(unit_ids), submitted,
                   submitted, replied + dt.timedelta(days=2), replied, "published",
                   f"M{i:09d}")

    return insert_rows(Message, ["id", "mailbox_id", "topic_id", "unit_id", "submitted_at",
                                 "assigned_at", "due_on", "replied_on", "status",
                                 "query_code"], rows(),
                       {"title": "关于道路积水的问题", "text": "请尽快处理。",
                        "writer_name": "李四"})


def small_records(rng: random.Random, unit_ids: list[int]) -> None:
    """Meetings, work records, catalog items, policy documents, Q&A questions, evidence."""
    from gongkai.participation.models import Meeting, Representative
    from gongkai.plans.models import Evidence, Report
    from gongkai.policies.models import PolicyDocument
    from gongkai.publishing.models import CatalogCategory, CatalogItem
    from gongkai.qa.models import PendingQuestion
    from gongkai.reports.models import WorkRecord

    def day() -> dt.date:
        return dt.date(YEAR, 1, 1) + dt.timedelta(days=rng.randrange(365))

    meetings = Meeting.objects.bulk_create(
        Meeting(unit_id=rng.choice(unit_ids), held_on=day(), subject=f"决策会议{i}",
                status="held", for_district_government=i % 20 == 0) for i in range(2000))
    Representative.objects.bulk_create(Representative(meeting=m, name="代表", kind="resident",
                                                      selection="invited")
                                       for m in meetings for _k in range(2))
    WorkRecord.objects.bulk_create(
        WorkRecord(unit_id=rng.choice(unit_ids), kind=rng.choice(
            ["leading_group", "leader_hearing", "training", "legal_review"]),
            held_on=day(), title=f"记录{i}") for i in range(4000))
    category = CatalogCategory.objects.create(code="b01", name="机构职能")
    now = timezone.now()
    CatalogItem.objects.bulk_create(
        CatalogItem(unit_id=rng.choice(unit_ids), category=category, title=f"事项{i}",
                    made_on=(d := day()), publication_status="published",
                    published_at=dt.datetime.combine(d + dt.timedelta(days=rng.randint(
                        0, 40)), dt.time(10), dt.UTC)) for i in range(10_000))
    documents = PolicyDocument.objects.bulk_create(
        PolicyDocument(unit_id=rng.choice(unit_ids), kind="normative", title=f"文件{i}",
                       publication_status="published", published_on=day(),
                       published_at=now) for i in range(3000))
    PolicyDocument.objects.bulk_create(
        PolicyDocument(unit_id=d.unit_id, kind="interpretation", title=f"解读{d.pk}",
                       interprets=d, publication_status="published",
                       published_on=d.published_on, published_at=now)
        for d in documents if rng.random() < 0.7)
    PendingQuestion.objects.bulk_create(
        PendingQuestion(text=f"问题{i}", key=f"q{i}", unit_id=rng.choice(unit_ids))
        for i in range(3000))
    reports = list(Report.objects.values_list("pk", flat=True)[:10_000])
    Evidence.objects.bulk_create(
        Evidence(report_id=r, kind="link", url=f"https://www.example.gov.cn/{r}.html",
                 checked_at=now.replace(year=YEAR), is_dead=rng.random() < 0.1)
        for r in reports)
