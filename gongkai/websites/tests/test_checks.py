"""The automated checks against local imitation sites: nothing leaves the machine."""
import datetime as dt

from gongkai.core.testing import AcceptRecorder
from gongkai.websites.models import CheckRule, ColumnKind, Finding, RunTrigger
from gongkai.websites.services.checks import website_check
from gongkai.websites.tests.factories import ColumnFactory, WebsiteFactory
from gongkai.websites.tests.sites import FOOTER, healthy_site, html, list_page


def _check(base, *, columns=(), disclosure=True, **fields):
    site = WebsiteFactory(url=base + "/",
                          disclosure_url=base + "/xxgk/index.html" if disclosure else "",
                          **fields)
    for name, path, kind in columns:
        ColumnFactory(website=site, name=name, url=base + path, kind=kind)
    run = website_check(website_id=site.pk, trigger=RunTrigger.ON_DEMAND)
    return site, run, {f.indicator: f for f in run.findings.all()}


def test_a_healthy_site_over_ipv6_has_no_findings(sites, today):
    base = sites(healthy_site(today), host="::1")
    _site, run, found = _check(base, columns=[("工作动态", "/news/index.html", ColumnKind.NEWS)])
    assert found == {}
    assert run.pages >= 5


def test_stale_undated_and_empty_columns_are_found_and_five_due_ones_veto(sites, today):
    routes = healthy_site(today)
    old = [today - dt.timedelta(days=40)]
    routes["/c1.html"] = html(list_page("/c1", old))
    routes["/c2.html"] = html(list_page("/c2", [today - dt.timedelta(days=200)]))
    routes["/c3.html"] = html("<ul><li><a href='/c3/1.html'>没有日期的条目</a></li></ul>")
    routes["/c4.html"] = html("<p>暂无信息</p>")
    routes["/c5.html"] = html(list_page("/c5", old))
    routes["/c6.html"] = html(list_page("/c6", [today - dt.timedelta(days=100)]))
    base = sites(routes, host="::1")
    columns = [("要闻一", "/c1.html", ColumnKind.NEWS), ("政策文件", "/c2.html", ColumnKind.NOTICE),
               ("通知公告", "/c3.html", ColumnKind.NOTICE), ("人事信息", "/c4.html", ColumnKind.OTHER),
               ("要闻二", "/c5.html", ColumnKind.NEWS), ("规划计划", "/c6.html", ColumnKind.OTHER)]
    _site, run, _found = _check(base, columns=columns)
    late = run.findings.filter(indicator="site.column_late")
    assert sorted(f.detail.split("：")[0] for f in late) == ["政策文件", "要闻一", "要闻二",
                                                              "通知公告"]
    assert run.findings.get(indicator="site.column_empty").detail.startswith("人事信息")
    assert not run.findings.filter(indicator="site.columns_stale").exists()
    CheckRule.objects.create(key="column.veto_stale_count", value=4)
    _site, run, found = _check(sites(routes, host="::1"), columns=columns)
    assert "4" in found["site.columns_stale"].detail


def test_stale_column_evidence_is_the_stored_list_page(sites, today):
    routes = healthy_site(today)
    routes["/old.html"] = html(list_page("/old", [dt.date(2025, 1, 2)]))
    base = sites(routes, host="::1")
    _site, run, _ = _check(base, columns=[("工作动态", "/old.html", ColumnKind.NEWS)])
    finding = run.findings.get(indicator="site.column_late")
    assert finding.url == base + "/old.html" and finding.http_status == 200
    assert "2025-01-02" in finding.detail
    with finding.snapshot.open("rb") as stored:
        assert b"2025-01-02" in stored.read()


