"""The quarterly sample, reproducible from its recorded seed.

Every site and account is checked at least once a year (as commonly applied): in
quarter q the sample takes at least a 1/(5 − q) share of those not yet checked this
year, so the 4th quarter takes all that remain; the rest of the quarter's share
(``sample.min_share_percent``) is drawn from the others. The same seed and the same
population give the same sample: the draw sorts the population first and uses only
``random.Random(seed)``.
"""
import math
import random
from decimal import Decimal

Key = tuple[str, int]  # ("website" | "account", id)


def draw(*, population: list[Key], checked_this_year: set[Key], quarter: int,
         share_percent: Decimal, seed: str) -> list[tuple[Key, bool]]:
    """(key, was it due) for every entry of the sample, in a stable order."""
    if not 1 <= quarter <= 4:
        raise ValueError("quarter")
    # Reproducibility is the point here, not secrecy: the seed is published.
    rng = random.Random(seed)  # noqa: S311
    everyone = sorted(set(population))
    due = [k for k in everyone if k not in checked_this_year]
    n_due = math.ceil(len(due) / (5 - quarter))
    target = max(math.ceil(len(everyone) * share_percent / 100), n_due)
    picked_due = sorted(rng.sample(due, n_due))
    chosen = set(picked_due)
    others = [k for k in everyone if k not in chosen]
    picked_others = sorted(rng.sample(others, min(target - n_due, len(others))))
    return [(k, k not in checked_this_year) for k in picked_due + picked_others]
