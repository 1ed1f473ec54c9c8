"""A unit's proactive-disclosure catalog as a ``core.lists`` spec: category,
publication status, standard-catalog items, words in the item, content or basis;
sorted by category (the catalog's order), title or date made, paged.

The unit itself is chosen by the page (the office picks one, staff see their own), so
no filter here can widen what a unit's staff see."""
from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.core.lists import (
    IdChoiceField,
    ListFilterForm,
    ListSpec,
    SearchField,
    choices_with_all,
    search_q,
)
from gongkai.publishing.models import CatalogCategory, PublicationStatus


class CatalogItemFilters(ListFilterForm):
    category = IdChoiceField(label=_("类别"))
    status = forms.ChoiceField(label=_("发布状态"), required=False,
                               choices=choices_with_all(PublicationStatus.choices))
    standard = forms.ChoiceField(label=_("标准目录"), required=False,
                                 choices=choices_with_all([("1", _("只看标准目录事项"))]))
    q = SearchField(help_text=_("公开事项、内容或依据"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = choices_with_all(
            [(c.pk, c.name) for c in CatalogCategory.objects.all()], _("全部类别"))

    def filter(self, queryset, data):
        if "category" in data:
            queryset = queryset.filter(category_id=data["category"])
        if "status" in data:
            queryset = queryset.filter(publication_status=data["status"])
        if "standard" in data:
            queryset = queryset.filter(is_standard_catalog=True)
        if "q" in data:
            queryset = queryset.filter(search_q(data["q"], "title", "description", "basis"))
        return queryset


CATALOG_ITEMS = ListSpec(
    form_class=CatalogItemFilters,
    sorts={"category": ("category__order", "category__code", "title"), "title": ("title",),
           "made": ("made_on",)},
    default_sort="category", per_page=50)
