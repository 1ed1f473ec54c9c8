"""Pages of the leader messages: public input, tracking, public list, staff desk."""
import pytest

from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from gongkai.orgs.tests.factories import OfficeAdminFactory, UserFactory
from gongkai.participation.models.messages import Message, MessageReply, MessageStatus
from gongkai.participation.services.messages import (
    message_assign,
    message_reply_save,
    policy_response_save,
)
from gongkai.participation.tests.factories_messages import (
    MailboxFactory,
    MessageFactory,
    MessageTopicFactory,
)
from gongkai.publishing.models import PublicationStatus

pytestmark = pytest.mark.django_db
HOSTILE = "<script>alert('x')</script>"
PHONE, EMAIL = "13912345678", "lisi@example.com"


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


def form_data(**overrides) -> dict:
    data = {"mailbox": MailboxFactory().pk, "topic": MessageTopicFactory(name="教育").pk,
            "title": "学位不足", "text": "希望增加公办学位。", "writer_name": "赵六",
            "contact_phone": PHONE, "contact_email": EMAIL}
    return {**data, **overrides}


def published(**kwargs) -> Message:
    """A message answered and published (as the review would leave it)."""
    office, staff = OfficeAdminFactory(), UserFactory()
    message = message_assign(message=MessageFactory(**kwargs), unit=staff.unit, actor=office)
    reply = message_reply_save(message=message, text="已纳入明年学位建设计划。", actor=staff)
    MessageReply.objects.filter(pk=reply.pk).update(
        publication_status=PublicationStatus.PUBLISHED)
    status = MessageStatus.CLOSED_PRIVATE if message.wants_privacy else MessageStatus.PUBLISHED
    Message.objects.filter(pk=message.pk).update(status=status)
    return Message.objects.get(pk=message.pk)


# Public input ----------------------------------------------------------------------------

def test_writing_a_message_shows_the_query_code_once():
    client = Client()
    response = client.post(reverse("participation:message_write"), form_data())
    assert response.status_code == 302
    message = Message.objects.get()
    page = client.get(reverse("participation:message_sent")).content.decode()
    assert message.query_code in page
    again = client.get(reverse("participation:message_sent"))
    assert again.status_code == 302
    detail = client.get(reverse("participation:message_track_detail", args=[message.pk]))
    assert detail.status_code == 200 and PHONE not in detail.content.decode()


def test_writing_needs_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("participation:message_write"), form_data())
    assert response.status_code == 403 and not Message.objects.exists()


@pytest.mark.parametrize("field,value", [("title", "题" * 101), ("text", "长" * 3001),
                                         ("writer_name", "名" * 51), ("contact_email", "x@"),
                                         ("mailbox", "999999")])
def test_malformed_or_oversized_input_is_refused_and_nothing_is_stored(field, value):
    response = Client().post(reverse("participation:message_write"),
                             form_data(**{field: value}))
    assert response.status_code == 400 and not Message.objects.exists()


def test_a_contact_is_required():
    response = Client().post(reverse("participation:message_write"),
                             form_data(contact_phone="", contact_email=""))
    assert response.status_code == 400 and not Message.objects.exists()


def test_writing_is_rate_limited_per_visitor():
    client = Client()
    for n in range(5):
        assert client.post(reverse("participation:message_write"),
                           form_data(title=f"留言{n}")).status_code == 302
    response = client.post(reverse("participation:message_write"), form_data(title="第六条"))
    assert response.status_code == 400 and "过多" in response.content.decode()
    assert Message.objects.count() == 5
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.post(reverse("participation:message_write"), form_data()).status_code == 302


def test_tracking_with_a_wrong_code_is_refused_and_limited():
    client = Client()
    for _n in range(10):
        response = client.post(reverse("participation:message_track"),
                               {"query_code": "WRONGCODE2"})
        assert response.status_code == 400
    message = MessageFactory()
    response = client.post(reverse("participation:message_track"),
                           {"query_code": message.query_code})
    assert response.status_code == 400 and "过多" in response.content.decode()


