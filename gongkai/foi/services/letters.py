"""Letters (文书): fill the office's template for one application and keep the .docx
with it, in the layout of an official document (issuer, 文号, date in Chinese).

Templates are edited by administrators and filled with what applicants typed, so
filling is deliberately dumb: only ``{plain_name}`` is replaced, by a value looked up
in a dict. ``str.format_map`` would also honour ``{x.__class__}``, ``{x[0]}`` and
format specs such as ``{x:>99999999}`` and would fail on a stray brace; here those are
left exactly as typed, and a replaced value is never scanned again.
"""
import datetime as dt
import re
from collections.abc import Mapping

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.dates import chinese_date
from gongkai.core.docx import Block, Table, official_document
from gongkai.core.errors import ApplicationError
from gongkai.foi.codes import ApplicantType, Channel, LetterKind, Outcome
from gongkai.foi.letters_defaults import DEFAULT_LEGAL_BASIS, default_template
from gongkai.foi.models import Application, IdType, Letter, LetterTemplate, PauseKind

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
TABLE_SEPARATORS = ("｜", "|")
PENDING_DATE = "待确认"
# Characters XML 1.0 (and so Word) cannot hold; pasted text sometimes carries them.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Letters addressed to someone other than the applicant, or internal records, are not
# shown on the applicant's track page (the registration form holds the full ID number).
NOT_FOR_APPLICANT = {LetterKind.REGISTRATION, LetterKind.THIRD_PARTY,
                     LetterKind.JOINT_AGENCY, LetterKind.CO_HANDLING}


def fill(text: str, values: Mapping[str, object]) -> str:
    """Replace each ``{name}`` found in ``values``; leave everything else as typed."""
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            return match.group(0)
        value = values[name]
        return "" if value is None else _NOT_XML.sub("", str(value))

    return PLACEHOLDER.sub(replace, _NOT_XML.sub("", text))


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
    return {"items": supplement.items, "reply_by": _date(supplement.reply_by)}


def _fee_values(application: Application) -> dict:
    fee = getattr(application, "fee", None) if application.pk else None
    if fee is None:
        return {}
    return {"amount_yuan": fee.amount_yuan, "pay_by": _date(fee.pay_by),
            "fee_basis": fee.get_basis_display(), "fee_quantity": fee.quantity}


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
        "extension_reason": application.extension_reason,
        "delivery_method": application.delivery_method or application.delivery_wanted,
        "unit_name": application.unit.name,
    }


def letter_values(*, application: Application, kind: str, outcome: str = "",
                  actor=None, extra: Mapping[str, object] | None = None) -> dict:
    """Every placeholder's value for this letter; ``extra`` overrides (dates in it
    are written in Chinese)."""
    values = _application_values(application)
    values.update(_supplement_values(application))
    values.update(_fee_values(application))
    values.update(_party_values(application, kind))
    values["outcome"] = Outcome(outcome).label if outcome in Outcome.values else ""
    values["outcome_reasons"] = application.outcome_reasons
    values["legal_basis"] = application.legal_basis or DEFAULT_LEGAL_BASIS.get(outcome, "")
    values["actor_name"] = str(actor) if getattr(actor, "is_authenticated", False) else ""
    values["today"] = chinese_date(timezone.localdate())
    for key, value in (extra or {}).items():
        values[str(key)] = _date(value) if isinstance(value, dt.date) else value
    return values


def template_for(kind: str, outcome: str = "") -> tuple[str, str]:
    """(title, body): the administrator's wording, else the default."""
    row = LetterTemplate.objects.filter(kind=kind, outcome=outcome).first()
    if row is not None:
        return row.title, row.body
    return default_template(kind, outcome)


def _only_empty_placeholders(line: str, values: Mapping[str, object]) -> bool:
    names = PLACEHOLDER.findall(line)
    if not names or PLACEHOLDER.sub("", line).strip():
        return False
    return all(name in values and not str(values[name] or "").strip() for name in names)


