"""Receiving applications: online submission, staff registration, confirmation of
receipt. The date of receipt follows Art. 31 of the Regulation:

| channel          | date of receipt                                   |
| in person        | the day it is handed in                           |
| registered post  | the day the agency signs for it                   |
| ordinary letter  | the day the agency confirms receipt with the applicant |
| internet, fax    | the day both sides confirm                        |

An application is numbered and its clock starts at receipt; before that it is pending.
"""
import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.params import parse_int
from gongkai.core.workflow import transition
from gongkai.foi.codes import ApplicantType, Channel
from gongkai.foi.events import FoiEvent
from gongkai.foi.models import Application, IdType, Status
from gongkai.foi.services import validation as v
from gongkai.foi.services.clock import application_due_recompute
from gongkai.foi.services.numbering import application_number_assign
from gongkai.foi.services.transitions import APPLICATION_TRANSITIONS
from gongkai.orgs.models import Unit

# What staff record as the date of receipt for each channel (Art. 31).
RECEIPT_RULES = {
    Channel.IN_PERSON: gettext_lazy("当面提交之日"),
    Channel.REGISTERED_POST: gettext_lazy("本机关签收之日"),
    Channel.LETTER: gettext_lazy("本机关与申请人确认之日"),
    Channel.FAX: gettext_lazy("双方确认之日"),
    Channel.ONLINE: gettext_lazy("双方确认之日"),
}
# Channels where the date may not be known at registration: the application waits,
# pending, until receipt is confirmed with the applicant.
CONFIRMED_LATER = (Channel.LETTER, Channel.FAX)
# Channels whose date of receipt is a confirmation with the applicant (Art. 31).
CONFIRMED_BY_BOTH_SIDES = (Channel.ONLINE, Channel.LETTER, Channel.FAX)
ORGANISATIONS = {t for t in ApplicantType.values if t != ApplicantType.NATURAL_PERSON}


def _choice(value, choices, label: str, field: str) -> str:
    value = str(value or "").strip()
    if value not in choices.values:
        raise v.fail(_("请选择有效的%(label)s。") % {"label": label}, field)
    return value


def _id_number(id_type: str, number: str, applicant_type: str) -> str:
    number = v.text(number, _("证件号码"), 40, field="id_number").upper().replace(" ", "")
    if id_type == IdType.RESIDENT_ID and not v.resident_id_valid(number):
        raise v.fail(_("居民身份证号码有误：应为18位，出生日期真实，末位校验码正确"
                       "（GB 11643），请核对。"), "id_number")
    if id_type == IdType.CREDIT_CODE and not v.credit_code_valid(number):
        raise v.fail(_("统一社会信用代码有误：应为18位，末位校验码正确（GB 32100），请核对。"),
                     "id_number")
    if applicant_type == ApplicantType.NATURAL_PERSON and id_type == IdType.CREDIT_CODE:
        raise v.fail(_("自然人请使用个人身份证件。"), "id_type")
    if applicant_type in ORGANISATIONS and id_type not in (IdType.CREDIT_CODE, IdType.OTHER):
        raise v.fail(_("法人或其他组织请填写统一社会信用代码或其他证照号码。"), "id_type")
    return number


class _Errors:
    """Collects every field's error, so a form shows them all at once."""

    def __init__(self):
        self.by_field: dict[str, str] = {}

    def check(self, name: str, check, /, *args, **kwargs):
        try:
            return check(*args, **kwargs)
        except ApplicationError as error:
            self.by_field.setdefault(error.details.get("field") or name, error.message)
            return ""

    def raise_if_any(self) -> None:
        if self.by_field:
            field, message = next(iter(self.by_field.items()))
            raise ApplicationError(message, details={"field": field,
                                                     "errors": dict(self.by_field)})


def _phone(value) -> str:
    phone = v.text(value, _("联系电话"), 30, field="phone")
    if not v.phone_valid(phone):
        raise v.fail(_("联系电话有误：手机号码为以1开头的11位数字，固定电话须带区号"
                       "（如 020-12345678）。"), "phone")
    return phone


def _email(value) -> str:
    email = v.text(value, _("电子邮箱"), 254, required=False, field="email")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise v.fail(_("电子邮箱格式有误。"), "email") from None
    return email


def _unit(value) -> Unit:
    unit = value if isinstance(value, Unit) else Unit.objects.filter(
        pk=parse_int(value)).first()
    if unit is None or not unit.is_active:
        raise v.fail(_("请选择受理申请的单位。"), "unit")
    return unit


def application_fields(data: dict) -> dict:
    """The checked model fields of an application from form or API data. Every field
    is checked; the error names the first bad field and ``details["errors"]`` all."""
    e = _Errors()
    applicant_type = e.check("applicant_type", _choice, data.get("applicant_type"),
                             ApplicantType, _("申请人类型"), "applicant_type")
    id_type = e.check("id_type", _choice, data.get("id_type"), IdType, _("证件类型"),
                      "id_type")
    optional = {
        "contact_person": (_("联系人"), 100), "address": (_("通信地址"), 300),
        "postal_code": (_("邮政编码"), 10), "purpose": (_("用途"), v.PURPOSE_MAX),
        "form_wanted": (_("载体形式"), 30), "delivery_wanted": (_("获取方式"), 30),
    }
    fields = {
        "applicant_type": applicant_type,
        "applicant_name": e.check("applicant_name", v.text, data.get("applicant_name"),
                                  _("申请人名称"), 200, field="applicant_name"),
        "id_type": id_type,
        "id_number": e.check("id_number", _id_number, id_type, data.get("id_number"),
                             applicant_type),
        "phone": e.check("phone", _phone, data.get("phone")),
        "email": e.check("email", _email, data.get("email")),
        "description": e.check("description", v.text, data.get("description"),
                               _("所需政府信息的描述"), v.DESCRIPTION_MAX,
                               field="description"),
    }
    for name, (label, limit) in optional.items():
        fields[name] = e.check(name, v.text, data.get(name), label, limit, required=False,
                               field=name)
    e.raise_if_any()
    return fields


