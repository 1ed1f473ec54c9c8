"""What the checks look for, as data (docs: ../shared/domain/website-checks.md).

Two tables the office edits (through the 检查规则 page, stored in ``CheckRule`` rows that
override the defaults here):

- thresholds: how often the home page is probed, how long a column may go without an
  update, crawl depth, politeness delays, deadlines of the 年度报告;
- each indicator's deduction per problem and its cap (19号: an indicator's deductions
  never exceed its own points).

``INDICATORS`` names every indicator a finding can be tied to: single-veto items
(单项否决) and deduction items (扣分). Values marked "commonly applied" in the domain note
are defaults, not confirmed national figures; the office changes them as its province
sets them.
"""
from dataclasses import dataclass
from decimal import Decimal

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

VETO, DEDUCT, REMINDER = "veto", "deduct", "reminder"
WEBSITE, NEW_MEDIA = "website", "new_media"


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    kind: str  # VETO, DEDUCT or REMINDER (shown, never scored)
    target: str  # WEBSITE or NEW_MEDIA
    group: str = ""
    automatic: bool = False  # found by the automated checks


INDICATORS: dict[str, Indicator] = {i.code: i for i in [
    # Websites, single veto (19号).
    Indicator("site.security", _("安全、泄密等严重问题"), VETO, WEBSITE),
    Indicator("site.unreachable", _("站点无法访问"), VETO, WEBSITE, automatic=True),
    Indicator("site.home_stale", _("首页不更新"), VETO, WEBSITE, automatic=True),
    Indicator("site.columns_stale", _("栏目不更新"), VETO, WEBSITE, automatic=True),
    Indicator("site.interaction", _("互动回应差"), VETO, WEBSITE),
    Indicator("site.service", _("服务不实用"), VETO, WEBSITE),
    # Websites, deductions.
    Indicator("site.dead_links", _("链接不可用（错链断链）"), DEDUCT, WEBSITE,
              _("功能设计"), automatic=True),
    Indicator("site.column_late", _("栏目更新不及时"), DEDUCT, WEBSITE, _("发布解读"),
              automatic=True),
    Indicator("site.column_empty", _("空白栏目"), DEDUCT, WEBSITE, _("发布解读"),
              automatic=True),
    Indicator("site.disclosure", _("政府信息公开栏目不完整（指南、目录、年度报告）"), DEDUCT,
              WEBSITE, _("发布解读"), automatic=True),
    Indicator("site.web_report", _("未在首页发布政府网站工作年度报表"), DEDUCT, WEBSITE,
              _("发布解读"), automatic=True),
    Indicator("site.footer", _("页脚缺少网站标识码、党政机关标识、ICP或公安备案号"), DEDUCT,
              WEBSITE, _("功能设计"), automatic=True),
    Indicator("site.ipv6", _("不支持IPv6访问"), DEDUCT, WEBSITE, _("功能设计"),
              automatic=True),
    Indicator("site.https", _("HTTPS证书无效或已过期"), DEDUCT, WEBSITE, _("功能设计"),
              automatic=True),
    Indicator("site.https_expiring", _("HTTPS证书即将到期"), REMINDER, WEBSITE,
              automatic=True),
    Indicator("site.search", _("站内搜索缺失或无结果"), DEDUCT, WEBSITE, _("功能设计")),
    Indicator("site.accessibility", _("无无障碍或适老化服务"), DEDUCT, WEBSITE, _("功能设计")),
    Indicator("site.other", _("其他问题"), DEDUCT, WEBSITE),
    # Government new media (19号, 123号).
    Indicator("media.security", _("安全、泄密等严重问题"), VETO, NEW_MEDIA),
    Indicator("media.not_updated", _("内容不更新"), VETO, NEW_MEDIA),
    Indicator("media.interaction", _("互动回应差（未提供有效互动功能）"), VETO, NEW_MEDIA),
    Indicator("media.unreviewed", _("未经审核发布（先审后发）"), DEDUCT, NEW_MEDIA),
    Indicator("media.repost", _("转载非党政机关或指定来源信息"), DEDUCT, NEW_MEDIA),
    Indicator("media.personal", _("发布个人观点"), DEDUCT, NEW_MEDIA),
    Indicator("media.ads", _("刊登商业广告"), DEDUCT, NEW_MEDIA),
    Indicator("media.fake_fans", _("购买粉丝、强制点赞"), DEDUCT, NEW_MEDIA),
    Indicator("media.other", _("其他问题"), DEDUCT, NEW_MEDIA),
]}

# The checklist of the new-media spot-check form, in the order it is shown.
NEW_MEDIA_CHECKLIST = [code for code, i in INDICATORS.items()
                       if i.target == NEW_MEDIA and code != "media.not_updated"]

