"""Forms of the publishing pages. They only shape input; the services decide."""
from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.versioning import VersionedModelForm
from gongkai.orgs.models import Role, User
from gongkai.publishing.models import Audience, CatalogCategory, CatalogItem
from gongkai.publishing.services.review import MAX_REASON_CHARS


class DecisionForm(forms.Form):
    reason = forms.CharField(label=_("审核意见（退回时必填）"), required=False,
                             max_length=MAX_REASON_CHARS,
                             widget=forms.Textarea(attrs={"rows": 3}))


class FindingActionForm(forms.Form):
    ACTIONS = [("mask", _("遮盖")), ("remove", _("删除")), ("accept", _("确认可公开"))]
    action = forms.ChoiceField(choices=ACTIONS)
    reason = forms.CharField(required=False, max_length=MAX_REASON_CHARS)
    replacement = forms.CharField(required=False, max_length=200)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("撤回理由"), max_length=MAX_REASON_CHARS,
                             widget=forms.Textarea(attrs={"rows": 2}))


class RouteForm(forms.Form):
    levels = forms.TypedChoiceField(label=_("审核级数"), coerce=int,
                                    choices=[(1, _("一级（终审）")), (2, _("二级")),
                                             (3, _("三级（初审、复审、终审）"))])
    reviewers = forms.ModelMultipleChoiceField(
        label=_("指定审核人（不指定时由本单位审核人或公开办审核）"), required=False,
        queryset=User.objects.filter(role__in=[Role.REVIEWER, Role.OFFICE_ADMIN],
                                     is_active=True).select_related("unit"),
        widget=forms.CheckboxSelectMultiple)


def _formfield(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class CatalogItemForm(VersionedModelForm):
    audience = forms.ChoiceField(label=_("公开范围"),
                                 choices=[(Audience.PUBLIC, Audience.PUBLIC.label),
                                          (Audience.STAFF, Audience.STAFF.label)])

    class Meta:
        model = CatalogItem
        fields = ["category", "title", "description", "basis", "time_limit",
                  "is_standard_catalog", "made_on", "url", "audience"]
        formfield_callback = _formfield
        widgets = {"made_on": forms.DateInput(attrs={"type": "date"}),
                   "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = CatalogCategory.objects.all()
