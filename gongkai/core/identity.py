"""Chinese identity numbers, phone numbers and their masks: the one place for them.

- Resident ID numbers (GB 11643-1999): 18 characters, the last a check character
  (ISO 7064 MOD 11-2, ``X`` for 10), a known province code, a real birth date between
  1900 and today. The FOI intake and the publication scan both ask ``resident_id_valid``.
- Masks keep just enough for a person to recognise their own number:
  ID 4401**********1234, mobile 138****5678.
"""
import datetime as dt
import re

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36",
    "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
    "63", "64", "65", "71", "81", "82", "83", "91",
})
STAR = "*"


def id_check_digit(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits (ISO 7064 MOD 11-2)."""
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11]


def resident_id_valid(number: str, *, today: dt.date | None = None) -> bool:
    """An 18-character resident ID number (``x`` read as ``X``) that could be real."""
    number = number.upper()
    if not re.fullmatch(r"[0-9]{17}[0-9X]", number) or number[:2] not in PROVINCES:
        return False
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    today = today or dt.datetime.now(dt.UTC).date()
    if not dt.date(1900, 1, 1) <= born <= today:
        return False
    return id_check_digit(number[:17]) == number[17]


def _keep(value: str, head: int, tail: int) -> str:
    return value[:head] + STAR * (len(value) - head - tail) + value[len(value) - tail:]


def mask_id_number(value: str | None) -> str:
    """440106199001011234 → 4401**********1234; short numbers keep only their end."""
    value = (value or "").strip()
    if len(value) > 8:
        return _keep(value, 4, 4)
    if len(value) > 4:
        return _keep(value, 0, 2)
    return STAR * len(value)


def mask_phone(value: str | None) -> str:
    """13812345678 → 138****5678; 020-12345678 → 020*****5678."""
    value = (value or "").strip()
    if len(value) >= 8:
        return _keep(value, 3, 4)
    if len(value) > 2:
        return _keep(value, 0, 2)
    return STAR * len(value)
