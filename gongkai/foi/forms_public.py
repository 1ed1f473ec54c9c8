"""Forms of the public pages: the online application, the query and the supplement.

They check shape and size and keep what was typed; the rules themselves (identity
numbers, dates, the workflow) are checked by the services, whose ``ApplicationError``
is attached to the field it names (``gongkai/core/actions.py``).
"""
from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.core.errors import ApplicationError
from gongkai.foi.codes import ApplicantType
from gongkai.foi.models import IdType
from gongkai.foi.services.validation import DESCRIPTION_MAX, PURPOSE_MAX
from gongkai.orgs.models import Unit

FORM_CHOICES = [("纸质", _("纸质")), ("电子数据", _("电子数据"))]
DELIVERY_CHOICES = [("邮寄", _("邮寄")), ("电子邮件", _("电子邮件")),
                    ("自行领取", _("自行领取")), ("网上查看", _("网上查看"))]


def check_application_fields(form: forms.Form) -> None:
    """Run the service's checks on what was typed too, so the form shows every error
    at once (a bad phone and a bad identity number together), not one per submit."""
    from gongkai.foi.services.intake import application_fields

    try:
        application_fields({name: form.data.get(name) for name in form.fields})
    except ApplicationError as error:
        for field, message in (error.details.get("errors") or {}).items():
            if field in form.fields and field not in form.errors:
                form.add_error(field, message)


class ApplyForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("向哪个机关申请"), empty_label=_("请选择"),
        queryset=Unit.objects.filter(is_active=True).order_by("sort_order", "name"),
        error_messages={"required": _("请选择受理申请的机关。"),
                        "invalid_choice": _("请选择受理申请的机关。")})
    applicant_type = forms.ChoiceField(label=_("申请人类型"), choices=ApplicantType.choices,
                                       initial=ApplicantType.NATURAL_PERSON)
    applicant_name = forms.CharField(label=_("姓名或名称"), max_length=200)
    id_type = forms.ChoiceField(label=_("证件类型"), choices=IdType.choices,
                                initial=IdType.RESIDENT_ID)
    id_number = forms.CharField(label=_("证件号码"), max_length=40)
    contact_person = forms.CharField(label=_("联系人"), max_length=100, required=False,
                                     help_text=_("法人或其他组织申请时必填。"))
    phone = forms.CharField(label=_("联系电话"), max_length=30)
    email = forms.EmailField(label=_("电子邮箱"), max_length=254, required=False,
                             help_text=_("选择以电子邮件获取时必填。"))
    address = forms.CharField(label=_("通信地址"), max_length=300, required=False,
                              help_text=_("选择邮寄时必填。"))
    postal_code = forms.CharField(label=_("邮政编码"), max_length=10, required=False)
    description = forms.CharField(
        label=_("所需政府信息的名称、文号或者便于查询的其他特征性描述"),
        max_length=DESCRIPTION_MAX, widget=forms.Textarea(attrs={"rows": 6}))
    purpose = forms.CharField(label=_("用途（选填）"), max_length=PURPOSE_MAX, required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))
    form_wanted = forms.ChoiceField(label=_("获取信息的载体形式"), choices=FORM_CHOICES,
                                    widget=forms.RadioSelect, initial="电子数据")
    delivery_wanted = forms.ChoiceField(label=_("获取信息的方式"), choices=DELIVERY_CHOICES,
                                        widget=forms.RadioSelect, initial="电子邮件")
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def clean(self):
        data = super().clean()
        organisation = data.get("applicant_type") not in (None, ApplicantType.NATURAL_PERSON)
        if organisation and not data.get("contact_person"):
            self.add_error("contact_person", _("法人或其他组织申请时请填写联系人。"))
        if data.get("delivery_wanted") == "电子邮件" and not data.get("email"):
            self.add_error("email", _("选择以电子邮件获取时请填写电子邮箱。"))
        if data.get("delivery_wanted") == "邮寄" and not data.get("address"):
            self.add_error("address", _("选择邮寄时请填写通信地址。"))
        check_application_fields(self)
        return data

    def service_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "submission_key"}
        data["unit"] = self.cleaned_data["unit"].pk
        return data


class TrackForm(forms.Form):
    query_code = forms.CharField(label=_("查询码"), max_length=20,
                                 widget=forms.TextInput(attrs={"autocomplete": "off"}))
    id_last4 = forms.CharField(label=_("证件号码后四位"), min_length=4, max_length=4,
                               widget=forms.TextInput(attrs={"autocomplete": "off",
                                                             "inputmode": "text"}))


class SupplementForm(forms.Form):
    content = forms.CharField(label=_("补正内容"), max_length=DESCRIPTION_MAX,
                              widget=forms.Textarea(attrs={"rows": 6}))
