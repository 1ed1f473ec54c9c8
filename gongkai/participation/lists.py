"""The staff's leader-message queue as a ``core.lists`` spec: handling unit (the
office only: a unit's queue holds only its own, so ``?unit=`` cannot widen it),
status, overdue, words in the title, text or query code; soonest due first, paged.

The office opens on its inbox (待分办) when no filter is asked for at all."""
from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone
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
from gongkai.participation.models.messages import MESSAGE_OPEN_STATUSES, MessageStatus


class StaffMessageFilters(ListFilterForm):
    unit = IdChoiceField(label=_("承办单位"))
    status = forms.ChoiceField(label=_("状态"), required=False,
                               choices=choices_with_all(MessageStatus.choices, _("全部状态")))
    overdue = forms.ChoiceField(label=_("逾期"), required=False,
                                choices=choices_with_all([("1", _("只看逾期"))]))
    q = SearchField(help_text=_("标题、内容或查询码"))

    def __init__(self, data=None, *args, user, base, **kwargs):
        if user.is_office_admin and data is not None \
                and not any(name in data for name in ("status", "overdue", "unit", "q")):
            data = data.copy()
            data["status"] = MessageStatus.RECEIVED  # the office opens on its inbox
        super().__init__(data, *args, **kwargs)
        if user.is_office_admin:
            units = Unit.objects.filter(pk__in=base.filter(unit__isnull=False)
                                        .values("unit_id"))
            self.fields["unit"].choices = choices_with_all(
                [(u.pk, u.name) for u in units.order_by("sort_order", "name")], _("全部单位"))
        else:
            del self.fields["unit"]

    def filter(self, queryset, data):
        if "unit" in data:
            queryset = queryset.filter(unit_id=data["unit"])
        if "status" in data:
            queryset = queryset.filter(status=data["status"])
        if "overdue" in data:
            queryset = queryset.filter(status__in=MESSAGE_OPEN_STATUSES,
                                       due_on__lt=timezone.localdate())
        if "q" in data:
            queryset = queryset.filter(search_q(data["q"], "title", "text", "query_code"))
        # Messages with no deadline yet (the inbox) come after those with one.
        return queryset.annotate(no_due=Case(When(due_on__isnull=True, then=Value(1)),
                                             default=Value(0), output_field=IntegerField()))


STAFF_MESSAGES = ListSpec(
    form_class=StaffMessageFilters,
    sorts={"due": ("no_due", "due_on", "-submitted_at"), "submitted": ("submitted_at",),
           "title": ("title",)},
    default_sort="due", per_page=50)
