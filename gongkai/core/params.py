"""Integers from query strings and forms, parsed once and bounded.

``int()`` accepts what no URL should carry (``²``, ``１２``, ``+7``, ``1_000``), and an
unbounded integer passed to the database overflows (SQLite and PostgreSQL integers are at
most 64 bits): ``?unit=99999999999999999999999`` was an HTTP 500. Every view reads such
parameters through ``int_param``: ASCII digits only, at most 18 of them, within bounds,
else the default.
"""
from django.http import QueryDict

ID_MAX = 2**31 - 1  # an id or a count in a URL never comes near this
YEAR_MIN, YEAR_MAX = 1949, 2200


def parse_int(value, *, minimum: int = 0, maximum: int = ID_MAX,
              default: int | None = None) -> int | None:
    """``value`` as an int within [minimum, maximum], else ``default``."""
    text = str(value).strip() if value is not None else ""
    if not text or len(text) > 18 or not (text.isascii() and text.isdigit()):
        return default
    number = int(text)
    return number if minimum <= number <= maximum else default


def int_param(params: QueryDict | dict, name: str, *, minimum: int = 0,
              maximum: int = ID_MAX, default: int | None = None) -> int | None:
    """The integer parameter ``name`` of ``request.GET`` / ``request.POST``."""
    return parse_int(params.get(name), minimum=minimum, maximum=maximum, default=default)


def year_param(params: QueryDict | dict, name: str = "year",
               default: int | None = None) -> int | None:
    return int_param(params, name, minimum=YEAR_MIN, maximum=YEAR_MAX, default=default)
