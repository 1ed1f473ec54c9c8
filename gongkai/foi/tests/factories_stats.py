"""Factories for the statistics, appeals and office-view tests (FOI helper F3)."""
import datetime as dt

from gongkai.foi.models import Status
from gongkai.foi.tests.factories import ApplicationFactory


def replied(*, received_on: dt.date, replied_on: dt.date, outcome: str = "1", **kwargs):
    """An application received on one day and replied with ``outcome`` on another."""
    return ApplicationFactory(received_on=received_on, replied_on=replied_on,
                              outcome=outcome, status=Status.REPLIED, **kwargs)


def still_open(*, received_on: dt.date, **kwargs):
    """An application received and not replied yet."""
    return ApplicationFactory(received_on=received_on, **kwargs)
