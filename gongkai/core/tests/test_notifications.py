"""Notifications: the service tells each person once per event, the bell counts a
user's own unread ones, the inbox shows only their own and refuses to mark another's,
and the digest goes only to those who asked for it."""
import datetime as dt

import pytest
import time_machine

from django.core import mail
from django.urls import reverse

from gongkai.core.models import Notification, NotificationKind, NotificationSettings
from gongkai.core.notifications import services
from gongkai.core.notifications.digest import digests_send
from gongkai.core.notifications.selectors import unread_count
from gongkai.orgs.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def tell(user, text="报告被退回", key="", **kwargs):
    return services.notify(users=[user], text=text, key=key, url="/plans/todo/", **kwargs)


def test_the_same_event_tells_a_person_once_and_others_still_hear(unit_staff,
                                                                  other_unit_staff):
    assert tell(unit_staff, key="plans.report.returned:1:1") == 1
    assert tell(unit_staff, key="plans.report.returned:1:1") == 0
    assert services.notify(users=[unit_staff, other_unit_staff, unit_staff], text="x",
                           key="plans.report.returned:1:1") == 1
    assert Notification.objects.filter(user=unit_staff).count() == 1
    assert tell(unit_staff, key="plans.report.returned:1:2") == 1  # a second return


def test_notices_without_a_key_are_not_deduplicated(unit_staff):
    assert tell(unit_staff) == 1 and tell(unit_staff) == 1
    assert unread_count(unit_staff) == 2


def test_urgent_notices_are_mailed_after_commit_unless_the_digest_was_chosen(
        django_capture_on_commit_callbacks):
    at_once, digest, no_address = (UserFactory(email="a@example.gov.cn"),
                                   UserFactory(email="b@example.gov.cn"), UserFactory())
    services.notification_settings_set(user=digest, daily_digest=True)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.notify(users=[at_once, digest, no_address], text="申请今天到期",
                        email_subject="依申请公开答复期限提醒", key="k")
    assert mail.outbox == []  # nothing leaves before the commit
    for callback in callbacks:
        callback()
    assert [m.to for m in mail.outbox] == [["a@example.gov.cn"]]


def test_the_text_is_cut_to_the_column_not_refused(unit_staff):
    tell(unit_staff, text="很" * 800)
    assert len(Notification.objects.get(user=unit_staff).text) == 500


def test_marking_read_is_for_the_owner_only(unit_staff, other_unit_staff):
    from django.core.exceptions import PermissionDenied

    tell(unit_staff)
    note = Notification.objects.get(user=unit_staff)
    with pytest.raises(PermissionDenied):
        services.notification_mark_read(notification=note, user=other_unit_staff)
    note.refresh_from_db()
    assert note.read_at is None
    assert services.notification_mark_read(notification=note, user=unit_staff) is True
    assert services.notification_mark_read(notification=note, user=unit_staff) is False


def test_mark_all_read_touches_only_the_users_own(unit_staff, other_unit_staff):
    tell(unit_staff), tell(unit_staff), tell(other_unit_staff)
    assert services.notifications_mark_all_read(user=unit_staff) == 2
    assert unread_count(unit_staff) == 0 and unread_count(other_unit_staff) == 1


# The inbox and the bell -----------------------------------------------------------

def test_the_bell_shows_the_users_own_unread_count_on_staff_pages(
        client_for, unit_staff, other_unit_staff):
    tell(unit_staff), tell(unit_staff), tell(other_unit_staff)
    page = client_for(unit_staff).get(reverse("portal:workbench")).content.decode()
    assert 'id="notification-count">2<' in page
    Notification.objects.filter(user=unit_staff).update(read_at=dt.datetime.now(dt.UTC))
    page = client_for(unit_staff).get(reverse("portal:workbench")).content.decode()
    assert 'id="notification-bell"' in page and "notification-count" not in page


def test_the_bell_costs_one_query(client_for, unit_staff, django_assert_num_queries):
    from django.template import Context, Template
    from django.test import RequestFactory

    tell(unit_staff)
    request = RequestFactory().get("/")
    request.user = unit_staff
    template = Template("{% load notifications %}{% unread_notifications as n %}{{ n }}")
    with django_assert_num_queries(1):
        assert template.render(Context({"request": request})) == "1"


def test_the_inbox_lists_only_the_users_own_newest_first_unread_marked(
        client_for, unit_staff, other_unit_staff):
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)):
        tell(unit_staff, text="较早的提醒")
    with time_machine.travel(dt.datetime(2026, 3, 3, 9, tzinfo=dt.UTC)):
        tell(unit_staff, text="较新的提醒", kind=NotificationKind.RETURNED)
    tell(other_unit_staff, text="别人的提醒")
    Notification.objects.filter(text="较早的提醒").update(read_at=dt.datetime.now(dt.UTC))
    page = client_for(unit_staff).get(reverse("core:inbox")).content.decode()
    assert "别人的提醒" not in page
    assert page.index("较新的提醒") < page.index("较早的提醒")
    newer = Notification.objects.get(text="较新的提醒")
    assert f'class="unread" id="notification-{newer.pk}"' in page
    assert "退回整改" in page
    unread_only = client_for(unit_staff).get(reverse("core:inbox") + "?unread=1")
    assert "较早的提醒" not in unread_only.content.decode()


