"""Information-processing fees by the tiers of 国办函〔2020〕109号.

Both bases are excess-progressive: each application (per month) or each page (per
application) is charged the rate of the band it falls in. The tiers are data; the
quote functions are pure so tests, the command and the staff calculator share them.
"""
import datetime as dt
from dataclasses import dataclass, field

# (from, to, yuan each); ``None`` as ``to`` means open-ended.
PER_APPLICATION_TIERS: tuple[tuple[int, int, int], ...] = ((1, 10, 0), (11, 30, 100),
                                                           (31, 40, 200))
# From the 41st application on, each further band of 10 costs 100 元 more.
PER_APPLICATION_OPEN_FROM = 41
PER_APPLICATION_OPEN_START_YUAN = 300
PER_APPLICATION_OPEN_STEP = (10, 100)
PER_VOLUME_TIERS: tuple[tuple[int, int | None, int], ...] = ((1, 30, 0), (31, 100, 10),
                                                             (101, 200, 20), (201, None, 40))
MAX_QUANTITY = 1_000_000


@dataclass(frozen=True)
class FeeQuote:
    yuan: int
    bands: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"yuan": self.yuan, "bands": [dict(b) for b in self.bands]}


def _check(quantity: int) -> int:
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise ValueError("数量必须是整数。")
    if not 0 <= quantity <= MAX_QUANTITY:
        raise ValueError(f"数量须在0到{MAX_QUANTITY}之间。")
    return quantity


def _quote(quantity: int, tiers) -> FeeQuote:
    bands, total = [], 0
    for start, end, unit_yuan in tiers:
        if quantity < start:
            break
        upto = quantity if end is None else min(end, quantity)
        count = upto - start + 1
        bands.append({"from": start, "to": upto, "count": count, "unit_yuan": unit_yuan,
                      "yuan": count * unit_yuan})
        total += count * unit_yuan
    return FeeQuote(yuan=total, bands=bands)


def _per_application_tiers(quantity: int):
    yield from PER_APPLICATION_TIERS
    width, step = PER_APPLICATION_OPEN_STEP
    start, rate = PER_APPLICATION_OPEN_FROM, PER_APPLICATION_OPEN_START_YUAN
    while start <= quantity:
        yield start, start + width - 1, rate
        start, rate = start + width, rate + step


def quote_per_application(n: int) -> FeeQuote:
    """The fees of ``n`` applications by one applicant in one month (按件计收)."""
    n = _check(n)
    return _quote(n, _per_application_tiers(n))


def quote_per_volume(pages: int) -> FeeQuote:
    """The fee for ``pages`` pages of one application (按量计收)."""
    return _quote(_check(pages), PER_VOLUME_TIERS)


def fee_for_application(*, basis: str, quantity: int) -> int:
    """The amount one fee notice charges.

    Per volume: the quote for the application's pages. Per application: the rate of
    the band the application falls in, ``quantity`` being its rank in the applicant's
    month (the 45th application of a month costs 300 元; the month's total is
    ``quote_per_application(45).yuan``).
    """
    from gongkai.foi.models import FeeBasis

    if basis == FeeBasis.PER_VOLUME:
        return quote_per_volume(quantity).yuan
    if basis == FeeBasis.PER_APPLICATION:
        if quantity < 1:
            raise ValueError("数量必须至少为1。")
        return quote_per_application(quantity).yuan - quote_per_application(quantity - 1).yuan
    raise ValueError("计收方式无效。")


def applications_in_month(*, id_number: str, unit, month: dt.date) -> int:
    """How many applications the applicant (by identity number) made to ``unit`` in the
    calendar month of ``month`` (counted by date of receipt; per agency: a reading of
    109号, see foi-rules.md)."""
    from gongkai.foi.models import Application

    return Application.objects.filter(
        id_number=id_number.strip().upper(), unit=unit,
        received_on__year=month.year, received_on__month=month.month,
    ).count()
