"""Long staff lists: a filter form declared per list, an allow-listed sort, paging.

One page of a list is described by a ``ListSpec`` (its filter form, its sort keys, its
page size) and read by ``ListSpec.read(request, queryset)``. Everything lives in the
query string, so a filtered, sorted page can be bookmarked and the pager keeps the
filters. Hostile values never reach the database: integers go through
``core.params``, a choice must be one the form offers, text is bounded; a value that
fails is dropped and named on the page (``ListPage.ignored``), never an HTTP 500.

The export of a list (``ListPage.rows``) is the same filtered, sorted queryset without
the paging, so a spreadsheet holds what the filtered pages show.
"""
from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.params import parse_int

SEARCH_MAX = 60
PAGE_MAX = 100_000


class IdChoiceField(forms.TypedChoiceField):
    """A choice among ids (unit, period, section …); the value must be one offered."""

    def __init__(self, *, choices=(), **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("empty_value", None)
        super().__init__(choices=choices, coerce=lambda v: parse_int(v, minimum=1), **kwargs)


class SearchField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", SEARCH_MAX)
        kwargs.setdefault("label", gettext_lazy("搜索"))
        super().__init__(**kwargs)


class ListFilterForm(forms.Form):
    """A list's filters. Subclasses declare fields and ``filter(queryset, data)``; field
    choices that depend on the user or the plan are set in ``__init__``."""

    def filter(self, queryset: QuerySet, data: dict) -> QuerySet:
        raise NotImplementedError


def choices_with_all(pairs, label=None) -> list[tuple]:
    return [("", label or _("全部")), *pairs]


def search_q(text: str, *fields: str) -> Q:
    """Rows whose ``fields`` contain every word of ``text`` (words split on spaces)."""
    q = Q()
    for word in text.split()[:5]:
        any_field = Q()
        for name in fields:
            any_field |= Q(**{f"{name}__icontains": word})
        q &= any_field
    return q


@dataclass
class ListPage:
    page: Page
    form: ListFilterForm
    sort: str
    sorts: dict
    rows: QuerySet
    ignored: list[str] = field(default_factory=list)
    params: QueryDict = field(default_factory=QueryDict)
    extra: dict = field(default_factory=dict)

    @property
    def query(self) -> str:
        """Filters and sort, without the page: what the pager, sort links, an export
        and "next report" carry along."""
        return self.params.urlencode()

    def query_with(self, **changes) -> str:
        params = self.params.copy()
        for key, value in changes.items():
            params.pop(key, None)
            if value not in (None, ""):
                params[key] = value
        return params.urlencode()

    def sort_links(self) -> dict:
        """``{key: {"url": "?…", "active": bool, "descending": bool}}`` for headers: the
        active key flips direction, any other starts ascending."""
        links = {}
        active, descending = self.sort.lstrip("-"), self.sort.startswith("-")
        for key in self.sorts:
            value = f"-{key}" if key == active and not descending else key
            links[key] = {"url": "?" + self.query_with(sort=value),
                          "active": key == active, "descending": descending}
        return links


@dataclass(frozen=True)
class ListSpec:
    """How one list is filtered, sorted and paged.

    ``sorts`` maps a public key to the ``order_by`` fields of its ascending order;
    ``?sort=-key`` reverses it. Only these keys are accepted.
    """

    form_class: type[ListFilterForm]
    sorts: dict[str, tuple[str, ...]]
    default_sort: str
    per_page: int = 50
    form_kwargs: Callable[..., dict] | None = None

    def _sort(self, raw: str) -> tuple[str, bool]:
        key = (raw or "").strip()[:40]
        if key.lstrip("-") in self.sorts:
            return key, False
        return self.default_sort, bool(raw)

    def order(self, queryset: QuerySet, sort: str) -> QuerySet:
        fields = self.sorts[sort.lstrip("-")]
        if sort.startswith("-"):
            fields = tuple(f[1:] if f.startswith("-") else f"-{f}" for f in fields)
        return queryset.order_by(*fields, "pk" if not sort.startswith("-") else "-pk")

    def bind(self, params: QueryDict, **form_kwargs) -> tuple[ListFilterForm, dict, list]:
        """The bound form, the cleaned values that passed and the labels that did not."""
        form = self.form_class(params, **form_kwargs)
        form.is_valid()
        data = {name: value for name, value in form.cleaned_data.items()
                if value not in (None, "", [], False)}
        ignored = [str(form.fields[name].label or name) for name in form.errors
                   if name in form.fields]
        return form, data, ignored

    def read(self, request, queryset: QuerySet, *, keep: dict | None = None,
             **form_kwargs) -> ListPage:
        """One page of ``queryset``; ``keep`` holds checked values outside the form (the
        plan's year) that links must carry too."""
        params = request.GET
        form, data, ignored = self.bind(params, **form_kwargs)
        sort, bad_sort = self._sort(params.get("sort", ""))
        if bad_sort:
            ignored.append(_("排序"))
        rows = self.order(form.filter(queryset, data), sort)
        number = parse_int(params.get("page"), minimum=1, maximum=PAGE_MAX, default=1)
        page = Paginator(rows, self.per_page).get_page(number)
        kept = QueryDict(mutable=True)
        for name, value in (keep or {}).items():
            if value not in (None, ""):
                kept[name] = str(value)
        for name in form.fields:
            if name in data:
                for value in params.getlist(name)[:1]:
                    kept[name] = value
        if sort != self.default_sort:
            kept["sort"] = sort
        return ListPage(page=page, form=form, sort=sort, sorts=self.sorts, rows=rows,
                        ignored=ignored, params=kept,
                        extra={k: v for k, v in (keep or {}).items() if v not in (None, "")})