def application_submit_online(*, data: dict, submission_key: str,
                              public_user=None) -> Application:
    """An application through the public form. It stays pending until staff confirm
    receipt (Art. 31: the day both sides confirm). The same ``submission_key`` (the
    form's one-time token) twice returns the first application."""
    key = v.text(submission_key, _("提交标识"), 64, field="submission_key")
    existing = Application.objects.filter(submission_key=key).first()
    if existing:
        return existing
    fields = application_fields(data)
    unit = _unit(data.get("unit"))
    user = public_user if getattr(public_user, "is_authenticated", False) else None
    try:
        with transaction.atomic():
            application = Application.objects.create(
                unit=unit, channel=Channel.ONLINE, submission_key=key,
                public_user=user, status=Status.PENDING, **fields)
            record_event(obj=application, action=FoiEvent.APPLICATION_SUBMITTED, actor=user,
                         details={"channel": Channel.ONLINE, "unit": unit.name})
    except IntegrityError:
        # The same form posted twice at once: the other request won.
        existing = Application.objects.filter(submission_key=key).first()
        if existing is None:
            raise
        return existing
    return application


def _receipt_date(value, *, submitted_on: dt.date | None) -> dt.date:
    day = v.not_future(v.as_date(value, _("收到日期"), "received_on"), _("收到日期"),
                       "received_on")
    if submitted_on and day < submitted_on:
        raise v.fail(_("收到日期不能早于提交日期（%(d)s）。") % {"d": submitted_on},
                     "received_on")
    return day


def _receive(application: Application, received_on: dt.date, actor, *,
             entered_later: bool = False, confirmation: str = "") -> None:
    details = {"received_on": received_on, "rule": str(RECEIPT_RULES[application.channel])}
    if confirmation:
        details["confirmation"] = confirmation
    if entered_later:
        details["entered_later"] = True
    transition(application, to=Status.PROCESSING, table=APPLICATION_TRANSITIONS,
               actor=actor, extra_fields={"received_on": received_on}, details=details)
    application_number_assign(application=application)
    application_due_recompute(application=application)


@transaction.atomic
def application_register(*, unit, data: dict, channel: str, received_on, actor
                         ) -> Application:
    """Staff enter an application that came in person, by post or by fax.

    ``received_on`` is the date of receipt by the channel's rule (``RECEIPT_RULES``).
    For an ordinary letter or a fax it may be left empty: the application waits,
    pending, until ``application_confirm_receipt``. ``data["submitted_on"]`` (the
    date on the letter or fax, optional) may not be after the date of receipt.
    """
    channel = _choice(channel, Channel, _("提交方式"), "channel")
    if channel == Channel.ONLINE:
        raise v.fail(_("互联网渠道的申请由申请人在网上提交。"), "channel")
    fields = application_fields(data)
    unit = _unit(unit)
    submitted_on = None
    if data.get("submitted_on"):
        submitted_on = v.not_future(v.as_date(data["submitted_on"], _("提交日期"),
                                              "submitted_on"), _("提交日期"), "submitted_on")
    if received_on in (None, "") and channel not in CONFIRMED_LATER:
        raise v.fail(_("请填写收到日期（%(rule)s）。") % {"rule": RECEIPT_RULES[channel]},
                     "received_on")
    day = None if received_on in (None, "") else _receipt_date(received_on,
                                                               submitted_on=submitted_on)
    application = Application.objects.create(unit=unit, channel=channel,
                                             status=Status.PENDING, created_by=actor,
                                             **fields)
    record_event(obj=application, action=FoiEvent.APPLICATION_REGISTERED, actor=actor,
                 details={"channel": channel, "unit": unit.name})
    if day is not None:
        _receive(application, day, actor)
    return application


@transaction.atomic
def application_confirm_receipt(*, application: Application, actor, confirmation: str = "",
                                received_on=None) -> Application:
    """Staff confirm a pending application as received: it is numbered and its clock
    starts. Art. 31: for the internet, a fax or an ordinary letter the date of receipt
    *is* the day receipt is confirmed with the applicant, so it is the day this step
    is recorded (today), with how it was confirmed (``confirmation``: e.g. 电话确认).
    ``received_on`` is only for entering a confirmation made on an earlier day; it
    needs the confirmation record and is marked in the audit trail as entered later.
    """
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != Status.PENDING:
        raise v.fail(_("该申请已确认收到，不能重复确认。"))
    confirmation = v.text(confirmation, _("确认方式"), 200,
                          required=application.channel in CONFIRMED_BY_BOTH_SIDES,
                          field="confirmation")
    submitted_on = timezone.localtime(application.submitted_at).date()
    today = v.today()
    day = today if received_on in (None, "") else _receipt_date(
        received_on, submitted_on=submitted_on)
    if day < submitted_on:
        raise v.fail(_("收到日期不能早于提交日期（%(d)s）。") % {"d": submitted_on},
                     "received_on")
    application.receipt_confirmation = confirmation
    application.save(update_fields=["receipt_confirmation"])
    _receive(application, day, actor, entered_later=day < today, confirmation=confirmation)
    return application
