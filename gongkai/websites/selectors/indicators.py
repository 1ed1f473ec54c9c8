"""Measures of the websites register and its checks, for the indicator registry
(tasks 43–47 of the plan: IPv6, the 集约化 platform and the new-media matrix, checks
and rectification, the 重点领域 columns kept current).

Each measure is a plain function over a period ``[start, end]`` (dates, both days
included) returning a queryset of the records behind the number; ``INDICATORS`` names
them in the form ``gongkai.reports.registry`` reads (per unit through ``unit_field``,
the district as the sum over units). Nothing here writes.

- ``sites_failing_ipv6``: running sites whose automated check in the period found no
  IPv6 address or no page over IPv6 (task 43, 71号).
- ``sites_off_platform`` / ``sites_on_platform``: live sites not on / on the district's
  集约化 platform at the end of the period (task 44).
- ``live_accounts``: live new-media accounts at the end of the period (the matrix).
- ``confirmed_site_findings`` / ``confirmed_media_findings``: problems the office
  confirmed in spot checks of the period (task 45).
- ``rectifications_late``: notices due in the period not verified by their deadline.
- ``rectifications_verified``: notices verified in the period.
- ``stale_columns``: marked columns found not updated or empty by the checks of the
  period (task 47: the 重点领域 columns the office marks).
"""
import datetime as dt

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from gongkai.websites.models import (
    AccountStatus,
    Finding,
    FindingSource,
    NewMediaAccount,
    Rectification,
    RectStatus,
    Review,
    SiteStatus,
    Website,
)

LIVE_SITES = (SiteStatus.RUNNING, SiteStatus.MIGRATING, SiteStatus.CLOSE_REQUESTED)
LIVE_ACCOUNTS = (AccountStatus.RUNNING, AccountStatus.CLOSE_REQUESTED)


def _between(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """From the start of ``start`` to the start of the day after ``end``, local time."""
    zone = timezone.get_current_timezone()
    return (dt.datetime.combine(start, dt.time(), zone),
            dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), zone)
            - dt.timedelta(microseconds=1))


def sites_failing_ipv6(*, start: dt.date, end: dt.date) -> QuerySet[Website]:
    since, until = _between(start, end)
    return Website.objects.filter(
        status__in=LIVE_SITES, findings__indicator="site.ipv6",
        findings__source=FindingSource.AUTOMATIC,
        findings__observed_at__range=(since, until)).distinct()


def _live_sites_at(end: dt.date) -> QuerySet[Website]:
    until = _between(end, end)[1]
    return Website.objects.filter(created_at__lte=until).filter(
        Q(status__in=LIVE_SITES) | Q(status=SiteStatus.CLOSED, closed_on__gt=end))


def sites_on_platform(*, start: dt.date, end: dt.date) -> QuerySet[Website]:
    return _live_sites_at(end).filter(on_platform=True)


def sites_off_platform(*, start: dt.date, end: dt.date) -> QuerySet[Website]:
    return _live_sites_at(end).filter(on_platform=False)


def live_accounts(*, start: dt.date, end: dt.date) -> QuerySet[NewMediaAccount]:
    until = _between(end, end)[1]
    return NewMediaAccount.objects.filter(created_at__lte=until).filter(
        Q(status__in=LIVE_ACCOUNTS) | Q(closed_on__gt=end))


def _confirmed(start: dt.date, end: dt.date) -> QuerySet[Finding]:
    return Finding.objects.filter(review=Review.CONFIRMED, spot_check__isnull=False,
                                  observed_at__range=_between(start, end))


def confirmed_site_findings(*, start: dt.date, end: dt.date) -> QuerySet[Finding]:
    return _confirmed(start, end).filter(website__isnull=False)


def confirmed_media_findings(*, start: dt.date, end: dt.date) -> QuerySet[Finding]:
    return _confirmed(start, end).filter(account__isnull=False)


def rectifications_late(*, start: dt.date, end: dt.date) -> QuerySet[Rectification]:
    """Due in the period and not verified by the end of the deadline day (Beijing)."""
    return Rectification.objects.filter(deadline__range=(start, end)).filter(
        ~Q(status=RectStatus.VERIFIED) | Q(verified_at__date__gt=F("deadline")))


def rectifications_verified(*, start: dt.date, end: dt.date) -> QuerySet[Rectification]:
    return Rectification.objects.filter(status=RectStatus.VERIFIED,
                                        verified_at__range=_between(start, end))


def stale_columns(*, start: dt.date, end: dt.date) -> QuerySet[Finding]:
    return Finding.objects.filter(
        indicator__in=("site.column_late", "site.column_empty"),
        source=FindingSource.AUTOMATIC, observed_at__range=_between(start, end))


INDICATORS = (
    {"key": "websites.ipv6_failing", "label": "IPv6访问检查未通过的政府网站", "unit": "个",
     "records": sites_failing_ipv6, "better": "less"},
    {"key": "websites.on_platform", "label": "在集约化平台上的政府网站", "unit": "个",
     "records": sites_on_platform, "better": "more"},
    {"key": "websites.off_platform", "label": "未纳入集约化平台的政府网站", "unit": "个",
     "records": sites_off_platform, "better": "less"},
    {"key": "websites.media_accounts", "label": "运行中的政务新媒体账号", "unit": "个",
     "records": live_accounts},
    {"key": "websites.site_problems", "label": "抽查确认的网站问题", "unit": "个",
     "records": confirmed_site_findings, "unit_field": "website__unit_id", "better": "less"},
    {"key": "websites.media_problems", "label": "抽查确认的政务新媒体问题", "unit": "个",
     "records": confirmed_media_findings, "unit_field": "account__unit_id",
     "better": "less"},
    {"key": "websites.rectification_late", "label": "逾期未整改到位的整改通知", "unit": "件",
     "records": rectifications_late, "better": "less"},
    {"key": "websites.rectification_verified", "label": "整改到位的整改通知", "unit": "件",
     "records": rectifications_verified, "better": "more"},
    {"key": "websites.stale_columns", "label": "未及时更新或空白的重点栏目", "unit": "次",
     "records": stale_columns, "unit_field": "website__unit_id", "better": "less"},
)
