"""Registration numbers: one sequence per unit and year, one pattern per unit."""
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from gongkai.core.errors import ApplicationError
from gongkai.foi.models import Application, NumberingRule, NumberSequence

# Without a rule the unit's own name goes into the number, so that two units without
# rules never produce the same number (numbers are unique platform-wide).
DEFAULT_PATTERN = "{unit}依申〔{year}〕第{seq:04d}号"


def _format(pattern: str, *, unit, year: int, seq: int) -> str:
    try:
        return pattern.format(year=year, seq=seq, unit=unit.short_name or unit.name)
    except (KeyError, IndexError, ValueError, AttributeError):
        raise ApplicationError(
            _("登记编号格式“%(p)s”有误：只能使用 {year}、{seq:04d}、{unit}。") % {"p": pattern}
        ) from None


def _next_seq(unit, year: int, series: str = "registration") -> int:
    # The row lock serialises concurrent receipts of one unit; the F() increment
    # keeps the count right even on databases without row locks (SQLite locks the
    # whole database for the write instead).
    try:
        with transaction.atomic():
            NumberSequence.objects.get_or_create(unit=unit, year=year, series=series)
    except IntegrityError:
        pass  # created by a concurrent receipt a moment ago
    sequence = NumberSequence.objects.select_for_update().get(unit=unit, year=year,
                                                              series=series)
    NumberSequence.objects.filter(pk=sequence.pk).update(last=F("last") + 1)
    sequence.refresh_from_db(fields=["last"])
    return sequence.last


@transaction.atomic
def application_number_assign(*, application: Application) -> str:
    """Give a received application its number (once): pattern of its unit, next
    sequence of the unit's year of receipt."""
    if application.number:
        return application.number
    if application.received_on is None:
        raise ApplicationError(_("尚未确认收到的申请不能编号。"))
    unit, year = application.unit, application.received_on.year
    rule = NumberingRule.objects.filter(unit=unit).first()
    pattern = rule.pattern if rule else DEFAULT_PATTERN
    number = _format(pattern, unit=unit, year=year, seq=_next_seq(unit, year))
    if Application.objects.filter(number=number).exclude(pk=application.pk).exists():
        raise ApplicationError(
            _("登记编号“%(n)s”已被使用：请检查本单位的编号格式是否与其他单位重复。")
            % {"n": number})
    application.number = number
    application.save(update_fields=["number"])
    return number


@transaction.atomic
def letter_number_assign(*, application: Application, day) -> str:
    """The next 文号 of the unit's own letter sequence (``NumberingRule.letter_pattern``,
    a series apart from registration numbers), by the year of the letter's date; empty
    when the unit has set no pattern: the registration number is never used as a 文号."""
    rule = NumberingRule.objects.filter(unit=application.unit).first()
    if rule is None or not rule.letter_pattern.strip():
        return ""
    return _format(rule.letter_pattern, unit=application.unit, year=day.year,
                   seq=_next_seq(application.unit, day.year, "letter"))
