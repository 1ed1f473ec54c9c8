"""Factories for the reports app (factory_boy)."""
import datetime as dt

import factory
from factory.django import DjangoModelFactory

from gongkai.orgs.tests.factories import UnitFactory
from gongkai.plans.tests.factories import TaskFactory
from gongkai.reports.models import Direction, IndicatorLink, RecordKind, WorkRecord


class WorkRecordFactory(DjangoModelFactory):
    class Meta:
        model = WorkRecord

    unit = factory.SubFactory(UnitFactory)
    kind = RecordKind.TRAINING
    held_on = dt.date(2022, 6, 1)
    title = factory.Sequence(lambda n: f"政务公开业务培训{n + 1}")
    attendee_count = 30


class IndicatorLinkFactory(DjangoModelFactory):
    class Meta:
        model = IndicatorLink

    task = factory.SubFactory(TaskFactory)
    indicator = "participation.meetings_held"
    direction = Direction.AT_LEAST
    district_target = 3
    unit_target = 1
