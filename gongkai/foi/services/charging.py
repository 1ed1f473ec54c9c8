"""Fee notice, payment and abandonment for non-payment (国办函〔2020〕109号)."""
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.dates import chinese_date
from gongkai.core.workflow import transition
from gongkai.foi.codes import Outcome
from gongkai.foi.fees import fee_for_application
from gongkai.foi.models import Application, Fee, FeeBasis, Pause, PauseKind, Status
from gongkai.foi.services import validation as v
from gongkai.foi.services.clock import application_due_recompute
from gongkai.foi.services.transitions import (
    APPLICATION_TRANSITIONS,
    locked,
    require_step,
    step_date,
)
from gongkai.workdays.selectors import calendar_from_db

PAY_WITHIN_DAYS = 20  # working days from the day after the notice


def _quantity(value) -> int:
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 1_000_000:
        raise v.fail(_("数量须为1到1000000之间的整数。"), "quantity")
    return int(text)


def _amount(calculated: int, amount_yuan, reason: str) -> tuple[int, str]:
    """The amount charged: the 109号 standard, or less (reduced or waived) with the
    basis for the reduction. Never more: the standard is a ceiling."""
    if amount_yuan in (None, ""):
        amount = calculated
    else:
        text = str(amount_yuan).strip()
        if not text.isascii() or not text.isdigit() or int(text) > 100_000_000:
            raise v.fail(_("收费金额须为不小于0的整数（元）。"), "amount_yuan")
        amount = int(text)
    if amount > calculated:
        raise v.fail(_("收费金额不得高于按《政府信息公开信息处理费管理办法》标准计算的金额"
                       "（%(c)d元），只能减免。") % {"c": calculated}, "amount_yuan")
    reason = v.text(reason, _("减免依据"), v.NOTE_MAX, required=False,
                    field="adjustment_reason")
    if amount < calculated and not reason:
        raise v.fail(_("收费金额低于计算金额（%(c)d元），请填写减免依据。")
                     % {"c": calculated}, "adjustment_reason")
    if amount == 0:
        raise v.fail(_("收费金额为0元（全部减免或未超过收费起点），无需发出收费通知。"),
                     "amount_yuan")
    return amount, reason


@transaction.atomic
def fee_notify(*, application: Application, basis: str, quantity, amount_yuan=None,
               adjustment_reason: str = "", actor, on=None, received_on=None) -> Fee:
    """Send a fee notice: the amount comes from the calculator unless reduced or
    waived with its basis; payment is due within 20 working days counted from the day
    after the applicant *received* the notice (``received_on``, by default the day it
    was sent, as for delivery on the platform or by e-mail); the clock stops until
    payment."""
    application = locked(application)
    require_step(application, "fee_notify")
    if Fee.objects.filter(application=application).exists():
        raise v.fail(_("本申请已发出过收费通知。"))
    if basis not in FeeBasis.values:
        raise v.fail(_("请选择计收方式（按件或按量）。"), "basis")
    quantity = _quantity(quantity)
    calculated = fee_for_application(basis=basis, quantity=quantity)
    amount, reason = _amount(calculated, amount_yuan, adjustment_reason)
    day = step_date(on, _("通知日期"), application)
    received = day if received_on in (None, "") else v.as_date(
        received_on, _("申请人收到通知日期"), "received_on")
    if received < day:
        raise v.fail(_("申请人收到通知的日期不能早于通知日期。"), "received_on")
    # Day 0 is the day of receipt, so the first counted day is the next one ("次日起").
    pay_by = calendar_from_db().nth_after(received, PAY_WITHIN_DAYS)
    fee = Fee.objects.create(application=application, basis=basis, quantity=quantity,
                             calculated_yuan=calculated, amount_yuan=amount,
                             adjustment_reason=reason, notice_on=day,
                             notice_received_on=received, pay_by=pay_by)
    Pause.objects.create(application=application, kind=PauseKind.FEE,
                         party=application.applicant_name, started_on=day, answer_by=pay_by)
    transition(application, to=Status.AWAITING_PAYMENT, table=APPLICATION_TRANSITIONS,
               actor=actor, details={"basis": basis, "quantity": quantity,
                                     "calculated_yuan": calculated, "amount_yuan": amount,
                                     "reason": reason, "pay_by": pay_by})
    application_due_recompute(application=application)
    return fee


def _fee_pause(application: Application) -> Pause | None:
    return application.pauses.filter(kind=PauseKind.FEE, ended_on__isnull=True).first()


@transaction.atomic
def fee_pay(*, application: Application, paid_on, actor) -> Fee:
    """The applicant paid: the clock resumes."""
    application = locked(application)
    require_step(application, "fee_pay")
    fee = Fee.objects.select_for_update().get(application=application)
    day = step_date(paid_on, _("缴费日期"), application, "paid_on")
    if day < fee.notice_on:
        raise v.fail(_("缴费日期不能早于通知日期。"), "paid_on")
    fee.paid_on = day
    fee.save(update_fields=["paid_on"])
    pause = _fee_pause(application)
    if pause:
        pause.ended_on, pause.result = day, _("已缴费")
        pause.save(update_fields=["ended_on", "result"])
    transition(application, to=Status.PROCESSING, table=APPLICATION_TRANSITIONS,
               actor=actor, details={"paid_on": day, "amount_yuan": fee.amount_yuan,
                                     "late": day > fee.pay_by})
    application_due_recompute(application=application)
    return fee


@transaction.atomic
def application_abandon_unpaid(*, application: Application, actor) -> Application:
    """Not paid within the time allowed: treated as abandoned (outcome 6.2)."""
    application = locked(application)
    require_step(application, "abandon_unpaid")
    fee = Fee.objects.get(application=application)
    today = v.today()
    if today <= fee.pay_by:
        raise v.fail(_("缴费期限（%(d)s）尚未届满，不能按逾期未缴费处理。")
                     % {"d": chinese_date(fee.pay_by)})
    pause = _fee_pause(application)
    if pause:
        pause.ended_on, pause.result = today, _("逾期未缴费")
        pause.save(update_fields=["ended_on", "result"])
    transition(application, to=Status.REPLIED, table=APPLICATION_TRANSITIONS, actor=actor,
               extra_fields={
                   "outcome": Outcome.OTHER_FEE_UNPAID, "replied_on": today,
                   "outcome_reasons": _("申请人未在缴费期限（%(d)s）前缴纳信息处理费。")
                   % {"d": chinese_date(fee.pay_by)},
                   "legal_basis": _("《中华人民共和国政府信息公开条例》第四十二条，"
                                    "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"),
               },
               details={"outcome": Outcome.OTHER_FEE_UNPAID, "pay_by": fee.pay_by})
    return application
