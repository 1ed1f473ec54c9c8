"""Input checks shared by the FOI services: dates, text sizes, identity numbers.

Every check raises ``ApplicationError`` with a Chinese message the user can act on;
``details["field"]`` names the offending field so forms can attach the message.
"""
import datetime as dt
import re

from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core import identity
from gongkai.core.errors import ApplicationError

# Limits for free text (the model's CharFields carry their own max_length).
DESCRIPTION_MAX = 5000
PURPOSE_MAX = 2000
NOTE_MAX = 5000

_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def fail(message: str, field: str = "") -> ApplicationError:
    return ApplicationError(message, details={"field": field} if field else None)


def fail_now(message: str, field: str = "") -> None:
    """``fail`` raised at once (for collecting checks)."""
    raise fail(message, field)


def today() -> dt.date:
    return timezone.localdate()


def as_date(value, label: str, field: str = "") -> dt.date:
    """A real calendar date from a date or an ISO string; a clear error otherwise."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value or "").strip())
    except ValueError:
        raise fail(_("%(label)s“%(value)s”不是有效日期，请填写真实存在的日期（如2026-03-02）。")
                   % {"label": label, "value": str(value)[:20]}, field) from None


def not_future(day: dt.date, label: str, field: str = "") -> dt.date:
    if day > today():
        raise fail(_("%(label)s不能晚于今天。") % {"label": label}, field)
    return day


def text(value, label: str, max_length: int, *, required: bool = True,
         field: str = "") -> str:
    """Stripped text within ``max_length``. Markup is stored as typed and escaped on
    display, so nothing is altered here except surrounding whitespace."""
    value = str(value or "").strip()
    if required and not value:
        raise fail(_("请填写%(label)s。") % {"label": label}, field)
    if len(value) > max_length:
        raise fail(_("%(label)s过长：最多%(max)d字，现有%(n)d字。")
                   % {"label": label, "max": max_length, "n": len(value)}, field)
    return value


# A mainland mobile number: 11 digits from 13x–19x, optionally after +86 / 86.
_MOBILE = re.compile(r"(?:\+?86)?1[3-9]\d{9}")
# A landline with its area code: 010 and 02x take 8 digits, 0xxx 7 or 8; an extension
# optional: 020-12345678, (0755)1234567, 010 1234 5678-123.
_LANDLINE = re.compile(r"(?:\+?86)?0(?:(?:10|2\d)\d{8}|[3-9]\d{2}\d{7,8})(?:-\d{1,6})?")
_PHONE_SEPARATORS = re.compile(r"[\s\-()（）]")


def phone_valid(value: str) -> bool:
    """A Chinese mobile number (11 digits, 1[3-9]…) or a landline with its area code.
    Spaces, hyphens and brackets between the parts are allowed; a 10-digit number or a
    landline without its area code is not (the office could not call it back)."""
    text = value.strip()
    extension = ""
    match = re.search(r"(?:ext|转|-)(\d{1,6})$", text)
    if match and len(_PHONE_SEPARATORS.sub("", text[:match.start()])) >= 10:
        extension, text = match.group(1), text[:match.start()]
    digits = _PHONE_SEPARATORS.sub("", text)
    if _MOBILE.fullmatch(digits):
        return not extension
    return bool(_LANDLINE.fullmatch(digits + (f"-{extension}" if extension else "")))


def resident_id_valid(number: str) -> bool:
    """GB 11643-1999 (``gongkai.core.identity``), judged as of the local date."""
    return identity.resident_id_valid(number, today=today())


def credit_code_valid(code: str) -> bool:
    """GB 32100-2015: 18 characters from the code set, the last a check character."""
    if len(code) != 18 or any(c not in _CREDIT_CHARS for c in code):
        return False
    total = sum(_CREDIT_CHARS.index(c) * w
                for c, w in zip(code[:17], _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARS[(31 - total % 31) % 31] == code[17]