def test_the_inbox_is_paged(client_for, unit_staff):
    for n in range(25):
        tell(unit_staff, text=f"第{n}条提醒")
    client = client_for(unit_staff)
    first = client.get(reverse("core:inbox")).content.decode()
    assert first.count('class="unread"') == 20 and "1 / 2" in first
    second = client.get(reverse("core:inbox") + "?page=2").content.decode()
    assert second.count('class="unread"') == 5
    for bad in ("abc", "-1", "99999999999999999999999", "²"):
        assert client.get(reverse("core:inbox"), {"page": bad}).status_code == 200


def test_opening_one_marks_it_read_and_follows_its_link(client_for, unit_staff):
    tell(unit_staff)
    note = Notification.objects.get(user=unit_staff)
    client = client_for(unit_staff)
    response = client.post(reverse("core:notification_open", args=[note.pk]))
    assert response.status_code == 302 and response["Location"] == "/plans/todo/"
    note.refresh_from_db()
    assert note.read_at is not None


def test_a_link_to_another_site_is_not_followed(client_for, unit_staff):
    services.notify(users=[unit_staff], text="x", url="https://evil.example/")
    note = Notification.objects.get(user=unit_staff)
    response = client_for(unit_staff).post(reverse("core:notification_open", args=[note.pk]))
    assert response["Location"].startswith(reverse("core:inbox"))


def test_another_users_notification_cannot_be_read_opened_or_marked(
        client_for, unit_staff, other_unit_staff):
    tell(other_unit_staff)
    theirs = Notification.objects.get(user=other_unit_staff)
    client = client_for(unit_staff)
    for name in ("core:notification_read", "core:notification_open"):
        assert client.post(reverse(name, args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


@pytest.mark.parametrize("bad", ["abc", "0", "-3", "99999999999999999999999", "١٢"])
def test_ids_that_are_no_ids_answer_404(client_for, unit_staff, bad):
    response = client_for(unit_staff).post(f"/notifications/{bad}/read/")
    assert response.status_code == 404


def test_marking_needs_post_and_csrf(client_for, unit_staff):
    from django.test import Client

    tell(unit_staff)
    note = Notification.objects.get(user=unit_staff)
    client = client_for(unit_staff)
    assert client.get(reverse("core:notification_read", args=[note.pk])).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(unit_staff)
    assert strict.post(reverse("core:notifications_read_all")).status_code == 403
    assert unread_count(unit_staff) == 1


def test_mark_all_read_from_the_inbox(client_for, unit_staff):
    tell(unit_staff), tell(unit_staff)
    response = client_for(unit_staff).post(reverse("core:notifications_read_all"),
                                           follow=True)
    assert "已将 2 条提醒标为已读" in response.content.decode()
    assert unread_count(unit_staff) == 0


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("core:inbox"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(reverse("core:notifications_read_all")).status_code == 302


# The digest --------------------------------------------------------------------------

def test_the_digest_choice_is_saved_and_warns_without_an_address(client_for, unit_staff):
    response = client_for(unit_staff).post(reverse("core:notification_digest"),
                                           {"daily_digest": "1"}, follow=True)
    assert NotificationSettings.objects.get(user=unit_staff).daily_digest
    assert "没有登记电子邮箱" in response.content.decode()
    client_for(unit_staff).post(reverse("core:notification_digest"), {})
    assert not NotificationSettings.objects.get(user=unit_staff).daily_digest


def test_the_digest_goes_to_those_who_chose_it_with_what_is_new_and_unread():
    chose, did_not = UserFactory(email="a@example.gov.cn"), UserFactory(email="b@example.gov.cn")
    services.notification_settings_set(user=chose, daily_digest=True)
    for user in (chose, did_not):
        tell(user, text="任务3的第三季度推进情况报告被退回整改", kind=NotificationKind.RETURNED)
        tell(user, text="已经读过的提醒")
    Notification.objects.filter(text="已经读过的提醒").update(read_at=dt.datetime.now(dt.UTC))
    assert digests_send() == 1
    (message,) = mail.outbox
    assert message.to == ["a@example.gov.cn"]
    assert "【退回整改】" in message.body and "被退回整改" in message.body
    assert "已经读过的提醒" not in message.body and "/plans/todo/" in message.body
    assert digests_send() == 0  # nothing new since: no second mail
    tell(chose, text="新的提醒")
    assert digests_send() == 1 and "新的提醒" in mail.outbox[-1].body
    assert "被退回整改" not in mail.outbox[-1].body


def test_the_digest_command_runs(capsys):
    from django.core.management import call_command

    call_command("send_digest")
    assert "封汇总邮件" in capsys.readouterr().out
