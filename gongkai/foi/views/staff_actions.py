"""The handling steps as staff forms: one form and one service call per step.

The step names are those of ``STEP_STATUSES`` in the transition module, so a page
offers exactly the steps the table allows now. Letters for a step are generated
after the step has been committed; a letter that cannot be generated does not undo
the step (staff regenerate it from the letters box).
"""
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.foi import forms_staff as f
from gongkai.foi.codes import LetterKind
from gongkai.foi.models import Application, PauseKind
from gongkai.foi.services import workflow as wf
from gongkai.foi.services.intake import application_confirm_receipt


@dataclass(frozen=True)
class Step:
    label: str
    form: type
    # (application, cleaned_data, actor) -> (message, letter kind(s) to generate or "")
    run: Callable
    danger: bool = False
    files: bool = False  # the form takes uploads


def _confirm(application, data, actor):
    application_confirm_receipt(application=application, confirmation=data["confirmation"],
                                actor=actor)
    return _("已确认收到并登记编号。"), (LetterKind.REGISTRATION, LetterKind.RECEIPT)


def _transfer(application, data, actor):
    wf.application_transfer(application=application, to_unit=data["to_unit"], actor=actor,
                            reason=data["reason"])
    return _("已转至%(u)s办理。") % {"u": data["to_unit"].name}, ""


def _co_handling(application, data, actor):
    wf.co_handling_request(application=application, unit=data["unit"], actor=actor)
    return _("已发出协办函。"), LetterKind.CO_HANDLING


def _supplement_request(application, data, actor):
    result = wf.supplement_request(application=application, items=data["items"],
                                   reply_by=data["reply_by"],
                                   actor=actor, on=data.get("on"))
    message = _("已发出补正告知，答复期限在收到补正后重新计算。")
    return (f"{message} {result.warning}" if result.warning else message), \
        LetterKind.SUPPLEMENT


def _supplement_receive(application, data, actor):
    supplement = application.supplements.filter(received_on__isnull=True).last()
    if supplement is None:
        return _("没有待收到的补正。"), ""
    wf.supplement_receive(supplement=supplement, received_on=data["received_on"],
                          content=data["content"], actor=actor)
    return _("已登记补正，答复期限自收到补正之日重新计算。"), ""


def _abandon_unsupplemented(application, data, actor):
    wf.application_abandon_unsupplemented(application=application, actor=actor)
    return _("已按逾期未补正办结（六.1）。"), LetterKind.REPLY


def _consultation_start(application, data, actor):
    pause = wf.consultation_start(application=application, kind=data["kind"],
                                  party=data["party"], actor=actor, on=data.get("on"))
    kind = LetterKind.THIRD_PARTY if pause.kind == PauseKind.THIRD_PARTY \
        else LetterKind.JOINT_AGENCY
    return _("已发出征求意见，期间不计入答复期限，对方答复期限为%(d)s。") % {
        "d": pause.answer_by}, kind


def _consultation_end(application, data, actor):
    pause = application.pauses.filter(pk=data["pause"], ended_on__isnull=True).first()
    if pause is None:
        return _("该征求意见已结束。"), ""
    wf.consultation_end(pause=pause, ended_on=data["ended_on"], result=data["result"], actor=actor)
    return _("已登记征求意见结果。"), ""


def _extend(application, data, actor):
    wf.application_extend(application=application, approved_by=data["approved_by"],
                          reason=data["reason"],
                          actor=actor, on=data.get("on"))
    return _("已延长答复期限20个工作日。"), LetterKind.EXTENSION


def _manual_due(application, data, actor):
    wf.application_set_manual_due(application=application, due_on=data["due_on"],
                                  reason=data["reason"],
                                  actor=actor)
    return _("已另行确定答复期限。"), LetterKind.EXPLANATION


def _fee_notify(application, data, actor):
    fee = wf.fee_notify(application=application, basis=data["basis"], quantity=data["quantity"],
                        amount_yuan=data.get("amount_yuan"),
                        adjustment_reason=data.get("adjustment_reason", ""), actor=actor,
                        on=data.get("on"), received_on=data.get("received_on"))
    return _("已发出收费通知：%(y)d元，缴费期限%(d)s。") % {"y": fee.amount_yuan,
                                                   "d": fee.pay_by}, LetterKind.FEE


