"""From what a crawl saw to findings tied to indicators, by the rules as data.

Pure functions: a ``Crawl`` (or a list of probes), the office's rules and today's date
in, ``Problem`` rows out. The services write them as ``Finding`` rows.
"""
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from gongkai.websites.checks import parse
from gongkai.websites.checks.crawl import Crawl, Fetched
from gongkai.websites.rules import month_day

# 政府信息公开 sections (as commonly applied): label → words a link's text must hold.
DISCLOSURE_SECTIONS = [
    ("指南", ("信息公开指南",)),
    ("目录", ("信息公开目录",)),
    ("制度", ("信息公开制度",)),
    ("依申请公开", ("依申请公开",)),
]


@dataclass
class Problem:
    indicator: str
    detail: str
    url: str
    at: dt.datetime
    status: int | None = None
    count: int = 1
    snapshot: bytes = b""


def _problem(code: str, detail: str, fetched: Fetched, *, count: int = 1,
             evidence: bool = True) -> Problem:
    return Problem(code, detail, fetched.url, fetched.at, fetched.status, count,
                   fetched.body if evidence else b"")


def site_problems(crawl: Crawl, rules: dict[str, Decimal], today: dt.date,
                  column_kinds: dict[int, tuple[str, str]]) -> list[Problem]:
    """Every problem the crawl shows. ``column_kinds`` maps a column id to its
    (name, kind). A home page that does not open is left to the availability rule
    (``availability``): one failed visit is not a veto."""
    problems = _https(crawl, rules, today)
    if not crawl.home.ok or crawl.home.page is None:
        return problems
    problems += _home(crawl, rules, today)
    problems += _columns(crawl, rules, today, column_kinds)
    problems += _footer(crawl)
    problems += _disclosure(crawl, rules, today)
    problems += _ipv6(crawl)
    if crawl.dead:
        lines = [f"{d.url}（{d.status or d.error}，{_('所在页面')} {d.referrer}）"
                 for d in crawl.dead]
        first = crawl.dead[0]
        problems.append(Problem("site.dead_links", _("发现 %(n)s 个不可用链接：\n%(list)s")
                                % {"n": len(crawl.dead), "list": "\n".join(lines)},
                                first.url, first.at, first.status, len(crawl.dead)))
    return problems


def _home(crawl: Crawl, rules, today) -> list[Problem]:
    home = crawl.home
    newest = max(parse.item_dates(home.page.text, today=today), default=None) \
        if home.page else None
    # A navigation-only home page shows no dates: its 2nd-level pages count (19号).
    newest = newest or crawl.newest_level2
    limit = int(rules["home.max_age_days"])
    if newest is None or (today - newest).days > limit:
        shown = newest.isoformat() if newest else _("无日期")
        return [_problem("site.home_stale", _("首页及二级页面最近更新：%(d)s，超过 %(n)s 天未更新。")
                         % {"d": shown, "n": limit}, home)]
    return []


def column_state(fetched: Fetched, kind: str, rules, today: dt.date) -> tuple[str, str]:
    """("fresh" | "stale" | "empty", explanation) of one column list page. Undated
    items count as not updated (2015 普查 rule, as commonly applied)."""
    if not fetched.ok or fetched.page is None:
        return "stale", _("栏目页无法打开：%(why)s") % {"why": fetched.error or fetched.status}
    if parse.looks_empty(fetched.page, fetched.url):
        return "empty", _("栏目无内容。")
    newest = max(parse.item_dates(fetched.page.text, today=today), default=None)
    limit = int(rules[f"column.max_age_days.{kind}"])
    if newest is None:
        return "stale", _("栏目条目没有日期，按未更新计。")
    if (today - newest).days > limit:
        return "stale", _("最近更新 %(d)s，超过 %(n)s 天未更新。") % {
            "d": newest.isoformat(), "n": limit}
    return "fresh", newest.isoformat()


