"""Local imitations of government sites for the check tests (loopback only)."""
import datetime as dt


def page(body: str, title: str = "测试网站") -> bytes:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
            f"</head><body>{body}</body></html>").encode()


def html(body: str) -> tuple[int, dict, bytes]:
    return 200, {"Content-Type": "text/html; charset=utf-8"}, page(body)


FOOTER = ("<footer>主办：区测试局 网站标识码：4401120001 粤ICP备12345678号 "
          "粤公网安备 44011202000123号 <a href='https://bszs.conac.cn/sitename?x=1'>"
          "<img src='/img/red.png'></a></footer>")


def list_page(prefix: str, days: list[dt.date]) -> str:
    items = "".join(f"<li><a href='{prefix}/{i}.html'>条目{i}</a><span>{d:%Y-%m-%d}</span></li>"
                    for i, d in enumerate(days))
    return f"<ul>{items}</ul>"


def healthy_site(today: dt.date, *, footer: str = FOOTER) -> dict:
    """A site with nothing to find: fresh columns, full footer, every section."""
    fresh = [today - dt.timedelta(days=1), today - dt.timedelta(days=3)]
    last = today.year - 1
    home = (f"<a href='/news/index.html'>工作动态</a><a href='/xxgk/index.html'>信息公开</a>"
            f"<a href='/report/{last}.html'>{last}年政府网站工作年度报表</a>"
            f"{list_page('/news', fresh)}{footer}")
    disclosure = ("<a href='/xxgk/zn.html'>政府信息公开指南</a>"
                  "<a href='/xxgk/ml.html'>政府信息公开目录</a>"
                  "<a href='/xxgk/zd.html'>政府信息公开制度</a>"
                  "<a href='/xxgk/ysq.html'>依申请公开</a>"
                  f"<a href='/xxgk/nb{last}.html'>区测试局{last}年政府信息公开工作年度报告</a>")
    routes = {"/": html(home), "/news/index.html": html(list_page("/news", fresh)),
              "/xxgk/index.html": html(disclosure),
              "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\n")}
    for path in ["/news/0.html", "/news/1.html", f"/report/{last}.html", "/xxgk/zn.html",
                 "/xxgk/ml.html", "/xxgk/zd.html", "/xxgk/ysq.html", f"/xxgk/nb{last}.html"]:
        routes[path] = html("<p>正文</p>")
    return routes
