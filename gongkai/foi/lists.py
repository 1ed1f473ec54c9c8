"""The staff's application list as a ``core.lists`` spec: status, deadline, unit (the
office only: a unit's list holds only its own), words; sorted by an allow-listed key."""
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.lists import (
    IdChoiceField,
    ListFilterForm,
    ListSpec,
    SearchField,
    choices_with_all,
)
from gongkai.foi.models import Status
from gongkai.foi.permissions import can_manage_foi
from gongkai.foi.selectors.staff import staff_applications
from gongkai.orgs.models import Unit
from gongkai.workdays.selectors import calendar_from_db


class StaffApplicationFilters(ListFilterForm):
    status = forms.ChoiceField(label=_("状态"), required=False,
                               choices=choices_with_all(Status.choices, _("全部状态")))
    due = forms.ChoiceField(label=_("期限"), required=False, choices=choices_with_all([
        ("soon", _("即将到期")), ("overdue", _("已逾期")), ("stopped", _("暂停计算"))],
        _("全部期限")))
    unit = IdChoiceField(label=_("办理单位"))
    q = SearchField(help_text=_("编号或申请内容"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if can_manage_foi(user):
            units = Unit.objects.filter(foi_applications__isnull=False).distinct()
            self.fields["unit"].choices = choices_with_all(
                [(u.pk, u.name) for u in units.order_by("sort_order", "name")], _("全部单位"))
        else:
            del self.fields["unit"]

    def filter(self, queryset, data):
        if "unit" in data:
            queryset = queryset.filter(unit_id=data["unit"])
        return staff_applications(
            self.user, base=queryset, status=data.get("status", ""), q=data.get("q", ""),
            due=data.get("due", ""), today=timezone.localdate(), calendar=calendar_from_db())


STAFF_APPLICATIONS = ListSpec(
    form_class=StaffApplicationFilters,
    sorts={"due": ("due_on", "-submitted_at"), "received": ("received_on",),
           "number": ("number",), "unit": ("unit__sort_order", "unit__name")},
    default_sort="due", per_page=50)