def _columns(crawl: Crawl, rules, today, column_kinds) -> list[Problem]:
    problems, stale_due, stale_all, empty = [], 0, 0, 0
    for column_id, fetched in crawl.columns.items():
        name, kind = column_kinds[column_id]
        state, why = column_state(fetched, kind, rules, today)
        if state == "fresh":
            continue
        code = "site.column_empty" if state == "empty" else "site.column_late"
        problems.append(_problem(code, f"{name}：{why}", fetched))
        empty += state == "empty"
        stale_all += state == "stale"
        stale_due += state == "stale" and kind in ("news", "notice")
    reasons = []
    if stale_due >= rules["column.veto_stale_count"]:
        reasons.append(_("动态要闻、通知公告政策文件类栏目不更新 %(n)s 个") % {"n": stale_due})
    if stale_all >= rules["column.veto_long_stale_count"]:
        reasons.append(_("应更新而长期未更新栏目 %(n)s 个") % {"n": stale_all})
    if empty >= rules["column.veto_empty_count"]:
        reasons.append(_("空白栏目 %(n)s 个") % {"n": empty})
    if reasons:
        problems.append(_problem("site.columns_stale", "；".join(reasons), crawl.home,
                                 evidence=False))
    return problems


def _footer(crawl: Crawl) -> list[Problem]:
    fields = parse.footer_fields(crawl.home.page)
    labels = {"site_code": _("网站标识码"), "party_label": _("党政机关网站标识"),
              "icp": _("ICP备案号"), "police": _("公安机关备案号")}
    missing = [label for key, label in labels.items() if not fields[key]]
    if not missing:
        return []
    return [_problem("site.footer", _("页脚缺少：%(list)s") % {"list": "、".join(missing)},
                     crawl.home, count=len(missing))]


def report_due(rules, *, portal: bool, year: int, key: str = "") -> dt.date:
    month, day = month_day(rules[key or ("report.due_government" if portal
                                         else "report.due_department")])
    return dt.date(year, month, day)


def _disclosure(crawl: Crawl, rules, today) -> list[Problem]:
    problems = []
    last_year = today.year - 1
    home_page = crawl.home.page
    if today > report_due(rules, portal=True, year=today.year, key="web_report.due") and \
            not parse.links_containing(home_page, f"{last_year}", "网站工作年度报表"):
        problems.append(_problem("site.web_report", _("首页未见%(y)s年政府网站工作年度报表。")
                                 % {"y": last_year}, crawl.home, evidence=False))
    page = crawl.disclosure
    if page is None:
        return problems
    if not page.ok or page.page is None:
        return [*problems, _problem("site.disclosure", _("政府信息公开栏目无法打开：%(why)s")
                                    % {"why": page.error or page.status}, page)]
    missing = [label for label, words in DISCLOSURE_SECTIONS
               if not parse.links_containing(page.page, *words)]
    if today > report_due(rules, portal=crawl.site.is_portal, year=today.year) and \
            not parse.links_containing(page.page, f"{last_year}", "年度报告"):
        missing.append(_("%(y)s年度报告") % {"y": last_year})
    if missing:
        problems.append(_problem("site.disclosure", _("政府信息公开栏目缺少：%(list)s")
                                 % {"list": "、".join(missing)}, page, count=len(missing)))
    return problems


def _ipv6(crawl: Crawl) -> list[Problem]:
    if not crawl.has_aaaa:
        return [_problem("site.ipv6", _("域名没有IPv6地址（AAAA记录）。"), crawl.home,
                         evidence=False)]
    if crawl.ipv6 is None or not crawl.ipv6.ok:
        why = crawl.ipv6.error or crawl.ipv6.status if crawl.ipv6 else ""
        return [_problem("site.ipv6", _("有IPv6地址，但经IPv6无法打开首页：%(why)s")
                         % {"why": why}, crawl.ipv6 or crawl.home, evidence=False)]
    return []


def _https(crawl: Crawl, rules, today) -> list[Problem]:
    fetched = [crawl.home, *crawl.columns.values()]
    broken = next((f for f in fetched if f.error_kind == "tls"), None)
    if broken:
        return [_problem("site.https", broken.error, broken, evidence=False)]
    expiry = crawl.home.tls_not_after
    if expiry is None:
        return []
    left = (expiry.date() - today).days
    if left <= rules["https.warn_days"]:
        return [_problem("site.https_expiring", _("证书 %(d)s 到期，还剩 %(n)s 天。")
                         % {"d": expiry.date().isoformat(), "n": left}, crawl.home,
                         evidence=False)]
    return []


def availability(probes: list[bool], rules) -> tuple[bool, str]:
    """(veto?, explanation) over the window's probes, failures ≥ the share → veto."""
    if not probes:
        return False, _("统计期内没有探测记录。")
    failed = probes.count(False)
    share = Decimal(failed * 100) / len(probes)
    text = _("共探测 %(n)s 次，失败 %(f)s 次（%(p)s%%）。") % {
        "n": len(probes), "f": failed, "p": round(share, 1)}
    return share >= rules["probe.veto_failure_percent"], text
