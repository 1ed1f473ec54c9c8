"""Forms of the staff pages. They only type-check input (real dates, numbers, sizes);
the rules are in the services, whose ApplicationError is shown as a message."""
from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.foi.codes import ApplicantType, Channel, LetterKind, Outcome
from gongkai.foi.models import FeeBasis, IdType, PauseKind
from gongkai.foi.services.validation import DESCRIPTION_MAX, NOTE_MAX, PURPOSE_MAX
from gongkai.orgs.models import Unit

STAFF_CHANNELS = [(c.value, c.label) for c in Channel if c != Channel.ONLINE]


class DateInput(forms.DateInput):
    input_type = "date"


def date_field(label, required=True, help_text=""):
    return forms.DateField(label=label, required=required, widget=DateInput,
                           help_text=help_text,
                           error_messages={"invalid": _("请填写真实存在的日期。")})


def note_field(label, required=True, max_length=NOTE_MAX):
    return forms.CharField(label=label, required=required, max_length=max_length,
                           widget=forms.Textarea(attrs={"rows": 3}))


def active_units():
    return Unit.objects.filter(is_active=True)


class RegisterForm(forms.Form):
    """Staff entry of an application that came in person, by post or by fax."""

    unit = forms.ModelChoiceField(label=_("办理单位"), queryset=Unit.objects.none(),
                                  required=False)
    channel = forms.ChoiceField(label=_("提交方式"), choices=STAFF_CHANNELS)
    received_on = date_field(
        _("收到日期"), required=False,
        help_text=_("当面提交：提交之日；需签收的邮寄：签收之日；平常信函：与申请人确认之日；"
                    "传真：双方确认之日。平常信函、传真尚未确认的可暂不填写。"))
    submitted_on = date_field(_("信函或传真落款日期"), required=False)
    applicant_type = forms.ChoiceField(label=_("申请人类型"), choices=ApplicantType.choices)
    applicant_name = forms.CharField(label=_("申请人名称"), max_length=200)
    id_type = forms.ChoiceField(label=_("证件类型"), choices=IdType.choices)
    id_number = forms.CharField(label=_("证件号码"), max_length=40)
    contact_person = forms.CharField(label=_("联系人"), max_length=100, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=30)
    email = forms.CharField(label=_("电子邮箱"), max_length=254, required=False)
    address = forms.CharField(label=_("通信地址"), max_length=300, required=False)
    postal_code = forms.CharField(label=_("邮政编码"), max_length=10, required=False)
    description = note_field(_("所需政府信息的名称、文号或者便于查询的其他特征性描述"),
                             max_length=DESCRIPTION_MAX)
    purpose = note_field(_("用途（选填）"), required=False, max_length=PURPOSE_MAX)
    form_wanted = forms.CharField(label=_("获取信息的载体形式"), max_length=30, required=False)
    delivery_wanted = forms.CharField(label=_("获取信息的方式"), max_length=30, required=False)

    def __init__(self, *args, choose_unit: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if choose_unit:
            self.fields["unit"].queryset = active_units()
            self.fields["unit"].required = True
        else:
            del self.fields["unit"]

    def clean(self):
        from gongkai.foi.forms_public import check_application_fields

        data = super().clean()
        check_application_fields(self)
        return data


class ConfirmReceiptForm(forms.Form):
    confirmation = forms.CharField(
        label=_("与申请人确认的方式"), max_length=200,
        help_text=_("如：电话确认（申请人本人）、短信、电子邮件回复。收到日期为今天，"
                    "即双方确认之日（《条例》第三十一条）。"))


class TransferForm(forms.Form):
    to_unit = forms.ModelChoiceField(label=_("转至单位"), queryset=Unit.objects.none())
    reason = note_field(_("转办理由"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_unit"].queryset = active_units()


class CoHandlingForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("协办单位"), queryset=Unit.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = active_units()


class CoHandlingAnswerForm(forms.Form):
    answer = note_field(_("协办意见"))


class SupplementRequestForm(forms.Form):
    items = note_field(_("需补正的事项（一次性告知）"))
    reply_by = date_field(_("补正期限"))
    on = date_field(_("告知日期"), required=False)


class SupplementReceiveForm(forms.Form):
    received_on = date_field(_("补正收到日期"))
    content = note_field(_("补正内容"), max_length=DESCRIPTION_MAX)


class EmptyForm(forms.Form):
    """Steps that need nothing but the confirmation."""


class ConsultationStartForm(forms.Form):
    kind = forms.ChoiceField(label=_("征求意见对象类型"),
                             choices=[(PauseKind.THIRD_PARTY.value, PauseKind.THIRD_PARTY.label),
                                      (PauseKind.AGENCY.value, PauseKind.AGENCY.label)])
    party = forms.CharField(label=_("征求意见对象"), max_length=200)
    on = date_field(_("发函日期"), required=False)


class ConsultationEndForm(forms.Form):
    pause = forms.IntegerField(widget=forms.HiddenInput)
    ended_on = date_field(_("答复日期（逾期未答复的填期限届满日）"))
    result = note_field(_("意见或结果"))


class ExtendForm(forms.Form):
    approved_by = forms.CharField(label=_("批准人（政务公开工作机构负责人）"), max_length=100)
    reason = note_field(_("延期理由"))
    on = date_field(_("延期告知日期"), required=False)


class ManualDueForm(forms.Form):
    due_on = date_field(_("另行确定的答复期限"))
    reason = note_field(_("理由（《条例》第三十五条）"))


class FeeNotifyForm(forms.Form):
    basis = forms.ChoiceField(label=_("计收方式"), choices=FeeBasis.choices)
    quantity = forms.IntegerField(label=_("当月第几件申请 / 页数"), min_value=1,
                                  max_value=1_000_000)
    amount_yuan = forms.IntegerField(label=_("收费金额（元，留空按计算金额；只能减免）"),
                                     min_value=0, max_value=100_000_000, required=False)
    adjustment_reason = note_field(_("减免依据（金额低于计算金额时必填）"), required=False)
    on = date_field(_("通知日期"), required=False)
    received_on = date_field(_("申请人收到通知日期（在线或电子邮件送达的为通知当日）"),
                             required=False)


class FeePayForm(forms.Form):
    paid_on = date_field(_("缴费日期"))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked by content in the service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


VARIANTS = [("", _("（仅“本机关不掌握”时选择）")),
            ("not_exist", _("经检索信息不存在（第三十六条第（四）项）")),
            ("not_ours", _("不属于本机关负责公开（第三十六条第（五）项）"))]


class ReplyForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("办理结果"),
        choices=[(o.value, o.label) for o in Outcome if o.value not in ("6.1", "6.2")])
    published_where = note_field(
        _("已主动公开的，获取的方式和途径（网址、栏目、文号）"), required=False)
    provide_how = note_field(_("提供的方式、途径和时间（上传了附件的可写“详见附件”）"),
                             required=False)
    attachments = MultipleFileField(label=_("提供的政府信息（附件，PDF、Word、Excel、图片）"),
                                    required=False)
    variant = forms.ChoiceField(label=_("本机关不掌握的情形"), choices=VARIANTS,
                                required=False)
    other_agency = forms.CharField(label=_("负责公开该信息的行政机关（能够确定的）"),
                                   max_length=200, required=False)
    other_agency_contact = forms.CharField(label=_("该机关的联系方式"), max_length=200,
                                           required=False)
    reasons = note_field(_("理由（予以公开、信息不存在以外必填）"), required=False)
    legal_basis = note_field(_("法律依据（留空按该结果的默认依据；其他法律行政法规禁止公开、"
                               "其他处理须填写）"), required=False)
    on = date_field(_("答复日期（作出决定之日，默认今天）"), required=False)
    backdate_reason = note_field(_("补录理由（答复日期早于今天时必填）"), required=False)


class DeliverForm(forms.Form):
    method = forms.CharField(label=_("送达方式"), max_length=50,
                             help_text=_("如：当面领取、邮寄、电子邮件、在线查阅"))
    delivered_on = date_field(_("送达日期"))


class LetterForm(forms.Form):
    kind = forms.ChoiceField(label=_("文书"), choices=LetterKind.choices)


class FeeCalculatorForm(forms.Form):
    basis = forms.ChoiceField(label=_("计收方式"), choices=FeeBasis.choices,
                              initial=FeeBasis.PER_VOLUME)
    quantity = forms.IntegerField(label=_("当月申请件数 / 页数"), min_value=0,
                                  max_value=1_000_000)