def test_tracking_with_the_code_opens_that_message_only():
    message, other = MessageFactory(), MessageFactory()
    client = Client()
    response = client.post(reverse("participation:message_track"),
                           {"query_code": message.query_code.lower()})
    assert response.status_code == 302
    assert client.get(reverse("participation:message_track_detail",
                              args=[message.pk])).status_code == 200
    assert client.get(reverse("participation:message_track_detail",
                              args=[other.pk])).status_code == 404
    assert Client().get(reverse("participation:message_track_detail",
                                args=[message.pk])).status_code == 404


def test_hostile_input_is_stored_and_shown_escaped(client_for):
    client = Client()
    client.post(reverse("participation:message_write"),
                form_data(title=HOSTILE, text=HOSTILE, writer_name=HOSTILE))
    message = Message.objects.get()
    assert message.title == HOSTILE
    office = OfficeAdminFactory()
    pages = [client.get(reverse("participation:message_track_detail", args=[message.pk])),
             client_for(office).get(reverse("participation:staff_message_detail",
                                            args=[message.pk])),
             client_for(office).get(reverse("participation:staff_messages"))]
    for page in pages:
        html = page.content.decode()
        assert page.status_code == 200
        assert HOSTILE not in html and "&lt;script&gt;" in html


# Public list -----------------------------------------------------------------------------

def test_public_list_and_page_show_published_messages_without_contact_details():
    message = published(title="公开的留言", writer_name="钱七")
    listing = Client().get(reverse("participation:message_list")).content.decode()
    assert "公开的留言" in listing and "钱*" in listing and "钱七" not in listing
    page = Client().get(reverse("participation:message_public_detail", args=[message.pk]))
    html = page.content.decode()
    assert "已纳入明年学位建设计划" in html
    for secret in (PHONE, EMAIL, message.query_code, "钱七"):
        assert secret not in html and secret not in listing


def test_private_messages_are_never_on_public_pages():
    private = published(title="不公开的留言", wants_privacy=True)
    listing = Client().get(reverse("participation:message_list")).content.decode()
    assert "不公开的留言" not in listing
    assert Client().get(reverse("participation:message_public_detail",
                                args=[private.pk])).status_code == 404
    client = Client()
    client.post(reverse("participation:message_track"), {"query_code": private.query_code})
    html = client.get(reverse("participation:message_track_detail",
                              args=[private.pk])).content.decode()
    assert "已纳入明年学位建设计划" in html


def test_unpublished_messages_are_not_public():
    message = MessageFactory(title="未答复的留言")
    assert Client().get(reverse("participation:message_public_detail",
                                args=[message.pk])).status_code == 404
    assert "未答复的留言" not in Client().get(
        reverse("participation:message_list")).content.decode()


def test_public_list_filters_by_topic():
    published(title="教育留言", topic=MessageTopicFactory(name="教育"))
    traffic = MessageTopicFactory(name="交通")
    published(title="交通留言", topic=traffic)
    html = Client().get(reverse("participation:message_list"),
                        {"topic": traffic.pk}).content.decode()
    assert "交通留言" in html and "教育留言" not in html


def test_policy_response_is_shown_on_the_messages_page():
    message = published(title="停车难")
    policy_response_save(title="停车难问题集中反映", url="https://example.gov.cn/parking",
                         note="已出台停车设施建设方案。", messages=[message],
                         actor=OfficeAdminFactory())
    html = Client().get(reverse("participation:message_public_detail",
                                args=[message.pk])).content.decode()
    assert "停车难问题集中反映" in html and "https://example.gov.cn/parking" in html


# Staff desk ------------------------------------------------------------------------------

def test_unit_never_sees_unassigned_or_other_units_messages(client_for, unit_staff,
                                                             other_unit_staff):
    office = OfficeAdminFactory()
    inbox = MessageFactory(title="待分办留言")
    theirs = message_assign(message=MessageFactory(title="别的单位的留言"),
                            unit=other_unit_staff.unit, actor=office)
    ours = message_assign(message=MessageFactory(title="本单位的留言"),
                          unit=unit_staff.unit, actor=office)
    client = client_for(unit_staff)
    listing = client.get(reverse("participation:staff_messages"), {"status": ""})
    html = listing.content.decode()
    assert "本单位的留言" in html
    assert "待分办留言" not in html and "别的单位的留言" not in html
    for message in (inbox, theirs):
        assert client.get(reverse("participation:staff_message_detail",
                                  args=[message.pk])).status_code == 404
        for action in ("assign", "reply", "submit", "return", "transfer", "reject"):
            response = client.post(reverse("participation:staff_message_action",
                                           args=[message.pk, action]),
                                   {"text": "x", "reason": "x", "unit": unit_staff.unit_id})
            assert response.status_code == 404
    stats = client.get(reverse("participation:staff_message_stats")).content.decode()
    assert "别的单位的留言" not in stats
    assert Message.objects.get(pk=inbox.pk).status == MessageStatus.RECEIVED
    assert not MessageReply.objects.filter(message=theirs).exists()
    assert PHONE in client.get(reverse("participation:staff_message_detail",
                                       args=[ours.pk])).content.decode()


