"""Forms of the report, review, scoring and notice pages. Shape only: the services
decide what is valid now and raise ApplicationError otherwise."""
from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.core.versioning import VersionedForm
from gongkai.plans.models import ProgressState
from gongkai.plans.services.reports import MAX_PROGRESS_CHARS


class _Form(forms.Form):
    """Chinese label colon; each form on a page gets its own id prefix."""

    id_prefix = "id"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "：")
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class ProgressForm(VersionedForm, _Form):
    progress = forms.CharField(
        label=_("工作进展及成效"), required=False, max_length=MAX_PROGRESS_CHARS,
        widget=forms.Textarea(attrs={"rows": 8}))
    state = forms.ChoiceField(label=_("推进状态"), choices=ProgressState.choices)
    failure_reason = forms.CharField(
        label=_("未能完成原因（推进状态为“未能完成”时必填）"), required=False,
        max_length=MAX_PROGRESS_CHARS, widget=forms.Textarea(attrs={"rows": 3}))


class EvidenceFileForm(_Form):
    id_prefix = "file"
    # Part of the report page's one form: the browser must not demand a file when the
    # button pressed is "保存草稿"; the view asks for one when it is "上传".
    use_required_attribute = False

    file = forms.FileField(label=_("佐证材料文件（图片、PDF、Word、Excel）"))
    title = forms.CharField(label=_("材料说明"), required=False, max_length=200)


class EvidenceLinkForm(_Form):
    id_prefix = "link"
    use_required_attribute = False

    url = forms.CharField(label=_("网页链接（http:// 或 https://）"), max_length=1000,
                          widget=forms.URLInput())
    # Not "title": the report page is one form, and the file's note is "title".
    link_title = forms.CharField(label=_("链接说明"), required=False, max_length=200)


class ReviewForm(_Form):
    comment = forms.CharField(
        label=_("审核意见（退回整改时必填）"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}))


class NoticeGenerateForm(_Form):
    period = forms.ModelChoiceField(label=_("报送期"), queryset=None, empty_label=None)
    doc_number = forms.CharField(label=_("文号"), required=False, max_length=100)
    praised_count = forms.IntegerField(label=_("表扬单位数（前几名）"), min_value=0,
                                       max_value=50, initial=5)
    criticised_threshold = forms.IntegerField(label=_("低于此分数的单位予以批评"), min_value=0,
                                              max_value=1000, initial=60)

    def __init__(self, *args, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = periods


class ScoringRuleForm(_Form):
    on_time_points = forms.IntegerField(label=_("按时报送分值"), min_value=0, max_value=1000)
    passed_points = forms.IntegerField(label=_("审核通过分值"), min_value=0, max_value=1000)
    completeness_points = forms.IntegerField(label=_("报送完整分值"), min_value=0,
                                             max_value=1000)
    return_penalty = forms.DecimalField(label=_("每次退回扣分"), min_value=0, max_value=999,
                                        decimal_places=2)