def _fee_pay(application, data, actor):
    wf.fee_pay(application=application, paid_on=data["paid_on"], actor=actor)
    return _("已登记缴费，恢复计算答复期限。"), ""


def _abandon_unpaid(application, data, actor):
    wf.application_abandon_unpaid(application=application, actor=actor)
    return _("已按逾期未缴费办结（六.2）。"), LetterKind.REPLY


def _reply(application, data, actor):
    wf.application_reply(
        application=application, outcome=data["outcome"], reasons=data.get("reasons", ""),
        legal_basis=data.get("legal_basis", ""), actor=actor, on=data.get("on"),
        published_where=data.get("published_where", ""), provide_how=data.get("provide_how", ""),
        variant=data.get("variant", ""), other_agency=data.get("other_agency", ""),
        other_agency_contact=data.get("other_agency_contact", ""),
        backdate_reason=data.get("backdate_reason", ""), attachments=data.get("attachments", []))
    return _("已答复。"), LetterKind.REPLY


def _deliver(application, data, actor):
    wf.application_deliver(application=application, method=data["method"],
                           delivered_on=data["delivered_on"], actor=actor)
    return _("已登记送达。"), ""


def _archive(application, data, actor):
    wf.application_archive(application=application, actor=actor)
    return _("已归档。"), ""


STEPS: dict[str, Step] = {
    "confirm_receipt": Step(gettext_lazy("确认收到"), f.ConfirmReceiptForm, _confirm),
    "supplement_request": Step(gettext_lazy("补正告知"), f.SupplementRequestForm,
                               _supplement_request),
    "supplement_receive": Step(gettext_lazy("收到补正"), f.SupplementReceiveForm,
                               _supplement_receive),
    "abandon_unsupplemented": Step(gettext_lazy("逾期未补正，不再处理"), f.EmptyForm,
                                   _abandon_unsupplemented, danger=True),
    "consultation_start": Step(gettext_lazy("征求意见"), f.ConsultationStartForm,
                               _consultation_start),
    "consultation_end": Step(gettext_lazy("登记征求意见结果"), f.ConsultationEndForm,
                             _consultation_end),
    "co_handling": Step(gettext_lazy("请其他单位协办"), f.CoHandlingForm, _co_handling),
    "extend": Step(gettext_lazy("延期答复"), f.ExtendForm, _extend),
    "manual_due": Step(gettext_lazy("另行确定答复期限（第三十五条）"), f.ManualDueForm,
                       _manual_due),
    "fee_notify": Step(gettext_lazy("收费通知"), f.FeeNotifyForm, _fee_notify),
    "fee_pay": Step(gettext_lazy("登记缴费"), f.FeePayForm, _fee_pay),
    "abandon_unpaid": Step(gettext_lazy("逾期未缴费，不再处理"), f.EmptyForm, _abandon_unpaid,
                           danger=True),
    "reply": Step(gettext_lazy("答复"), f.ReplyForm, _reply, files=True),
    "deliver": Step(gettext_lazy("送达"), f.DeliverForm, _deliver),
    "archive": Step(gettext_lazy("归档"), f.EmptyForm, _archive),
    "transfer": Step(gettext_lazy("转办"), f.TransferForm, _transfer),
}


def allowed_steps(application: Application) -> list[str]:
    """The steps the transition table allows for the application now."""
    return [name for name in STEPS if wf.step_allowed(application, name)]


def generate_letter(application: Application, kind: str, actor) -> str:
    """Generate the step's letter; returns an error message or ''."""
    try:
        from gongkai.foi.services.letters import letter_generate
    except ImportError:  # the letters module is optional for the workflow itself
        return _("文书生成功能暂不可用，请稍后在文书栏生成。")
    from gongkai.core.errors import ApplicationError

    try:
        letter_generate(application=application, kind=kind, actor=actor)
    except ApplicationError as exc:
        return exc.message
    return ""
