"""Factories of consultations and decision meetings (this part's own; the shared ones
live in gongkai/orgs/tests/factories.py)."""
import datetime as dt

import factory
from factory.django import DjangoModelFactory

from gongkai.orgs.tests.factories import UnitFactory
from gongkai.participation.consultation_text import digest
from gongkai.participation.models import (
    Consultation,
    ConsultationArticle,
    ConsultationComment,
    Meeting,
    MeetingStatus,
    Representative,
    RepresentativeKind,
    SelectionMethod,
)
from gongkai.publishing.models import PublicationStatus

DRAFT = """第一章 总则
第一条 为规范停车管理，制定本办法。
第二条 本办法适用于本区行政区域内的停车场。
本区有关部门按职责做好相关工作。
（一）交通部门负责规划；
（二）城管部门负责执法。
第三条 本办法自发布之日起施行。"""


class ConsultationFactory(DjangoModelFactory):
    """A published consultation open from 2022-06-01 to 2022-06-30 (30 days)."""

    class Meta:
        model = Consultation

    unit = factory.SubFactory(UnitFactory)
    title = factory.Sequence(lambda n: f"黄埔区停车管理办法（征求意见稿）{n + 1}")
    draft_text = DRAFT
    explanation = "为解决停车难问题起草本办法。"
    opens_on = dt.date(2022, 6, 1)
    closes_on = dt.date(2022, 6, 30)
    publication_status = PublicationStatus.PUBLISHED


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = ConsultationArticle

    consultation = factory.SubFactory(ConsultationFactory)
    order = factory.Sequence(lambda n: n + 1)
    label = factory.Sequence(lambda n: f"第{n + 1}条")
    text = "条文内容"


class CommentFactory(DjangoModelFactory):
    class Meta:
        model = ConsultationComment

    consultation = factory.SubFactory(ConsultationFactory)
    body = factory.Sequence(lambda n: f"意见内容第{n + 1}号，建议增加停车位。")
    digest = factory.LazyAttribute(lambda o: digest(o.body))


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    unit = factory.SubFactory(UnitFactory)
    held_on = dt.date(2022, 9, 15)
    subject = factory.Sequence(lambda n: f"关于老旧小区改造方案的决策会议{n + 1}")
    status = MeetingStatus.HELD


class RepresentativeFactory(DjangoModelFactory):
    class Meta:
        model = Representative

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Sequence(lambda n: f"代表{n + 1}")
    kind = RepresentativeKind.RESIDENT
    selection = SelectionMethod.INVITED
