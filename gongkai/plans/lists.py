"""The plan's long lists as ``core.lists`` specs: the review queue and the look-back.

Each form offers only values that exist for the chosen plan; the view passes the plan
and the rows the user may see, so a filter can narrow what is visible, never widen it.
"""
from django import forms
from django.db.models import Exists, F, OuterRef, QuerySet
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
from gongkai.plans.models import FollowUp, Plan, ProgressState, Section

FLAG_LATE, FLAG_RESUBMITTED, FLAG_DEAD_LINKS = "late", "resubmitted", "dead_links"


def _unit_choices(unit_ids) -> list[tuple]:
    units = Unit.objects.filter(pk__in=unit_ids).order_by("sort_order", "name")
    return choices_with_all([(u.pk, u.name) for u in units], _("全部单位"))


def _section_choices(plan: Plan | None) -> list[tuple]:
    sections = (Section.objects.filter(plan=plan).select_related("part")
                .order_by("part__number", "number") if plan else [])
    return choices_with_all(
        [(s.pk, f"{s.part.number}.{s.number} {s.title[:24]}") for s in sections])


class ReviewQueueFilters(ListFilterForm):
    # Choosing a period submits the form (site.js), as the queue's only filter used to.
    period = IdChoiceField(label=_("报送期"),
                           widget=forms.Select(attrs={"data-autosubmit": ""}))
    unit = IdChoiceField(label=_("单位"))
    section = IdChoiceField(label=_("项目"))
    state = forms.ChoiceField(label=_("推进状态"), required=False,
                              choices=choices_with_all(ProgressState.choices))
    flag = forms.ChoiceField(label=_("标记"), required=False, choices=choices_with_all([
        (FLAG_LATE, _("逾期报送")), (FLAG_RESUBMITTED, _("整改后重报")),
        (FLAG_DEAD_LINKS, _("有失效链接"))]))
    q = SearchField(help_text=_("任务、单位或报告内容"))

    def __init__(self, *args, plan: Plan | None, reports: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = choices_with_all(
            [(p.pk, p.name) for p in plan.periods.all()] if plan else [])
        self.fields["unit"].choices = _unit_choices(
            reports.values("assignment__unit_id"))
        self.fields["section"].choices = _section_choices(plan)

    def filter(self, queryset, data):
        if "period" in data:
            queryset = queryset.filter(period_id=data["period"])
        if "unit" in data:
            queryset = queryset.filter(assignment__unit_id=data["unit"])
        if "section" in data:
            queryset = queryset.filter(assignment__task__section_id=data["section"])
        if "state" in data:
            queryset = queryset.filter(state=data["state"])
        flag = data.get("flag")
        if flag == FLAG_LATE:
            queryset = queryset.filter(first_submitted_at__date__gt=F("period__deadline"))
        elif flag == FLAG_RESUBMITTED:
            queryset = queryset.filter(return_count__gt=0)
        elif flag == FLAG_DEAD_LINKS:
            queryset = queryset.filter(dead_links__gt=0)
        if "q" in data:
            queryset = queryset.filter(search_q(
                data["q"], "assignment__task__text", "assignment__unit__name",
                "assignment__unit__short_name", "progress"))
        return queryset


REVIEW_QUEUE = ListSpec(
    form_class=ReviewQueueFilters,
    sorts={"submitted": ("submitted_at",),
           "unit": ("assignment__unit__sort_order", "assignment__unit__name"),
           "task": ("assignment__task__number", "assignment__unit__sort_order"),
           "period": ("period__number", "submitted_at")},
    default_sort="submitted", per_page=50)

FOLLOWED_YES, FOLLOWED_NO = "yes", "no"


class LookBackFilters(ListFilterForm):
    unit = IdChoiceField(label=_("单位"))
    section = IdChoiceField(label=_("项目"))
    followed = forms.ChoiceField(label=_("整改跟踪"), required=False, choices=choices_with_all([
        (FOLLOWED_NO, _("未生成")), (FOLLOWED_YES, _("已生成"))]))
    q = SearchField(help_text=_("任务或单位"))

    def __init__(self, *args, plan: Plan, rows: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        previous = Plan.objects.filter(year=plan.year - 1).first()
        self.fields["unit"].choices = _unit_choices(rows.values("unit_id"))
        self.fields["section"].choices = _section_choices(previous)

    def filter(self, queryset, data):
        if "unit" in data:
            queryset = queryset.filter(unit_id=data["unit"])
        if "section" in data:
            queryset = queryset.filter(task__section_id=data["section"])
        if "followed" in data:
            followed = Exists(FollowUp.objects.filter(plan=self.plan, previous=OuterRef("pk")))
            queryset = queryset.filter(followed if data["followed"] == FOLLOWED_YES
                                       else ~followed)
        if "q" in data:
            queryset = queryset.filter(search_q(data["q"], "task__text", "unit__name",
                                                "unit__short_name"))
        return queryset


LOOK_BACK = ListSpec(
    form_class=LookBackFilters,
    sorts={"task": ("task__number", "unit__sort_order", "unit__name"),
           "unit": ("unit__sort_order", "unit__name", "task__number")},
    default_sort="task", per_page=100)


def report_ids_in_queue(rows: QuerySet) -> list[int]:
    """The queue's report ids in its order, for "next report" (a few hundred ints)."""
    return list(rows.values_list("pk", flat=True))

