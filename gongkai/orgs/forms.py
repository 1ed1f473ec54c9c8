"""Forms of the registry pages. They check input shape and name conflicts so the
user sees the problem next to the field; the services check again on write."""
from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from gongkai.core.text import name_key, normalize
from gongkai.orgs.models import Unit, UnitCategory
from gongkai.orgs.selectors_registry import name_holder

MAX_ALIASES = 30


def _check_free(name: str, *, unit: Unit | None = None) -> str:
    name = normalize(name)
    holder = name_holder(name, exclude_unit=unit)
    if holder:
        raise forms.ValidationError(
            _("名称“%(name)s”已被“%(holder)s”使用。") % {"name": name, "holder": holder})
    return name


class UnitCreateForm(forms.Form):
    name = forms.CharField(label=_l("规范名称"), max_length=100,
                           help_text=_l("简体中文全称，例如“区发展改革局”。"))
    short_name = forms.CharField(label=_l("简称"), max_length=50, required=False)
    category = forms.ChoiceField(label=_l("类别"), choices=UnitCategory.choices)
    aliases = forms.CharField(label=_l("别名"), required=False, widget=forms.Textarea,
                              help_text=_l("每行一个，例如繁体写法、不带“区”字的名称。"))

    def clean_name(self) -> str:
        return _check_free(self.cleaned_data["name"])

    def clean_short_name(self) -> str:
        value = self.cleaned_data["short_name"]
        return _check_free(value) if value else ""

    def clean_aliases(self) -> list[str]:
        lines = [normalize(line) for line in self.cleaned_data["aliases"].splitlines()]
        aliases = list(dict.fromkeys(line for line in lines if line))
        if len(aliases) > MAX_ALIASES:
            raise forms.ValidationError(_("别名最多 %(n)d 个。") % {"n": MAX_ALIASES})
        for alias in aliases:
            if len(alias) > 100:
                raise forms.ValidationError(_("别名不能超过 100 个字。"))
            _check_free(alias)
        return aliases

    def clean(self):
        data = super().clean()
        own = {name_key(data.get("name") or ""), name_key(data.get("short_name") or "")}
        data["aliases"] = [a for a in data.get("aliases") or [] if name_key(a) not in own]
        return data


class UnitEditForm(forms.Form):
    name = forms.CharField(label=_l("规范名称"), max_length=100)
    short_name = forms.CharField(label=_l("简称"), max_length=50, required=False)
    category = forms.ChoiceField(label=_l("类别"), choices=UnitCategory.choices)
    is_active = forms.BooleanField(label=_l("在用"), required=False)
    sort_order = forms.IntegerField(label=_l("排序"), min_value=0, max_value=100000)

    def __init__(self, *args, unit: Unit, **kwargs):
        kwargs.setdefault("initial", {
            "name": unit.name, "short_name": unit.short_name, "category": unit.category,
            "is_active": unit.is_active, "sort_order": unit.sort_order,
        })
        super().__init__(*args, **kwargs)
        self.unit = unit

    def clean_name(self) -> str:
        return _check_free(self.cleaned_data["name"], unit=self.unit)

    def clean_short_name(self) -> str:
        value = self.cleaned_data["short_name"]
        return _check_free(value, unit=self.unit) if value else ""


class AliasForm(forms.Form):
    name = forms.CharField(label=_l("新别名"), max_length=100)

    def __init__(self, *args, unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit

    def clean_name(self) -> str:
        name = _check_free(self.cleaned_data["name"], unit=self.unit)
        key = name_key(name)
        if not key:
            raise forms.ValidationError(_("别名不能为空。"))
        if key in {name_key(self.unit.name), name_key(self.unit.short_name)} or \
                self.unit.aliases.filter(key=key).exists():
            raise forms.ValidationError(_("“%(name)s”已是本单位的名称或别名。") % {"name": name})
        return name


class GroupForm(forms.Form):
    categories = forms.MultipleChoiceField(
        label=_l("按类别包含"), required=False, choices=UnitCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_l("所选类别的全部在用单位都属于本组。"))
    members = forms.ModelMultipleChoiceField(
        label=_l("指定成员"), required=False, queryset=Unit.objects.all(),
        widget=forms.CheckboxSelectMultiple)
    description = forms.CharField(label=_l("说明"), max_length=200, required=False)
