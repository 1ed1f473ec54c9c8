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
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.dates import chinese_date
from gongkai.core.docx import Block, Table, official_document
from gongkai.core.errors import ApplicationError
from gongkai.core.i18n import in_source_language
from gongkai.foi.codes import LetterKind, Outcome
from gongkai.foi.events import FoiEvent
from gongkai.foi.letters_defaults import DEFAULT_LEGAL_BASIS, default_template
from gongkai.foi.models import (
    Application,
    Letter,
    LetterTemplate,
    PauseKind,
)
from gongkai.foi.services.letter_values import (  # noqa: F401 (due_text: public name)
    _application_values,
    _date,
    _fee_values,
    _party_values,
    _reply_values,
    _settings_values,
    _supplement_values,
    due_text,
    receipt_number,
)

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
CONDITION = re.compile(r"^\?\{([A-Za-z_][A-Za-z0-9_]*)\}")
TABLE_SEPARATORS = ("｜", "|")
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


@in_source_language
def letter_values(*, application: Application, kind: str, outcome: str = "",
                  actor=None, extra: Mapping[str, object] | None = None) -> dict:
    """Every placeholder's value for this letter; ``extra`` overrides (dates in it
    are written in Chinese)."""
    values = _application_values(application)
    values.update(_supplement_values(application))
    values.update(_fee_values(application))
    values.update(_party_values(application, kind))
    values.update(_settings_values(application))
    values.update(_reply_values(application))
    values["decided_on"] = _date(letter_date(application, kind))
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
        condition = CONDITION.match(line)
        if condition:
            if not str(values.get(condition.group(1)) or "").strip():
                continue
            line = line[condition.end():]
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


def _latest(qs):
    return qs.order_by("-id").first()


def letter_date(application: Application, kind: str) -> dt.date:
    """The day a letter is dated: the decision or event it records, never the day the
    file happens to be generated (a reply regenerated next year keeps its date)."""
    day = None
    if kind == LetterKind.REPLY:
        day = application.replied_on
    elif kind in (LetterKind.SUPPLEMENT, LetterKind.EXPLANATION) and application.pk:
        supplement = _latest(application.supplements)
        day = supplement.requested_on if supplement and kind == LetterKind.SUPPLEMENT \
            else None
    elif kind == LetterKind.EXTENSION:
        day = application.extended_on
    elif kind == LetterKind.FEE and application.pk:
        fee = getattr(application, "fee", None)
        day = fee.notice_on if fee else None
    elif kind in (LetterKind.THIRD_PARTY, LetterKind.JOINT_AGENCY) and application.pk:
        pause = _latest(application.pauses.filter(
            kind=PauseKind.THIRD_PARTY if kind == LetterKind.THIRD_PARTY
            else PauseKind.AGENCY))
        day = pause.started_on if pause else None
    elif kind == LetterKind.CO_HANDLING and application.pk:
        co = _latest(application.co_handlings)
        day = co.requested_on if co else None
    elif kind in (LetterKind.RECEIPT, LetterKind.REGISTRATION):
        day = application.received_on or (
            timezone.localtime(application.submitted_at).date()
            if application.submitted_at else None)
    return day or timezone.localdate()


# Letters that go out under the unit's own 文号 (forms and receipts carry none).
NUMBERED_LETTERS = {LetterKind.SUPPLEMENT, LetterKind.EXPLANATION, LetterKind.EXTENSION,
                    LetterKind.THIRD_PARTY, LetterKind.JOINT_AGENCY, LetterKind.CO_HANDLING,
                    LetterKind.FEE, LetterKind.REPLY}


@dataclass(frozen=True)
class Rendered:
    """One letter's content, rendered once and written as .docx and as PDF."""

    title: str
    addressee: str
    blocks: list
    issuer: str
    doc_number: str
    reference: str  # the registration number, printed as such
    dated_on: dt.date

    def docx(self) -> bytes:
        return official_document(
            issuer=self.issuer, doc_number=self.doc_number, title=self.title,
            addressee=self.addressee,
            paragraphs=[*self.blocks], signature=self.issuer, signed_on=self.dated_on)

    def html(self) -> str:
        from gongkai.foi.letter_pdf import letter_html

        return letter_html(self)


@in_source_language
def render(*, application: Application, kind: str, outcome: str = "", actor=None,
           extra: Mapping[str, object] | None = None, doc_number: str = "") -> Rendered:
    values = letter_values(application=application, kind=kind, outcome=outcome,
                           actor=actor, extra=extra)
    title_template, body = template_for(kind, outcome)
    addressee, blocks = render_body(body, values)
    return Rendered(title=fill(title_template, values), addressee=addressee, blocks=blocks,
                    issuer=application.unit.name, doc_number=doc_number,
                    reference=application.number or receipt_number(application),
                    dated_on=letter_date(application, kind))


