"""Links of the search page: facet values that add or drop a filter, and page numbers.
Each link keeps the other parameters and goes back to the first page."""
from math import ceil
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from gongkai.policies.forms_library import MAX_PAGE, PAGE_SIZE

FACET_LABELS = {"kind": _("文件类型"), "issuer": _("发布机构"), "year": _("年份"),
                "topic": _("主题分类"), "validity": _("效力状态")}
MAX_OPTIONS = 30


def changed_url(params: QueryDict, **changes) -> str:
    data = {k: v for k, v in params.items() if k not in ("page", *changes)}
    data.update({k: v for k, v in changes.items() if v not in (None, "")})
    return "?" + urlencode(data)


def facet_groups(params: QueryDict, facets: dict, active: dict) -> list[dict]:
    groups = []
    for name, label in FACET_LABELS.items():
        options = []
        for row in facets.get(name, [])[:MAX_OPTIONS]:
            selected = str(active.get(name, "")) == str(row["value"])
            options.append({"label": row["label"], "count": row["count"], "active": selected,
                            "url": changed_url(params, **{name: "" if selected else row["value"]})})
        if options:
            groups.append({"name": name, "label": label, "options": options,
                           "clear_url": changed_url(params, **{name: ""}) if name in active else ""})
    return groups


def page_links(params: QueryDict, *, page: int, total: int) -> dict:
    last = max(1, min(MAX_PAGE, ceil(total / PAGE_SIZE)))
    numbers = sorted({1, last, *range(max(1, page - 3), min(last, page + 3) + 1)})

    def link(n):
        return "?" + urlencode({**{k: v for k, v in params.items() if k != "page"}, "page": n})

    return {"last": last, "current": page,
            "prev": link(page - 1) if page > 1 else "",
            "next": link(page + 1) if page < last else "",
            "numbers": [{"n": n, "url": link(n), "current": n == page} for n in numbers]}
