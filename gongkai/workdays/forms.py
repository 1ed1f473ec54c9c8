import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_DATES_TEXT = 4000


def parse_dates(text: str) -> list[dt.date]:
    """Dates separated by commas, spaces or new lines; ``A...B`` or ``A至B`` is a range."""
    out: list[dt.date] = []
    for part in text.replace("，", ",").replace("、", ",").replace("\n", ",").split(","):
        part = part.strip().replace("至", "...")
        if not part:
            continue
        try:
            if "..." in part:
                start, end = (dt.date.fromisoformat(x.strip()) for x in part.split("...", 1))
                if end < start or (end - start).days > 31:
                    raise ValueError
                out += [start + dt.timedelta(n) for n in range((end - start).days + 1)]
            else:
                out.append(dt.date.fromisoformat(part))
        except ValueError:
            raise forms.ValidationError(
                _("“%(part)s”不是有效日期，请写作 2026-10-01 或 2026-10-01...2026-10-08（不超过31天）。"),
                params={"part": part[:40]}) from None
    return out


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("年份"), min_value=2000, max_value=2100)
    source = forms.CharField(label=_("依据的通知"), max_length=200, required=False,
                             help_text=_("例如：国务院办公厅关于2027年部分节假日安排的通知"))
    holidays = forms.CharField(label=_("放假日期"), max_length=MAX_DATES_TEXT,
                               widget=forms.Textarea(attrs={"rows": 4}),
                               help_text=_("按通知列出全部放假日期，可写区间，周末也可列入。"))
    workdays = forms.CharField(label=_("调休上班日期"), max_length=MAX_DATES_TEXT,
                               required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean_holidays(self):
        return parse_dates(self.cleaned_data["holidays"])

    def clean_workdays(self):
        return parse_dates(self.cleaned_data["workdays"])


class DayForm(forms.Form):
    date = forms.DateField(label=_("日期"), widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.ChoiceField(label=_("安排"), choices=[
        ("holiday", _("放假")), ("workday", _("上班（调休）")), ("normal", _("按周末规则"))])
    name = forms.CharField(label=_("说明"), max_length=50, required=False)