# Editable thresholds: key → (default, label). Numbers are Decimal so the office can
# enter fractions (a 0.5-point deduction, a 5 % failure share).
THRESHOLDS: dict[str, tuple[Decimal, str]] = {
    "probe.per_day": (Decimal(20), _("首页每天探测次数（不少于）")),
    "probe.window_days": (Decimal(7), _("可访问性统计周期（天）")),
    "probe.timeout_seconds": (Decimal(15), _("首页打开超时（秒）")),
    "probe.veto_failure_percent": (Decimal(5), _("探测失败占比达到即否决（%）")),
    "home.max_age_days": (Decimal(14), _("首页无更新的最长天数")),
    "column.max_age_days.news": (Decimal(14), _("动态/要闻栏目最长不更新天数")),
    "column.max_age_days.notice": (Decimal(180), _("通知公告/政策文件栏目最长不更新天数")),
    "column.max_age_days.other": (Decimal(365), _("人事/规划等栏目最长不更新天数（通行做法）")),
    "column.veto_stale_count": (Decimal(5), _("动态要闻＋通知公告政策文件不更新栏目数达到即否决")),
    "column.veto_long_stale_count": (Decimal(10), _("应更新而长期未更新栏目数达到即否决")),
    "column.veto_empty_count": (Decimal(5), _("空白栏目数达到即否决")),
    "crawl.max_depth": (Decimal(2), _("死链检查的抓取深度（首页为0）")),
    "crawl.max_pages": (Decimal(50), _("每个网站每次最多访问页面数")),
    "crawl.host_delay_seconds": (Decimal(1), _("对同一主机两次访问的最短间隔（秒）")),
    "crawl.timeout_seconds": (Decimal(15), _("单个页面的访问时限（秒）")),
    "crawl.workers": (Decimal(8), _("同时检查的网站数")),
    "https.warn_days": (Decimal(30), _("证书到期前提醒天数")),
    "report.due_department": (Decimal("131"), _("部门信息公开年度报告截止（月日，如131）")),
    "report.due_government": (Decimal("331"), _("区政府信息公开年度报告截止（月日）")),
    "web_report.due": (Decimal("131"), _("政府网站工作年度报表截止（月日）")),
    "media.max_silence_days": (Decimal(14), _("新媒体最长不更新天数")),
    "score.fail_below": (Decimal(60), _("扣分后低于此分为不合格")),
    "score.bonus_above": (Decimal(80), _("门户网站高于此分计加分")),
    "sample.min_share_percent": (Decimal(25), _("每季度抽查比例不低于（%）")),
}

# Deductions (扣分) per problem and each indicator's cap, keyed like the thresholds.
for _code, _per, _cap in [
    ("site.dead_links", "0.5", "5"), ("site.column_late", "2", "20"),
    ("site.column_empty", "2", "10"), ("site.disclosure", "2", "10"),
    ("site.web_report", "2", "2"), ("site.footer", "1", "4"), ("site.ipv6", "2", "4"),
    ("site.https", "2", "2"), ("site.search", "2", "5"), ("site.accessibility", "2", "4"),
    ("site.other", "1", "10"), ("media.unreviewed", "5", "10"), ("media.repost", "2", "10"),
    ("media.personal", "2", "10"), ("media.ads", "5", "10"), ("media.fake_fans", "5", "10"),
    ("media.other", "1", "10"),
]:
    THRESHOLDS[f"deduct.{_code}"] = (Decimal(_per), format_lazy(
        "{}：{}", INDICATORS[_code].label, _("每处扣分")))
    THRESHOLDS[f"cap.{_code}"] = (Decimal(_cap), format_lazy(
        "{}：{}", INDICATORS[_code].label, _("最多扣分")))


def month_day(value: Decimal) -> tuple[int, int]:
    """131 → (1, 31): the office types a deadline as month and day run together."""
    number = int(value)
    return number // 100, number % 100


def score(findings: list[tuple[str, int]], rules: dict[str, Decimal]) -> dict:
    """Score one site or account from ``(indicator code, count)`` pairs (19号).

    Any veto item → 不合格 with no score. Otherwise 100 minus, for each deduction
    indicator, ``min(count × per-problem deduction, cap)``; below ``score.fail_below``
    → 不合格. Reminders never count."""
    vetoes = sorted({code for code, _n in findings if INDICATORS[code].kind == VETO})
    if vetoes:
        return {"passed": False, "score": None, "vetoes": vetoes, "deductions": {}}
    counts: dict[str, int] = {}
    for code, n in findings:
        if INDICATORS[code].kind == DEDUCT:
            counts[code] = counts.get(code, 0) + max(n, 1)
    deductions = {code: min(n * rules[f"deduct.{code}"], rules[f"cap.{code}"])
                  for code, n in counts.items()}
    total = Decimal(100) - sum(deductions.values(), Decimal(0))
    return {"passed": total >= rules["score.fail_below"], "score": total, "vetoes": [],
            "deductions": deductions}
