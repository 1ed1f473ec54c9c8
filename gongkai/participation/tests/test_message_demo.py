"""The leader-message demo data: every state, some overdue, idempotent."""
import pytest

from django.test import TestCase
from django.utils import timezone

from gongkai.participation.demo_messages import load_messages_demo
from gongkai.participation.models.messages import MESSAGE_OPEN_STATUSES, Message, MessageStatus
from gongkai.participation.selectors.messages import public_messages

pytestmark = pytest.mark.django_db


def test_demo_has_every_state_some_overdue_and_loads_twice_without_change():
    # Messages follow their replies' reviews once the demo's transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        created = load_messages_demo()
    assert created == Message.objects.count() > 10
    assert set(Message.objects.values_list("status", flat=True)) == set(MessageStatus.values)
    assert Message.objects.filter(status__in=MESSAGE_OPEN_STATUSES,
                                  due_on__lt=timezone.localdate()).exists()
    assert Message.objects.values("topic").distinct().count() >= 5
    assert Message.objects.exclude(unit=None).values("unit").distinct().count() >= 5
    assert public_messages().exists()
    assert not public_messages().filter(wants_privacy=True).exists()
    assert load_messages_demo() == 0
    assert Message.objects.count() == created
