"""Sign-in throttling and the login audit, for the staff login and the admin login.

Each attempt is counted *before* the password is checked, per account and per client
address, in the atomic counters of ``gongkai.core.ratelimit``: past the limit the
password is not even looked at (so the right password after 50 wrong ones is refused
too) and a Chinese message says when to try again. A successful sign-in clears the
account's counter and returns the address's slot. Every attempt — succeeded, failed or
refused — is kept as a ``LoginAttempt`` row.
"""
from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import F
from django.utils.translation import gettext as _

from gongkai.core import ratelimit
from gongkai.core.clientip import client_ip
from gongkai.core.models import LoginAttempt, RateCounter


def _account_key(username: str) -> str:
    return f"login:user:{username.strip().lower()[:150]}"


def _address_key(address: str) -> str:
    return f"login:addr:{address}"


def record_attempt(request, *, username: str, succeeded: bool, user=None,
                   throttled: bool = False) -> LoginAttempt:
    return LoginAttempt.objects.create(
        username=username[:150], address=client_ip(request) or None, user=user,
        succeeded=succeeded, throttled=throttled, path=request.path[:200],
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:300])


class ThrottledLoginMixin:
    """For an ``AuthenticationForm``: throttle, then authenticate, then audit."""

    def clean(self):
        username = (self.cleaned_data.get("username") or "")[:150]
        address = client_ip(self.request) if self.request else ""
        window = settings.GONGKAI_LOGIN_WINDOW_SECONDS
        account_tries = ratelimit.count(_account_key(username), window)
        address_tries = ratelimit.count(_address_key(address), window)
        if (account_tries > settings.GONGKAI_LOGIN_ACCOUNT_FAILURES
                or address_tries > settings.GONGKAI_LOGIN_ADDRESS_FAILURES):
            record_attempt(self.request, username=username, succeeded=False, throttled=True)
            raise forms.ValidationError(
                _("登录失败次数过多，该账号或本网络地址已被暂时锁定，请 %(minutes)s 分钟后再试。"
                  "如忘记密码，请联系政务公开办管理员。") % {"minutes": max(1, window // 60)},
                code="throttled")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            record_attempt(self.request, username=username, succeeded=False)
            raise
        RateCounter.objects.filter(key=_account_key(username)).delete()
        RateCounter.objects.filter(key=_address_key(address), count__gt=0).update(
            count=F("count") - 1)
        record_attempt(self.request, username=username, succeeded=True,
                       user=self.get_user())
        return cleaned


class ThrottledAuthenticationForm(ThrottledLoginMixin, AuthenticationForm):
    pass


class ThrottledAdminAuthenticationForm(ThrottledLoginMixin, AdminAuthenticationForm):
    pass