def test_dead_links_are_found_and_robots_disallowed_pages_are_not_fetched(sites, today):
    routes = healthy_site(today)
    home = routes["/"][2].decode().replace(
        "<footer>", "<a href='/missing.html'>失效</a><a href='/private/a.html'>内部</a>"
        "<a href='/broken.html'>错误</a><footer>")
    routes["/"] = html(home.split("<body>")[1].split("</body>")[0])
    routes["/broken.html"] = (500, {"Content-Type": "text/html"}, b"error")
    routes["/robots.txt"] = (200, {}, b"User-agent: *\nDisallow: /private/\n")
    base = sites(routes, host="::1")
    _site, run, found = _check(base)
    dead = found["site.dead_links"]
    assert dead.count == 2
    assert "/missing.html" in dead.detail and "/broken.html" in dead.detail
    assert "/private/a.html" not in sites.hits[base]
    assert run.summary["robots_skipped"] == 1


def test_crawl_stops_at_the_page_budget_and_the_depth(sites, today):
    routes = healthy_site(today)
    chain = "".join(f"<a href='/p{i}.html'>p{i}</a>" for i in range(30))
    routes["/"] = html(routes["/"][2].decode().split("<body>")[1].split("</body>")[0] + chain)
    for i in range(30):
        routes[f"/p{i}.html"] = html(f"<a href='/deep{i}.html'>deeper</a>")
        routes[f"/deep{i}.html"] = html(f"<a href='/deeper{i}.html'>deepest</a>")
    CheckRule.objects.create(key="crawl.max_pages", value=20)
    base = sites(routes, host="::1")
    _site, run, _ = _check(base)
    assert run.pages <= 20
    assert not any(h.startswith("/deeper") for h in sites.hits[base])


def test_missing_footer_fields_are_listed(sites, today):
    routes = healthy_site(today, footer="<footer>粤ICP备12345678号</footer>")
    base = sites(routes, host="::1")
    _site, _run, found = _check(base)
    footer = found["site.footer"]
    assert footer.count == 3
    for label in ("网站标识码", "党政机关网站标识", "公安机关备案号"):
        assert label in footer.detail
    assert "ICP" not in footer.detail


def test_a_site_without_ipv6_is_found(sites, today):
    base = sites(healthy_site(today))  # 127.0.0.1 only: no IPv6 address
    _site, _run, found = _check(base)
    assert "AAAA" in found["site.ipv6"].detail


def test_disclosure_sections_and_last_years_report_after_the_deadline(sites, today):
    routes = healthy_site(today)
    routes["/xxgk/index.html"] = html("<a href='/xxgk/zn.html'>政府信息公开指南</a>"
                                      "<a href='/xxgk/nb.html'>2024年政府信息公开工作年度报告</a>")
    base = sites(routes, host="::1")
    _site, _run, found = _check(base)
    detail = found["site.disclosure"].detail
    assert "目录" in detail and "2025年度报告" in detail and "指南" not in detail


def test_the_private_address_is_refused_without_the_intranet_switch(sites, settings, today):
    with AcceptRecorder() as listener:
        settings.GONGKAI_OUTBOUND_PORTS = (*settings.GONGKAI_OUTBOUND_PORTS, listener.port)
        settings.GONGKAI_WEBSITES_ALLOW_INTRANET = False
        site = WebsiteFactory(url=f"http://127.0.0.1:{listener.port}/")
        run = website_check(website_id=site.pk, trigger=RunTrigger.ON_DEMAND)
        assert listener.count() == 0
    assert "不允许访问" in run.summary["home"]
    assert not Finding.objects.filter(indicator="site.footer").exists()


def test_links_outside_the_districts_domains_are_not_followed(sites, settings, today):
    other = sites({"/": html("外站")})
    routes = healthy_site(today)
    routes["/"] = html(routes["/"][2].decode().split("<body>")[1].split("</body>")[0]
                       + f"<a href='{other}/'>外站</a>")
    base = sites(routes, host="::1")
    settings.GONGKAI_WEBSITES_DOMAINS = ["::1"]
    _site, run, _found = _check(base)
    assert sites.hits[other] == []
    assert run.summary["not_allowed"] == 2  # the other site and the conac badge link


def test_footer_fixture_is_complete():
    from gongkai.websites.checks.parse import footer_fields, parse

    fields = footer_fields(parse(FOOTER.encode(), "http://x/"))
    assert fields == {"site_code": "4401120001", "icp": "ICP备12345678号",
                      "police": "公网安备 44011202000123号", "party_label": True}
