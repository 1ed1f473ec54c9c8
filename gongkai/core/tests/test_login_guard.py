"""Sign-in throttling per account and per address, and the login audit."""
import pytest

from django.test import Client

from gongkai.core.models import LoginAttempt
from gongkai.orgs.tests.factories import OfficeAdminFactory, UserFactory

PASSWORD = "Correct-horse-42"
LOCKED = "登录失败次数过多"


@pytest.fixture
def staff(db):
    user = UserFactory(username="zhang")
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def superuser(db):
    user = OfficeAdminFactory(username="root", is_staff=True, is_superuser=True)
    user.set_password(PASSWORD)
    user.save()
    return user


def login(client, url, username, password):
    return client.post(url, {"username": username, "password": password})


@pytest.mark.parametrize("url", ["/accounts/login/", "/admin/login/"])
def test_after_too_many_wrong_passwords_even_the_right_one_is_refused(
        url, staff, superuser, settings):
    settings.GONGKAI_LOGIN_ACCOUNT_FAILURES = 5
    username = "root" if "admin" in url else "zhang"
    client = Client()
    for _i in range(5):
        response = login(client, url, username, "wrong")
        assert response.status_code == 200 and LOCKED not in response.content.decode()
    response = login(client, url, username, PASSWORD)
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session
    # From another address too: the account itself is locked.
    other = Client(REMOTE_ADDR="198.51.100.20")
    assert LOCKED in login(other, url, username, PASSWORD).content.decode()


def test_the_right_password_before_the_limit_signs_in_and_clears_the_count(staff, settings):
    settings.GONGKAI_LOGIN_ACCOUNT_FAILURES = 3
    client = Client()
    for _i in range(2):
        login(client, "/accounts/login/", "zhang", "wrong")
    assert login(client, "/accounts/login/", "zhang", PASSWORD).status_code == 302
    client.logout()
    for _i in range(2):
        login(client, "/accounts/login/", "zhang", "wrong")
    assert login(client, "/accounts/login/", "zhang", PASSWORD).status_code == 302


def test_one_address_guessing_many_accounts_is_throttled(staff, settings):
    settings.GONGKAI_LOGIN_ADDRESS_FAILURES = 4
    client = Client(REMOTE_ADDR="198.51.100.30")
    for name in ["a1", "a2", "a3", "a4"]:
        assert LOCKED not in login(client, "/accounts/login/", name, "x").content.decode()
    assert LOCKED in login(client, "/accounts/login/", "zhang", PASSWORD).content.decode()
    elsewhere = Client(REMOTE_ADDR="198.51.100.31")
    assert login(elsewhere, "/accounts/login/", "zhang", PASSWORD).status_code == 302


def test_every_attempt_is_audited_with_address_and_outcome(staff, settings):
    settings.GONGKAI_LOGIN_ACCOUNT_FAILURES = 1
    settings.GONGKAI_TRUSTED_PROXIES = ["127.0.0.1"]
    client = Client(HTTP_X_FORWARDED_FOR="198.51.100.40")
    login(client, "/accounts/login/", "zhang", "wrong")
    login(client, "/accounts/login/", "zhang", PASSWORD)  # locked now
    rows = list(LoginAttempt.objects.order_by("id").values_list(
        "username", "address", "succeeded", "throttled", "path"))
    assert rows == [("zhang", "198.51.100.40", False, False, "/accounts/login/"),
                    ("zhang", "198.51.100.40", False, True, "/accounts/login/")]


def test_a_successful_admin_login_is_audited(superuser):
    client = Client()
    assert login(client, "/admin/login/", "root", PASSWORD).status_code == 302
    attempt = LoginAttempt.objects.get()
    assert attempt.succeeded and attempt.user == superuser and attempt.path == "/admin/login/"
