"""The staff's policy documents as a ``core.lists`` spec: issuing unit (the office
only: a unit's list holds only its own, so ``?unit=`` cannot widen it), publication
status, validity as read today, year of publication, words in the title or document
number; sorted by an allow-listed key, paged."""
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
from gongkai.orgs.models import Unit
from gongkai.policies.selectors.validity import (
    VALIDITY_LABELS,
    VALIDITY_ORDER,
    validity_condition,
)
from gongkai.publishing.models import PublicationStatus


class StaffDocumentFilters(ListFilterForm):
    unit = IdChoiceField(label=_("发布单位"))
    status = forms.ChoiceField(label=_("发布状态"), required=False,
                               choices=choices_with_all(PublicationStatus.choices))
    validity = forms.ChoiceField(label=_("效力"), required=False, choices=choices_with_all(
        [(v, VALIDITY_LABELS[v]) for v in VALIDITY_ORDER]))
    year = IdChoiceField(label=_("发布年份"))
    q = SearchField(help_text=_("标题或文号"))

    def __init__(self, *args, user, base, **kwargs):
        super().__init__(*args, **kwargs)
        if user.is_office_admin:
            units = Unit.objects.filter(pk__in=base.values("unit_id"))
            self.fields["unit"].choices = choices_with_all(
                [(u.pk, u.name) for u in units.order_by("sort_order", "name")], _("全部单位"))
        else:
            del self.fields["unit"]
        years = base.filter(published_on__isnull=False).dates("published_on", "year",
                                                             order="DESC")
        self.fields["year"].choices = choices_with_all([(d.year, d.year) for d in years])

    def filter(self, queryset, data):
        if "unit" in data:
            queryset = queryset.filter(unit_id=data["unit"])
        if "status" in data:
            queryset = queryset.filter(publication_status=data["status"])
        if "validity" in data:
            # Validity is only meaningful once published (the list says 未发布 otherwise).
            queryset = queryset.filter(validity_condition(data["validity"]),
                                       publication_status=PublicationStatus.PUBLISHED)
        if "year" in data:
            queryset = queryset.filter(published_on__year=data["year"])
        if "q" in data:
            queryset = queryset.filter(search_q(data["q"], "title", "doc_number"))
        return queryset


STAFF_DOCUMENTS = ListSpec(
    form_class=StaffDocumentFilters,
    sorts={"updated": ("updated_at",), "published": ("published_on",),
           "title": ("title",)},
    default_sort="-updated", per_page=50)
