"""Forms of the register, the checks and the spot check. Validation of shape only; the
rules are in services."""
from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.models import Unit
from gongkai.websites.models import Column, NewMediaAccount, Website
from gongkai.websites.rules import INDICATORS, NEW_MEDIA, NEW_MEDIA_CHECKLIST, WEBSITE
from gongkai.websites.services.register import ACCOUNT_FIELDS, SITE_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class WebsiteForm(forms.ModelForm):
    class Meta:
        model = Website
        fields = SITE_FIELDS

    def __init__(self, *args, unit_fixed: Unit | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(is_active=True)
        if unit_fixed is not None:
            self.fields["unit"].queryset = Unit.objects.filter(pk=unit_fixed.pk)
            self.fields["unit"].initial = unit_fixed.pk


class AccountForm(forms.ModelForm):
    class Meta:
        model = NewMediaAccount
        fields = ACCOUNT_FIELDS
        widgets = {"filed_on": DATE}

    def __init__(self, *args, unit_fixed: Unit | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(is_active=True)
        if unit_fixed is not None:
            self.fields["unit"].queryset = Unit.objects.filter(pk=unit_fixed.pk)
            self.fields["unit"].initial = unit_fixed.pk


class ColumnForm(forms.ModelForm):
    class Meta:
        model = Column
        fields = ["name", "url", "kind", "checked"]


class NoteForm(forms.Form):
    note = forms.CharField(label=_("说明"), required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("登记表（.xlsx）"))


class SpotCheckForm(forms.Form):
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    quarter = forms.IntegerField(label=_("季度"), min_value=1, max_value=4)
    seed = forms.CharField(label=_("抽样种子"), required=False, max_length=40,
                           help_text=_("留空则随机生成并记录。"))


def _choices(target: str):
    return [(code, i.label) for code, i in INDICATORS.items() if i.target == target]


class OfficeFindingForm(forms.Form):
    target = forms.ChoiceField(label=_("网站或账号"))
    indicator = forms.ChoiceField(label=_("指标"),
                                  choices=_choices(WEBSITE) + _choices(NEW_MEDIA))
    detail = forms.CharField(label=_("问题描述"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}))
    url = forms.URLField(label=_("网址"), required=False, max_length=500)
    evidence = forms.FileField(label=_("证据（截图、PDF）"), required=False)

    def __init__(self, *args, entries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [
            (f"{'website' if e.website_id else 'account'}:{e.website_id or e.account_id}",
             str(e.target)) for e in entries]

    def clean(self):
        data = super().clean()
        kind = (data.get("target") or ":").split(":")[0]
        code = data.get("indicator")
        if code and INDICATORS[code].target != (WEBSITE if kind == "website" else NEW_MEDIA):
            self.add_error("indicator", _("该指标不适用于所选对象。"))
        return data


class MediaCheckForm(forms.Form):
    checked_on = forms.DateField(label=_("检查日期"), widget=DATE)
    last_post_on = forms.DateField(label=_("最近一次发布日期"), required=False, widget=DATE,
                                   help_text=_("看不到任何发布时留空（按不更新计）。"))
    problems = forms.MultipleChoiceField(
        label=_("发现的问题"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(c, INDICATORS[c].label) for c in NEW_MEDIA_CHECKLIST])
    note = forms.CharField(label=_("说明"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))


class DeadlineForm(forms.Form):
    deadline = forms.DateField(label=_("整改期限"), widget=DATE)


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("整改情况"), max_length=5000,
                             widget=forms.Textarea(attrs={"rows": 5}))


class DecisionForm(forms.Form):
    verified = forms.TypedChoiceField(label=_("复核结论"), coerce=lambda v: v == "1",
                                      choices=[("1", _("整改到位")), ("0", _("退回重改"))],
                                      widget=forms.RadioSelect)
    note = forms.CharField(label=_("复核意见"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))