def _table(lines: list[str], values: Mapping[str, object]) -> Table:
    def cells(line: str) -> list[str]:
        for separator in TABLE_SEPARATORS[1:]:
            line = line.replace(separator, TABLE_SEPARATORS[0])
        return [fill(cell.strip(), values) for cell in line.split(TABLE_SEPARATORS[0])]

    header, *rows = (cells(line) for line in lines)
    width = len(header)
    return Table(headers=header, rows=[(row + [""] * width)[:width] for row in rows])


def render_body(body: str, values: Mapping[str, object]) -> tuple[str, list[Block]]:
    """(addressee, blocks) from a template body; see ``letters_defaults`` for the
    syntax. Lines are split before filling, so nothing an applicant typed can turn
    into a table row or an addressee."""
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").split("\n")]
    addressee = ""
    if lines and lines[0].endswith(("：", ":")):
        addressee = fill(lines.pop(0), values)
    blocks: list[Block] = []
    table: list[str] = []
    for line in [*lines, ""]:
        if any(separator in line for separator in TABLE_SEPARATORS):
            table.append(line)
            continue
        if table:
            blocks.append(_table(table, values))
            table = []
        if not line.strip() or _only_empty_placeholders(line, values):
            continue
        blocks.append(fill(line, values))
    return addressee, blocks


def render_letter(*, application: Application, kind: str, outcome: str = "", actor=None,
                  extra: Mapping[str, object] | None = None) -> tuple[str, bytes]:
    """(title, .docx bytes) of the letter, without storing anything (admin preview)."""
    values = letter_values(application=application, kind=kind, outcome=outcome,
                           actor=actor, extra=extra)
    title_template, body = template_for(kind, outcome)
    title = fill(title_template, values)
    addressee, blocks = render_body(body, values)
    unit_name = application.unit.name
    content = official_document(
        issuer=unit_name, doc_number=application.number, title=title,
        addressee=addressee, paragraphs=blocks, signature=unit_name,
        signed_on=timezone.localdate(),
    )
    return title, content


def _checked(kind: str, outcome, application: Application) -> tuple[str, str]:
    if kind not in LetterKind.values:
        raise ApplicationError(_("未知的文书类型。"))
    if kind != LetterKind.REPLY:
        return kind, ""
    outcome = str(outcome or application.outcome or "")
    if outcome not in Outcome.values:
        raise ApplicationError(_("生成答复书前请先选择办理结果。"))
    return kind, outcome


@transaction.atomic
def letter_generate(*, application: Application, kind: str, actor, outcome=None,
                    extra: Mapping[str, object] | None = None) -> Letter:
    """Generate the letter ``kind`` (a reply for ``outcome``, by default the
    application's), store the .docx as a ``Letter`` of the application, and record
    ``foi.letter.generated``."""
    kind, outcome = _checked(str(kind), outcome, application)
    title, content = render_letter(application=application, kind=kind, outcome=outcome,
                                   actor=actor, extra=extra)
    letter = Letter(application=application, kind=kind, title=title[:200],
                    doc_number=application.number,
                    visible_to_applicant=kind not in NOT_FOR_APPLICANT,
                    created_by=actor if getattr(actor, "is_authenticated", False) else None)
    stamp = timezone.localtime().strftime("%Y%m%d%H%M%S")
    letter.file.save(f"{kind}-{outcome.replace('.', '_') or 'x'}-{stamp}.docx",
                     ContentFile(content), save=False)
    letter.save()
    record_event(obj=application, action="foi.letter.generated", actor=actor,
                 details={"kind": kind, "outcome": outcome, "letter": letter.pk,
                          "title": letter.title})
    return letter


def letter_ensure(*, application: Application, kind: str, actor=None) -> Letter:
    """The latest letter of ``kind`` kept with the application, generated if none
    exists yet (the receipt shown after an online submission)."""
    letter = application.letters.filter(kind=kind).order_by("-created_at", "-id").first()
    return letter or letter_generate(application=application, kind=kind, actor=actor)
