"""The values a letter's placeholders are filled with, gathered from the application
and its related rows (supplement, fee, consultations, the unit's settings, the reply)."""
import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.dates import chinese_date
from gongkai.foi.codes import ApplicantType, Channel, LetterKind
from gongkai.foi.models import Application, IdType, NumberingRule, PauseKind

PENDING_DATE = "待确认"


def _date(value: dt.date | None) -> str:
    return chinese_date(value) if value else PENDING_DATE


def receipt_number(application: Application) -> str:
    """The registration number, or before registration a number for the receipt."""
    if application.number:
        return application.number
    submitted = timezone.localtime(application.submitted_at) if application.submitted_at \
        else timezone.localtime()
    return f"WS{submitted:%Y%m%d}{application.pk or 0:06d}"


def due_text(application: Application) -> str:
    """The due date in Chinese, marked （暂定） while the year's calendar is not loaded."""
    if not application.due_on:
        return _("自收到申请之日起20个工作日内")
    mark = _("（暂定）") if application.due_provisional else ""
    return chinese_date(application.due_on) + mark


def _supplement_values(application: Application) -> dict:
    supplement = application.supplements.order_by("-requested_on", "-id").first()
    if supplement is None:
        return {}
    return {"items": supplement.items, "reply_by": _date(supplement.reply_by),
            "supplement_requested_on": _date(supplement.requested_on),
            "supplement_received_on": _date(supplement.received_on)}


def fee_rates_text(basis: str, quantity: int) -> str:
    """The 109号 bands applied, in words, e.g. "第1至30页，每页0元；第31至100页…"."""
    from gongkai.foi.fees import quote_per_application, quote_per_volume
    from gongkai.foi.models import FeeBasis

    if basis == FeeBasis.PER_VOLUME:
        quote, unit = quote_per_volume(quantity), ("页", "每页")
    else:
        quote, unit = quote_per_application(quantity), ("件", "每件")
    parts = [f"第{b['from']}至{b['to']}{unit[0]}，{unit[1]}{b['unit_yuan']}元"
             for b in quote.bands]
    if basis != FeeBasis.PER_VOLUME:
        return ("本月第" + str(quantity) + "件申请适用“" + parts[-1] + "”档（按件计收，"
                "同一申请人一个自然月内累计申请10件以下不收费）") if parts else ""
    return "；".join(parts) + f"（共{quantity}页，合计{quote.yuan}元）"


def _fee_values(application: Application) -> dict:
    fee = getattr(application, "fee", None) if application.pk else None
    if fee is None:
        return {}
    values = {"amount_yuan": fee.amount_yuan, "pay_by": _date(fee.pay_by),
              "fee_basis": fee.get_basis_display(), "fee_quantity": fee.quantity,
              "fee_rates": fee_rates_text(fee.basis, fee.quantity),
              "fee_received_on": _date(fee.notice_received_on or fee.notice_on)}
    if fee.amount_yuan < fee.calculated_yuan:
        values["fee_rates"] += _("；按标准计算为%(c)d元，减免后为%(a)d元，减免依据：%(r)s") % {
            "c": fee.calculated_yuan, "a": fee.amount_yuan, "r": fee.adjustment_reason}
    return values


def _settings_values(application: Application) -> dict:
    """The unit's settings its letters name (Art. 51 bodies, fee payment)."""
    from django.conf import settings as django_settings

    rule = NumberingRule.objects.filter(unit_id=application.unit_id).first()

    def pick(field: str, setting: str, fallback: str) -> str:
        value = getattr(rule, field, "") if rule else ""
        return value or getattr(django_settings, setting, "") or fallback

    return {
        "reconsideration_body": pick("reconsideration_body",
                                     "GONGKAI_FOI_RECONSIDERATION_BODY",
                                     _("依法有管辖权的行政复议机关")),
        "court": pick("court", "GONGKAI_FOI_COURT", _("依法有管辖权的人民法院")),
        "fee_payment": pick("fee_payment", "GONGKAI_FOI_FEE_PAYMENT",
                            _("请持本通知到本机关领取非税收入缴款通知书，按通知书载明的方式缴入国库。")),
    }


def _reply_values(application: Application) -> dict:
    from gongkai.foi.services.replies import VARIANT_NOT_EXIST, VARIANT_NOT_OURS

    names = "、".join(a.name for a in application.attachments.all()) if application.pk else ""
    return {
        "published_where": application.published_where,
        "provide_how": application.provide_how,
        "attachments": names,
        "not_exist": "1" if application.reply_variant == VARIANT_NOT_EXIST else "",
        "not_ours": "1" if application.reply_variant == VARIANT_NOT_OURS else "",
        "other_agency": application.other_agency,
        "other_agency_contact": application.other_agency_contact or _("（未能确定）"),
    }


def _party_values(application: Application, kind: str) -> dict:
    if kind == LetterKind.CO_HANDLING:
        co = application.co_handlings.select_related("unit").order_by("-requested_on",
                                                                       "-id").first()
        return {"party": co.unit.name} if co else {}
    pause_kind = {LetterKind.THIRD_PARTY: PauseKind.THIRD_PARTY,
                  LetterKind.JOINT_AGENCY: PauseKind.AGENCY}.get(kind)
    if pause_kind is None:
        return {}
    pause = application.pauses.filter(kind=pause_kind).order_by("-started_on", "-id").first()
    if pause is None:
        return {}
    return {"party": pause.party, "answer_by": _date(pause.answer_by)}


def _application_values(application: Application) -> dict:
    submitted = application.submitted_at or timezone.now()
    return {
        "applicant_name": application.applicant_name,
        "applicant_type": ApplicantType(application.applicant_type).label
        if application.applicant_type in ApplicantType.values else "",
        "id_type": IdType(application.id_type).label
        if application.id_type in IdType.values else "",
        "id_number": application.id_number,
        "contact_person": application.contact_person,
        "phone": application.phone,
        "email": application.email,
        "address": application.address,
        "number": application.number or receipt_number(application),
        "receipt_number": receipt_number(application),
        "query_code": application.query_code,
        "channel": Channel(application.channel).label
        if application.channel in Channel.values else "",
        "submitted_on": chinese_date(timezone.localtime(submitted).date()),
        "received_on": _date(application.received_on),
        "description": application.description,
        "purpose": application.purpose,
        "form_wanted": application.form_wanted,
        "delivery_wanted": application.delivery_wanted,
        "due_on": due_text(application),
        # Wording flows on after the reason ("因……，"): its own closing stop would read
        # "核对。，".
        "extension_reason": application.extension_reason.strip().rstrip("。.；;，, "),
        "delivery_method": application.delivery_method or application.delivery_wanted,
        "unit_name": application.unit.name,
    }
