"""Forms of the reports app: shape and widgets only; the rules are in the services."""
from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.reports import registry
from gongkai.reports.models import AdjustmentKind, Direction, ItemKind, RecordKind


class LinkForm(forms.Form):
    task = forms.IntegerField(label=_("任务序号"), min_value=1, max_value=999)
    indicator = forms.ChoiceField(label=_("指标"), choices=())
    direction = forms.ChoiceField(label=_("目标方向"), choices=Direction.choices)
    district_target = forms.CharField(label=_("全区（区政府）目标"), required=False,
                                      max_length=10)
    unit_target = forms.CharField(label=_("各单位目标"), required=False, max_length=10)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = registry.choices()


class RecordForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), choices=RecordKind.choices)
    held_on = forms.DateField(label=_("日期"), widget=forms.DateInput(attrs={"type": "date"}))
    title = forms.CharField(label=_("名称"), max_length=200)
    attendees = forms.CharField(label=_("参加人员"), required=False, max_length=5000,
                                widget=forms.Textarea(attrs={"rows": 3}))
    attendee_count = forms.IntegerField(label=_("参加人数"), min_value=0, max_value=100_000,
                                        initial=0)
    summary = forms.CharField(label=_("主要内容"), required=False, max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 4}))


class SchemeItemForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), choices=ItemKind.choices)
    indicator = forms.ChoiceField(label=_("指标"), choices=())
    points = forms.CharField(label=_("分值"), max_length=12)
    full_value = forms.IntegerField(label=_("满分所需数值"), min_value=1, initial=1)
    cap = forms.CharField(label=_("最多扣（加）分"), required=False, max_length=12)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = registry.choices()


class AdjustmentForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("单位"), coerce=int, choices=())
    kind = forms.ChoiceField(label=_("类型"), choices=AdjustmentKind.choices)
    points = forms.CharField(label=_("调整分值（扣分填负数）"), max_length=12)
    reason = forms.CharField(label=_("理由"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = list(units)


class NoticeForm(forms.Form):
    title = forms.CharField(label=_("标题"), max_length=300)
    doc_number = forms.CharField(label=_("文号"), max_length=100, required=False)
    body = forms.CharField(label=_("正文"), max_length=20_000,
                           widget=forms.Textarea(attrs={"rows": 14}))
