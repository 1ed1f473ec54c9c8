"""The unit registry as a ``core.lists`` spec: category, words in the name, short name
or an alias (in either script, matched by ``units_matching``); sorted, paged. Every
government-side user reads the whole registry, so there is no unit scoping here."""
from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.core.lists import ListFilterForm, ListSpec, SearchField, choices_with_all
from gongkai.orgs.models import UnitCategory
from gongkai.orgs.selectors_registry import units_matching


class UnitFilters(ListFilterForm):
    q = SearchField(label=_("名称或别名"), max_length=100)
    category = forms.ChoiceField(label=_("类别"), required=False,
                                 choices=choices_with_all(UnitCategory.choices, _("全部类别")))

    def filter(self, queryset, data):
        if "category" in data:
            queryset = queryset.filter(category=data["category"])
        if "q" in data:
            # Script-insensitive matching runs in Python (see units_matching).
            found = units_matching(data["q"], category=data.get("category", ""))
            queryset = queryset.filter(pk__in=[unit.pk for unit in found])
        return queryset


UNITS = ListSpec(
    form_class=UnitFilters,
    sorts={"order": ("sort_order", "name"), "name": ("name",),
           "category": ("category", "sort_order", "name")},
    default_sort="order", per_page=50)
