"""Factories and helpers of the leader-message tests."""
import factory
from factory.django import DjangoModelFactory

from gongkai.participation.models.messages import Mailbox, Message, MessageTopic
from gongkai.publishing.models import ReviewRoute


class MailboxFactory(DjangoModelFactory):
    class Meta:
        model = Mailbox
        django_get_or_create = ("name",)

    name = "区长信箱"


class MessageTopicFactory(DjangoModelFactory):
    class Meta:
        model = MessageTopic
        django_get_or_create = ("name",)

    name = factory.Iterator(["教育", "交通", "城市管理", "医疗"])


class MessageFactory(DjangoModelFactory):
    """A message as the public leaves it: in the office's inbox."""

    class Meta:
        model = Message

    mailbox = factory.SubFactory(MailboxFactory)
    topic = factory.SubFactory(MessageTopicFactory)
    title = factory.Sequence(lambda n: f"关于小区门口道路积水的问题{n}")
    text = "每逢下雨，小区门口道路积水严重，希望有关部门尽快处理。"
    writer_name = "李四"
    contact_phone = "13912345678"
    contact_email = "lisi@example.com"


def one_level_review() -> ReviewRoute:
    """The district default route with one level, so one pass publishes."""
    route, _created = ReviewRoute.objects.get_or_create(unit=None, defaults={"levels": 1})
    return route
