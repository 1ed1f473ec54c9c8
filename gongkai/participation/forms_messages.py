"""Forms of the leader messages. They check shape and size; the rules are the services'."""
from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.core.versioning import VersionedForm
from gongkai.orgs.models import Unit
from gongkai.participation.models.messages import (
    NAME_MAX,
    REASON_MAX,
    REPLY_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Mailbox,
    Message,
    MessageTopic,
)


def _units():
    return Unit.objects.filter(is_active=True).order_by("sort_order", "name")


class WriteForm(forms.Form):
    mailbox = forms.ModelChoiceField(
        label=_("写给"), empty_label=_("请选择信箱"),
        queryset=Mailbox.objects.filter(is_active=True),
        error_messages={"required": _("请选择信箱。"), "invalid_choice": _("请选择信箱。")})
    topic = forms.ModelChoiceField(
        label=_("主题"), empty_label=_("请选择主题"), queryset=MessageTopic.objects.all(),
        error_messages={"required": _("请选择主题。"), "invalid_choice": _("请选择主题。")})
    title = forms.CharField(label=_("标题"), max_length=TITLE_MAX)
    text = forms.CharField(label=_("留言内容"), max_length=TEXT_MAX,
                           widget=forms.Textarea(attrs={"rows": 8}))
    writer_name = forms.CharField(label=_("姓名"), max_length=NAME_MAX)
    contact_phone = forms.CharField(label=_("联系电话"), max_length=30, required=False,
                                    help_text=_("仅供承办单位联系您，不会公开。"))
    contact_email = forms.EmailField(label=_("电子邮箱"), max_length=254, required=False,
                                     help_text=_("仅供承办单位联系您，不会公开。"))
    wants_privacy = forms.BooleanField(
        label=_("不公开我的留言"), required=False,
        help_text=_("勾选后，留言和答复不在网站公开，您凭查询码查看答复。"))

    def clean(self):
        data = super().clean()
        if not data.get("contact_phone") and not data.get("contact_email") \
                and not self.has_error("contact_email"):
            self.add_error("contact_phone", _("请至少留下一种联系方式（电话或电子邮箱）。"))
        return data


class TrackForm(forms.Form):
    query_code = forms.CharField(label=_("查询码"), max_length=20,
                                 widget=forms.TextInput(attrs={"autocomplete": "off"}))


class AssignForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("承办单位"), queryset=_units(),
                                  empty_label=_("请选择单位"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _units()


class TransferForm(AssignForm):
    reason = forms.CharField(label=_("转办理由"), max_length=REASON_MAX,
                             widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("理由"), max_length=REASON_MAX,
                             widget=forms.Textarea(attrs={"rows": 2}))


class ReplyForm(VersionedForm):
    text = forms.CharField(label=_("答复内容"), max_length=REPLY_MAX,
                           widget=forms.Textarea(attrs={"rows": 8}))


class PolicyResponseForm(forms.Form):
    title = forms.CharField(label=_("问题归纳"), max_length=200)
    note = forms.CharField(label=_("说明"), max_length=2000, required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))
    document = forms.ModelChoiceField(label=_("回应的政策文件"), required=False,
                                      queryset=None, empty_label=_("（无，填写链接）"))
    url = forms.URLField(label=_("回应链接"), max_length=500, required=False,
                         assume_scheme="https")
    messages = forms.ModelMultipleChoiceField(
        label=_("相关留言"), queryset=Message.objects.none(),
        widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, documents, messages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documents
        self.fields["messages"].queryset = messages
