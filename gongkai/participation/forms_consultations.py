"""Forms of consultations and decision meetings. They only shape input; the rules
(period, anonymity, deadlines) are checked by the services."""
from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.core.versioning import VersionedModelForm
from gongkai.participation.models import (
    Consultation,
    Decision,
    Meeting,
    RepresentativeKind,
    SelectionMethod,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ConsultationForm(VersionedModelForm):
    class Meta:
        model = Consultation
        fields = ["title", "draft_text", "explanation", "how_to_comment", "opens_on",
                  "closes_on", "short_period_reason", "allow_anonymous"]
        widgets = {"opens_on": DATE, "closes_on": DATE,
                   "draft_text": forms.Textarea(attrs={"rows": 14}),
                   "explanation": forms.Textarea(attrs={"rows": 5}),
                   "how_to_comment": forms.Textarea(attrs={"rows": 3}),
                   "short_period_reason": forms.Textarea(attrs={"rows": 2})}


class ArticleForm(forms.Form):
    label = forms.CharField(label=_("条款"), max_length=50)
    text = forms.CharField(label=_("内容"), widget=forms.Textarea(attrs={"rows": 3}))


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("材料文件"))


class CommentForm(forms.Form):
    article = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(label=_("姓名或单位"), max_length=50, required=False)
    contact = forms.CharField(label=_("联系方式（不公开）"), max_length=100, required=False)
    body = forms.CharField(label=_("意见内容"), max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("处理结果"),
        choices=[(d.value, d.label) for d in Decision if d != Decision.PENDING])
    reason = forms.CharField(label=_("理由或说明"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))


class FeedbackForm(forms.Form):
    preface = forms.CharField(label=_("说明（可选）"), required=False, max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 3}))


class MeetingForm(VersionedModelForm):
    live_url = forms.URLField(label=_("直播链接"), max_length=500, required=False,
                              assume_scheme="https")
    recording_url = forms.URLField(label=_("录播链接"), max_length=500, required=False,
                                   assume_scheme="https")

    class Meta:
        model = Meeting
        fields = ["held_on", "subject", "description", "location", "for_district_government",
                  "open_call", "signup_closes_on", "seats", "live_url", "recording_url"]
        widgets = {"held_on": DATE, "signup_closes_on": DATE,
                   "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, may_record_district: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_record_district:
            del self.fields["for_district_government"]


class RepresentativeForm(forms.Form):
    name = forms.CharField(label=_("姓名"), max_length=50)
    kind = forms.ChoiceField(label=_("代表类别"), choices=RepresentativeKind.choices)
    selection = forms.ChoiceField(label=_("产生方式"), choices=SelectionMethod.choices,
                                  initial=SelectionMethod.INVITED)
    affiliation = forms.CharField(label=_("单位或身份"), max_length=100, required=False)


class SignUpForm(forms.Form):
    name = forms.CharField(label=_("姓名"), max_length=50)
    kind = forms.ChoiceField(label=_("代表类别"), choices=RepresentativeKind.choices)
    contact = forms.CharField(label=_("联系方式（不公开）"), max_length=100)
    statement = forms.CharField(label=_("报名理由"), required=False, max_length=1000,
                                widget=forms.Textarea(attrs={"rows": 3}))


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("取消理由"), max_length=500)
