"""The leader-message workflow: intake, assignment, transfer, reply, review, privacy."""
import pytest

from django.test import TestCase

from gongkai.core.audit import history_of
from gongkai.core.errors import ApplicationError
from gongkai.core.models import Notification
from gongkai.orgs.tests.factories import OfficeAdminFactory, UnitFactory, UserFactory
from gongkai.participation.models.messages import (
    TEXT_MAX,
    Message,
    MessageReply,
    MessageStatus,
)
from gongkai.participation.selectors.messages import public_messages, reply_for_writer
from gongkai.participation.services.messages import (
    TRANSITIONS,
    message_assign,
    message_reject,
    message_reply_save,
    message_reply_submit,
    message_return_to_office,
    message_submit,
    message_transfer,
)
from gongkai.participation.tests.factories_messages import (
    MailboxFactory,
    MessageFactory,
    MessageTopicFactory,
    one_level_review,
)
from gongkai.publishing.models import Audience, PublicationStatus, Review
from gongkai.publishing.services import review_decide

pytestmark = pytest.mark.django_db
S = MessageStatus


@pytest.fixture
def office():
    return OfficeAdminFactory()


@pytest.fixture
def staff():
    return UserFactory()


def fresh(message: Message) -> Message:
    return Message.objects.get(pk=message.pk)


def submit(**overrides) -> Message:
    data = {"mailbox": MailboxFactory(), "topic": MessageTopicFactory(name="交通"),
            "title": "公交线路调整", "text": "建议增开夜班公交。", "writer_name": "王五",
            "contact_phone": "13800000000", "wants_privacy": False}
    return message_submit(**{**data, **overrides})


def answered(message, staff, office, *, passed=True):
    """Assign, reply, submit and decide the review: the message's whole way. The
    message follows the review once the decision commits."""
    one_level_review()
    message_assign(message=message, unit=staff.unit, actor=office)
    message_reply_save(message=message, text="已安排增开夜班公交线路。", actor=staff)
    message_reply_submit(message=message, actor=staff)
    review = Review.objects.get(object_id=message.reply.pk, status="open")
    with TestCase.captureOnCommitCallbacks(execute=True):
        review_decide(review=review, reviewer=office, passed=passed,
                      reason="" if passed else "请补充开通时间。")
    return fresh(message)


def test_a_message_is_received_with_a_query_code_and_an_event():
    message = submit()
    assert message.status == S.RECEIVED and len(message.query_code) == 12
    assert [e.action for e in history_of(message)] == ["participation.message.received"]


def test_a_message_needs_a_contact_and_nothing_is_written_without_one():
    with pytest.raises(ApplicationError):
        submit(contact_phone="", contact_email="")
    assert Message.objects.count() == 0


def test_oversized_text_is_refused_and_nothing_is_written():
    with pytest.raises(ApplicationError):
        submit(text="长" * (TEXT_MAX + 1))
    assert Message.objects.count() == 0


def test_hostile_text_is_stored_as_typed():
    message = submit(title="<script>alert(1)</script>")
    assert fresh(message).title == "<script>alert(1)</script>"


def test_assignment_sets_unit_and_due_date_and_tells_the_unit(office, staff):
    message = message_assign(message=MessageFactory(), unit=staff.unit, actor=office)
    message = fresh(message)
    assert message.status == S.ASSIGNED and message.unit == staff.unit
    assert message.due_on is not None
    assert Notification.objects.filter(user=staff).count() == 1
    assert history_of(message).last().actor == office


def test_transfer_needs_a_reason_restarts_for_the_new_unit_and_is_audited(office, staff):
    message = message_assign(message=MessageFactory(), unit=UnitFactory(), actor=office)
    with pytest.raises(ApplicationError):
        message_transfer(message=message, unit=staff.unit, reason=" ", actor=office)
    message_transfer(message=fresh(message), unit=staff.unit, reason="属交通局职责",
                     actor=office)
    message = fresh(message)
    assert message.unit == staff.unit and message.status == S.ASSIGNED
    event = history_of(message).filter(action="participation.message.transferred").get()
    assert event.details["reason"] == "属交通局职责" and event.actor == office