def test_unit_staff_cannot_assign_even_their_own_message(client_for, unit_staff):
    message = message_assign(message=MessageFactory(), unit=unit_staff.unit,
                             actor=OfficeAdminFactory())
    response = client_for(unit_staff).post(
        reverse("participation:staff_message_action", args=[message.pk, "transfer"]),
        {"unit": unit_staff.unit_id, "reason": "x"})
    assert response.status_code == 403


def test_office_sees_all_and_assigns_from_its_inbox(client_for, unit_staff):
    office = OfficeAdminFactory()
    message = MessageFactory(title="待分办留言")
    client = client_for(office)
    assert "待分办留言" in client.get(reverse("participation:staff_messages")).content.decode()
    response = client.post(reverse("participation:staff_message_action",
                                   args=[message.pk, "assign"]), {"unit": unit_staff.unit_id})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == MessageStatus.ASSIGNED and message.unit == unit_staff.unit


def test_unit_replies_through_the_desk(client_for, unit_staff):
    message = message_assign(message=MessageFactory(), unit=unit_staff.unit,
                             actor=OfficeAdminFactory())
    client = client_for(unit_staff)
    url = reverse("participation:staff_message_action", args=[message.pk, "reply"])
    assert client.post(url, {"text": HOSTILE}).status_code == 302
    message.refresh_from_db()
    assert message.status == MessageStatus.DRAFTED and message.reply.text == HOSTILE
    html = client.get(reverse("participation:staff_message_detail",
                              args=[message.pk])).content.decode()
    assert HOSTILE not in html


def test_public_and_supervisors_cannot_open_the_desk(client_for, supervisor):
    assert client_for(supervisor).get(reverse("participation:staff_messages")
                                      ).status_code == 403
    response = Client().get(reverse("participation:staff_messages"))
    assert response.status_code == 302


def test_stats_page_serves_the_chart_data_and_local_echarts(client_for):
    published(title="统计留言")
    html = client_for(OfficeAdminFactory()).get(
        reverse("participation:staff_message_stats")).content.decode()
    assert 'id="message-chart-data"' in html and "vendor/echarts/echarts.custom.min." in html
    assert "cdn" not in html.lower()


def test_policy_responses_page_is_the_offices(client_for, unit_staff):
    message = published(title="停车难")
    assert client_for(unit_staff).get(
        reverse("participation:staff_message_responses")).status_code == 403
    client = client_for(OfficeAdminFactory())
    url = reverse("participation:staff_message_responses")
    refused = client.post(url, {"title": "停车难", "messages": [message.pk]})
    assert refused.status_code == 400  # neither a document nor an address
    response = client.post(url, {"title": "停车难", "url": "https://example.gov.cn/p",
                                 "messages": [message.pk]})
    assert response.status_code == 302
    assert list(message.policy_responses.values_list("title", flat=True)) == ["停车难"]


def test_stats_count_by_topic_and_unit_in_constant_queries(django_assert_max_num_queries):
    from django.utils import timezone

    from gongkai.participation.selectors.messages import message_stats

    for n in range(3):
        published(title=f"教育{n}", topic=MessageTopicFactory(name="教育"))
    published(title="交通", topic=MessageTopicFactory(name="交通"))
    today = timezone.localdate()
    with django_assert_max_num_queries(4):
        stats = message_stats(Message.objects.all(), year=today.year, today=today)
    assert stats["total"] == 4
    assert stats["by_topic"][0] == {"topic__name": "教育", "n": 3}
    assert sum(stats["chart"]["total"]) == 4 and len(stats["by_unit"]) == 4
