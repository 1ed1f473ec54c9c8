"""The public library's query parameters, shared by the search page and the JSON API.

Parameters that cannot be read (a year that is not a number, an unknown kind, a page
past the end of what anyone reads) are refused with a message in Chinese rather than
ignored, so a wrong link says what is wrong. ``limit`` is capped, not refused.
"""
from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.policies.models import DocumentKind
from gongkai.policies.selectors.validity import VALIDITY_LABELS

MAX_QUERY_CHARS = 200
PAGE_SIZE = 20
MAX_PAGE = 500
API_MAX_LIMIT = 50

SORTS = (("relevance", _("按相关度")), ("date", _("按发布日期")))
FILTER_FIELDS = ("kind", "issuer", "year", "topic", "validity")
PARAM_LABELS = {"q": _("检索词"), "kind": _("文件类型"), "issuer": _("发布机构"),
                "year": _("年份"), "topic": _("主题分类"), "validity": _("效力状态"),
                "sort": _("排序"), "page": _("页码"), "limit": _("条数")}


class LibrarySearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=MAX_QUERY_CHARS, strip=True)
    kind = forms.ChoiceField(required=False, choices=[("", "")] + DocumentKind.choices)
    issuer = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    year = forms.IntegerField(required=False, min_value=1949, max_value=2199)
    topic = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    validity = forms.ChoiceField(required=False,
                                 choices=[("", "")] + list(VALIDITY_LABELS.items()))
    sort = forms.ChoiceField(required=False, choices=SORTS)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)
    limit = forms.IntegerField(required=False, min_value=1)

    def clean_limit(self) -> int:
        limit = self.cleaned_data.get("limit") or PAGE_SIZE
        return min(limit, API_MAX_LIMIT)

    def clean_sort(self) -> str:
        sort = self.cleaned_data.get("sort")
        if sort:
            return sort
        # Browsing without words lists the newest first.
        return "relevance" if (self.data.get("q") or "").strip() else "date"

    def clean_page(self) -> int:
        return self.cleaned_data.get("page") or 1

    def filters(self) -> dict:
        return {name: self.cleaned_data[name] for name in FILTER_FIELDS
                if self.cleaned_data.get(name) not in (None, "")}

    def error_text(self) -> str:
        """All errors as one sentence per parameter: 年份：请输入整数。"""
        parts = []
        for name, errors in self.errors.items():
            label = PARAM_LABELS.get(name, name)
            parts.append(f"{label}：{''.join(str(e) for e in errors)}")
        return "；".join(parts)
