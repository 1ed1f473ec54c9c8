"""Forms of the plan import pages."""
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.models import Unit, UnitCategory


class PlanUploadForm(forms.Form):
    file = forms.FileField(label=_("方案文件"),
                           help_text=_("纯文本（.txt）、Word（.docx）或网页（.html）。"))
    year = forms.IntegerField(
        label=_("年度"), min_value=2000, max_value=2100, required=False,
        help_text=_("留空则采用方案标题中的年份（如“2022年政务公开工作要点”），预览时可更改。"))


class PlanYearForm(forms.Form):
    """The year of the plan being previewed (defaults to the year its title names)."""

    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)


def default_year(title_year: int | None) -> int:
    return title_year or timezone.localdate().year


class MapNameForm(forms.Form):
    """Map an unresolved name to an existing unit (the name becomes an alias)."""

    name = forms.CharField(max_length=100, widget=forms.HiddenInput)
    unit = forms.ModelChoiceField(label=_("对应单位"), queryset=Unit.objects.all())


class NewUnitForm(forms.Form):
    """Mark an unresolved name to be created as a new unit on confirmation."""

    name = forms.CharField(max_length=100, widget=forms.HiddenInput)
    category = forms.ChoiceField(label=_("类别"), choices=UnitCategory.choices)