def test_unit_hands_back_a_message_and_it_loses_unit_and_due(office, staff):
    message = message_assign(message=MessageFactory(), unit=staff.unit, actor=office)
    message_return_to_office(message=message, reason="不属本单位职责", actor=staff)
    message = fresh(message)
    assert (message.status, message.unit, message.due_on) == (S.RECEIVED, None, None)


def test_rejection_needs_a_reason(office):
    message = MessageFactory()
    with pytest.raises(ApplicationError):
        message_reject(message=message, reason="", actor=office)
    assert fresh(message).status == S.RECEIVED
    message_reject(message=fresh(message), reason="广告信息", actor=office)
    assert fresh(message).status == S.REJECTED


@pytest.mark.parametrize("status", [S.RECEIVED, S.REJECTED, S.PUBLISHED, S.CLOSED_PRIVATE])
def test_reply_cannot_be_written_outside_the_units_turn(status, staff):
    message = MessageFactory(status=status, unit=staff.unit,
                             due_on="2025-10-20", reject_reason="x")
    with pytest.raises(ApplicationError):
        message_reply_save(message=message, text="答复", actor=staff)
    assert not MessageReply.objects.exists()


def test_illegal_moves_change_nothing(office, staff):
    message = MessageFactory()
    with pytest.raises(ApplicationError):
        message_reply_submit(message=message, actor=staff)  # no draft
    with pytest.raises(ApplicationError):
        message_transfer(message=message, unit=staff.unit, reason="x", actor=office)
    with pytest.raises(ApplicationError):
        message_return_to_office(message=message, reason="x", actor=staff)
    rejected = message_reject(message=MessageFactory(), reason="重复留言", actor=office)
    with pytest.raises(ApplicationError):
        message_assign(message=rejected, unit=staff.unit, actor=office)
    assert fresh(message).status == S.RECEIVED and fresh(rejected).status == S.REJECTED
    assert fresh(rejected).unit is None


def test_table_has_no_way_out_of_a_closed_state():
    closed = {S.PUBLISHED, S.CLOSED_PRIVATE, S.REJECTED}
    assert not [key for key in TRANSITIONS if key[0] in closed]


def test_passed_review_publishes_the_message_with_its_reply(office, staff):
    message = answered(MessageFactory(), staff, office)
    assert message.status == S.PUBLISHED and message.answered_at is not None
    assert message.replied_on is not None
    assert list(public_messages()) == [message]
    actions = [e.action for e in history_of(message)]
    assert actions[-2:] == ["participation.message.reply_submitted",
                            "participation.message.published"]
    assert history_of(message).last().actor == office


def test_returned_review_sends_the_reply_back_to_the_unit(office, staff):
    message = answered(MessageFactory(), staff, office, passed=False)
    assert message.status == S.DRAFTED
    assert not public_messages().exists()
    message_reply_save(message=message, text="将于下月开通夜班公交。", actor=staff)
    message_reply_submit(message=fresh(message), actor=staff)
    assert fresh(message).status == S.IN_REVIEW


def test_private_message_is_answered_for_the_writer_only(office, staff):
    message = answered(MessageFactory(wants_privacy=True), staff, office)
    assert message.status == S.CLOSED_PRIVATE
    assert not public_messages().exists()
    reply = reply_for_writer(message)
    assert reply is not None and reply.audience == Audience.UNITS
    assert list(reply.audience_units.all()) == [staff.unit]


def test_reply_not_visible_to_the_writer_before_review(office, staff):
    message = message_assign(message=MessageFactory(), unit=staff.unit, actor=office)
    message_reply_save(message=message, text="草稿", actor=staff)
    assert reply_for_writer(fresh(message)) is None
    assert fresh(message).reply.publication_status == PublicationStatus.DRAFT


def test_the_message_follows_the_review_only_once_the_decision_commits(office, staff):
    one_level_review()
    message = message_assign(message=MessageFactory(), unit=staff.unit, actor=office)
    message_reply_save(message=message, text="已安排。", actor=staff)
    message_reply_submit(message=fresh(message), actor=staff)
    review = Review.objects.get(object_id=fresh(message).reply.pk, status="open")
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        review_decide(review=review, reviewer=office, passed=True)
    assert fresh(message).status == S.IN_REVIEW  # not yet committed
    for callback in callbacks:
        callback()
    assert fresh(message).status == S.PUBLISHED
    assert history_of(fresh(message)).last().actor == office
