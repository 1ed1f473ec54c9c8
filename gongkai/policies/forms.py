"""Forms of the staff pages. They only read input; the services decide."""
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.versioning import VersionedForm
from gongkai.orgs.models import Unit
from gongkai.policies.models import (
    DocumentKind,
    EnterpriseField,
    InterpretationForm,
    PolicyDocument,
    Topic,
)
from gongkai.publishing.models import Audience, CatalogCategory

_DATE = forms.DateInput(attrs={"type": "date"})


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked by content in the service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


def _units():
    return Unit.objects.filter(is_active=True)


class DocumentForm(VersionedForm):
    kind = forms.ChoiceField(label=_("文件类型"), choices=[
        c for c in DocumentKind.choices if c[0] != DocumentKind.INTERPRETATION])
    title = forms.CharField(label=_("标题"), max_length=300)
    doc_number = forms.CharField(label=_("文号"), max_length=100, required=False,
                                 help_text=_("例如：穗埔府办函〔2022〕48号，括号写法不限"))
    index_number = forms.CharField(label=_("索引号"), max_length=60, required=False)
    issuers = forms.ModelMultipleChoiceField(label=_("发文单位"), queryset=_units(),
                                             required=False,
                                             help_text=_("联合发文可选多个；不选则为本单位"))
    issuer_names = forms.CharField(label=_("其他发文机关"), max_length=300, required=False)
    written_on = forms.DateField(label=_("成文日期"), required=False, widget=_DATE)
    published_on = forms.DateField(label=_("发布日期"), required=False, widget=_DATE)
    effective_on = forms.DateField(label=_("施行日期"), required=False, widget=_DATE)
    expires_on = forms.DateField(label=_("失效日期"), required=False, widget=_DATE)
    topic = forms.ModelChoiceField(label=_("主题分类"), queryset=Topic.objects.all(),
                                   required=False)
    category = forms.ModelChoiceField(label=_("公开类别"), required=False,
                                      queryset=CatalogCategory.objects.all())
    body_html = forms.CharField(label=_("正文"), required=False,
                                widget=forms.Textarea(attrs={"rows": 16}))
    source_url = forms.URLField(label=_("数据引用源头"), required=False, max_length=500,
                                assume_scheme="https")
    source_name = forms.CharField(label=_("来源名称"), max_length=200, required=False)
    audience = forms.ChoiceField(label=_("公开范围"), choices=Audience.choices)
    audience_units = forms.ModelMultipleChoiceField(label=_("限定单位"), queryset=_units(),
                                                    required=False)

    @classmethod
    def for_document(cls, document: PolicyDocument, data=None):
        initial = {name: getattr(document, name) for name in (
            "kind", "title", "doc_number", "index_number", "issuer_names", "written_on",
            "published_on", "effective_on", "expires_on", "topic", "category", "body_html",
            "source_url", "source_name", "audience")}
        initial["issuers"] = list(document.issuers.all())
        initial["audience_units"] = list(document.audience_units.all())
        initial["version"] = document.version
        return cls(data=data, initial=initial)


class DocumentCreateForm(DocumentForm):
    attachments = MultipleFileField(label=_("附件（PDF、Word、Excel、图片）"))


class AttachmentForm(forms.Form):
    attachments = MultipleFileField(label=_("添加附件"))


class ValidityForm(forms.Form):
    """Amend or repeal: the document that did it, by id or by 文号."""

    by = forms.CharField(label=_("修改或废止它的文件（文号或编号）"), max_length=100)


class InterpretationCreateForm(forms.Form):
    form = forms.ChoiceField(label=_("解读形式"), choices=InterpretationForm.choices)
    title = forms.CharField(label=_("标题"), max_length=300)
    body_html = forms.CharField(label=_("正文"), required=False,
                                widget=forms.Textarea(attrs={"rows": 12}))
    media_url = forms.URLField(label=_("图解/视频/问答链接"), required=False, max_length=500,
                               assume_scheme="https")


class GazetteIssueForm(forms.Form):
    year = forms.IntegerField(label=_("年份"), min_value=1949, max_value=2199,
                              initial=lambda: timezone.localdate().year)
    number = forms.IntegerField(label=_("期号"), min_value=1, max_value=999)
    title = forms.CharField(label=_("标题"), max_length=200, required=False)
    published_on = forms.DateField(label=_("出版日期"), required=False, widget=_DATE)


class GazetteAddForm(forms.Form):
    document = forms.IntegerField(label=_("文件编号"), min_value=1)


class EnterpriseForm(forms.Form):
    name = forms.CharField(label=_("名称"), max_length=200)
    field = forms.ChoiceField(label=_("领域"), choices=EnterpriseField.choices)
    url = forms.URLField(label=_("信息公开网址"), max_length=500, assume_scheme="https")
    supervisor = forms.ModelChoiceField(label=_("主管部门"), queryset=_units(), required=False)
    note = forms.CharField(label=_("说明"), max_length=300, required=False)
    order = forms.IntegerField(label=_("排序"), min_value=0, initial=0, required=False)


class DecisionCountForm(forms.Form):
    licensing = forms.IntegerField(label=_("行政许可处理决定数量"), min_value=0, initial=0)
    penalty = forms.IntegerField(label=_("行政处罚处理决定数量"), min_value=0, initial=0)
    enforcement = forms.IntegerField(label=_("行政强制处理决定数量"), min_value=0, initial=0)
    fees_wan_yuan = forms.DecimalField(label=_("行政事业性收费金额（万元）"), min_value=0,
                                       max_digits=14, decimal_places=4, initial=0)
