"""Forms of the ledger pages: one task's breakdown, and the workbook upload."""
from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.core.versioning import VersionedForm
from gongkai.plans.services.ledger_xlsx import MAX_CELL_CHARS

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"]


class BreakdownForm(VersionedForm):
    measures = forms.CharField(label=_("工作措施"), required=False, max_length=MAX_CELL_CHARS,
                               widget=forms.Textarea(attrs={"rows": 5}))
    target = forms.CharField(label=_("任务目标"), required=False, max_length=MAX_CELL_CHARS,
                             widget=forms.Textarea(attrs={"rows": 3}))
    due_on = forms.DateField(label=_("完成时限"), required=False,
                             input_formats=DATE_INPUT_FORMATS,
                             widget=forms.DateInput(attrs={"type": "date"},
                                                    format="%Y-%m-%d"))
    responsible_dept = forms.CharField(label=_("责任部门"), required=False, max_length=100)
    contact_person = forms.CharField(label=_("联系人"), required=False, max_length=50)
    contact_phone = forms.CharField(label=_("联系电话"), required=False, max_length=30)


class BreakdownUploadForm(forms.Form):
    file = forms.FileField(label=_("填写好的台账（.xlsx）"))