@in_source_language
def render_letter(*, application: Application, kind: str, outcome: str = "", actor=None,
                  extra: Mapping[str, object] | None = None) -> tuple[str, bytes]:
    """(title, .docx bytes) of the letter, without storing anything (admin preview)."""
    rendered = render(application=application, kind=kind, outcome=outcome, actor=actor,
                      extra=extra)
    return rendered.title, rendered.docx()


def _checked(kind: str, outcome, application: Application) -> tuple[str, str]:
    if kind not in LetterKind.values:
        raise ApplicationError(_("未知的文书类型。"))
    if kind != LetterKind.REPLY:
        return kind, ""
    outcome = str(outcome or application.outcome or "")
    if outcome not in Outcome.values:
        raise ApplicationError(_("生成答复书前请先选择办理结果。"))
    return kind, outcome


def letter_file_name(letter: Letter, extension: str) -> str:
    """What the downloaded file is called: the title and the case number, so that an
    applicant's letters are told apart ("…答复书（埔依申〔2026〕第0001号）.pdf")."""
    number = letter.application.number or receipt_number(letter.application)
    name = f"{letter.title}（{number}）" if number else letter.title
    return f"{name}.{extension}"


@transaction.atomic
@in_source_language
def letter_generate(*, application: Application, kind: str, actor, outcome=None,
                    extra: Mapping[str, object] | None = None) -> Letter:
    """Generate the letter ``kind`` (a reply for ``outcome``, by default the
    application's), store it as .docx and PDF (one content, two formats) as a
    ``Letter`` of the application, and record ``foi.letter.generated``. A receipt is
    kept once: generating it again (after receipt is confirmed) rewrites that one."""
    from gongkai.foi.services.numbering import letter_number_assign

    kind, outcome = _checked(str(kind), outcome, application)
    letter = None
    if kind == LetterKind.RECEIPT:
        letter = application.letters.filter(kind=kind).order_by("id").first()
    replacing = letter is not None
    if letter is None:
        letter = Letter(application=application, kind=kind,
                        visible_to_applicant=kind not in NOT_FOR_APPLICANT,
                        created_by=actor if getattr(actor, "is_authenticated", False)
                        else None)
        if kind in NUMBERED_LETTERS:
            letter.doc_number = letter_number_assign(application=application,
                                                     day=letter_date(application, kind))
    rendered = render(application=application, kind=kind, outcome=outcome, actor=actor,
                      extra=extra, doc_number=letter.doc_number)
    letter.title, letter.dated_on = rendered.title[:200], rendered.dated_on
    stamp = timezone.localtime().strftime("%Y%m%d%H%M%S")
    base = f"{kind}-{outcome.replace('.', '_') or 'x'}-{stamp}"
    letter.file.save(f"{base}.docx", ContentFile(rendered.docx()), save=False)
    letter.html = rendered.html()
    if letter.pdf:
        letter.pdf.delete(save=False)  # a regenerated receipt: made anew on download
    letter.save()
    record_event(obj=application, action=FoiEvent.LETTER_GENERATED, actor=actor,
                 details={"kind": kind, "outcome": outcome, "letter": letter.pk,
                          "title": letter.title, "doc_number": letter.doc_number,
                          "dated_on": letter.dated_on, "replaced": replacing})
    return letter


@in_source_language
def letter_pdf_ensure(letter: Letter) -> Letter:
    """The letter's PDF, made from its stored content on first request and kept."""
    from gongkai.foi.letter_pdf import html_to_pdf

    if letter.pdf:
        return letter
    if not letter.html:
        raise ApplicationError(_("该文书生成于支持 PDF 之前，请重新生成后下载 PDF。"))
    letter.pdf.save(f"{letter.kind}-{letter.pk}.pdf", ContentFile(html_to_pdf(letter.html)),
                    save=False)
    Letter.objects.filter(pk=letter.pk).update(pdf=letter.pdf.name)
    return letter


def letter_ensure(*, application: Application, kind: str, actor=None) -> Letter:
    """The latest letter of ``kind`` kept with the application, generated if none
    exists yet (the receipt shown after an online submission)."""
    letter = application.letters.filter(kind=kind).order_by("-created_at", "-id").first()
    return letter or letter_generate(application=application, kind=kind, actor=actor)
