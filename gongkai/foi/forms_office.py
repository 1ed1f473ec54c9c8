"""Forms of the office's pages: reconsideration and litigation records."""
from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.foi.codes import AppealKind, AppealResult
from gongkai.foi.services.appeals import BODY_MAX, NOTE_MAX

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATE_ERRORS = {"invalid": _("请填写真实的日期，例如 2026-03-02。"),
                "required": _("请填写日期。")}


class AppealForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), choices=AppealKind.choices)
    filed_on = forms.DateField(label=_("受理日期"), widget=_DATE, error_messages=_DATE_ERRORS)
    body = forms.CharField(label=_("复议机关或法院"), max_length=BODY_MAX, required=False)


class AppealDecideForm(forms.Form):
    result = forms.ChoiceField(
        label=_("审结结果"),
        choices=[(v, label) for v, label in AppealResult.choices
                 if v != AppealResult.PENDING])
    decided_on = forms.DateField(label=_("审结日期"), widget=_DATE,
                                 error_messages=_DATE_ERRORS)
    note = forms.CharField(label=_("备注"), max_length=NOTE_MAX, required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))
