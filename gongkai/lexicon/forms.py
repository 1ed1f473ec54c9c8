from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.lexicon.models import NOTE_MAX, TERM_MAX, TermKind, TermScope
from gongkai.lexicon.services import GroupData, split_variants


class GroupForm(forms.Form):
    canonical = forms.CharField(label=_("规范说法"), max_length=TERM_MAX,
                                help_text=_("问答库和政策文件里使用的说法，如“公共租赁住房”。"))
    variants = forms.CharField(label=_("其他说法"), max_length=2000,
                               widget=forms.Textarea(attrs={"rows": 5}),
                               help_text=_("群众常用的说法，每行一个（也可用顿号分隔）。"))
    kind = forms.ChoiceField(label=_("类型"), choices=TermKind.choices)
    # Not required: a form posted without it (an older page) means both readers.
    scope = forms.ChoiceField(label=_("适用范围"), choices=TermScope.choices,
                              initial=TermScope.BOTH, required=False,
                              help_text=_("只在政策检索或只在政策问答中使用时选择“仅……”；"
                                          "修改后立即生效，无需重建索引。"))
    note = forms.CharField(label=_("备注"), max_length=NOTE_MAX, required=False)

    def group_data(self) -> GroupData:
        data = self.cleaned_data
        return GroupData(canonical=data["canonical"], variants=split_variants(data["variants"]),
                         kind=data["kind"], note=data["note"],
                         scope=data["scope"] or TermScope.BOTH)


class FilterForm(forms.Form):
    q = forms.CharField(label=_("查找"), max_length=TERM_MAX, required=False)
    kind = forms.ChoiceField(label=_("类型"), required=False,
                             choices=[("", _("全部类型")), *TermKind.choices])
    scope = forms.ChoiceField(label=_("适用范围"), required=False,
                              choices=[("", _("全部范围")), *TermScope.choices])


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Excel 文件（.xlsx）"))
