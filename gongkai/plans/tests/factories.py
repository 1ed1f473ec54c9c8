"""Shared factories for plans, tasks, assignments and reports (factory_boy)."""
import datetime

import factory
from factory.django import DjangoModelFactory

from gongkai.orgs.tests.factories import UnitFactory
from gongkai.plans.models import (
    Assignment,
    Evidence,
    EvidenceKind,
    Part,
    Plan,
    Report,
    ReportingPeriod,
    ReportStatus,
    Section,
    Task,
    TaskRole,
    TaskUnit,
)


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = Plan

    year = factory.Sequence(lambda n: 2022 + n)
    title = factory.LazyAttribute(lambda o: f"{o.year}年政务公开工作要点分工方案")


class ReportingPeriodFactory(DjangoModelFactory):
    class Meta:
        model = ReportingPeriod
        django_get_or_create = ("plan", "number")

    plan = factory.SubFactory(PlanFactory)
    number = 3
    name = factory.LazyAttribute(lambda o: f"第{'一二三四'[o.number - 1]}季度")
    deadline = factory.LazyAttribute(
        lambda o: datetime.date(o.plan.year, 3 * o.number, 28))


class PartFactory(DjangoModelFactory):
    class Meta:
        model = Part

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"测试部分{n + 1}")


class SectionFactory(DjangoModelFactory):
    class Meta:
        model = Section

    plan = factory.SubFactory(PlanFactory)
    part = factory.SubFactory(PartFactory, plan=factory.SelfAttribute("..plan"))
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"测试项目{n + 1}")

    @classmethod
    def _generate(cls, strategy, params):
        # SectionFactory(part=p) keeps the section in p's plan.
        if "part" in params and "plan" not in params:
            params = {**params, "plan": params["part"].plan}
        return super()._generate(strategy, params)


class TaskFactory(DjangoModelFactory):
    class Meta:
        model = Task

    plan = factory.SubFactory(PlanFactory)
    section = factory.SubFactory(SectionFactory, plan=factory.SelfAttribute("..plan"))
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"测试任务{n + 1}：做好政务公开相关工作。")

    @classmethod
    def _generate(cls, strategy, params):
        # TaskFactory(section=s) keeps the task in s's plan.
        if "section" in params and "plan" not in params:
            params = {**params, "plan": params["section"].plan}
        return super()._generate(strategy, params)


class TaskUnitFactory(DjangoModelFactory):
    class Meta:
        model = TaskUnit

    task = factory.SubFactory(TaskFactory)
    unit = factory.SubFactory(UnitFactory)
    role = TaskRole.IMPLEMENT


class AssignmentFactory(DjangoModelFactory):
    class Meta:
        model = Assignment

    task = factory.SubFactory(TaskFactory)
    unit = factory.SubFactory(UnitFactory)
    role = TaskRole.IMPLEMENT


class ReportFactory(DjangoModelFactory):
    class Meta:
        model = Report

    assignment = factory.SubFactory(AssignmentFactory)
    period = factory.SubFactory(
        ReportingPeriodFactory, plan=factory.SelfAttribute("..assignment.task.plan"))
    progress = "已按要求推进。"
    status = ReportStatus.DRAFT


class EvidenceFactory(DjangoModelFactory):
    class Meta:
        model = Evidence

    report = factory.SubFactory(ReportFactory)
    kind = EvidenceKind.LINK
    url = factory.Sequence(lambda n: f"https://www.example.gov.cn/news/{n + 1}.html")
    title = factory.Sequence(lambda n: f"佐证链接{n + 1}")
