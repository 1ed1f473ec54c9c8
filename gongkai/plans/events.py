"""Domain events of the plans app, sent after the transaction that made them commits,
so a listener never hears of a change that was rolled back and may do its own work
(notifications, mail) in a transaction of its own.

(``signals.report_passed`` stays: it is sent inside the transaction, for receivers whose
writes must commit or roll back with the decision.)
"""
from enum import StrEnum

from django.dispatch import Signal


class PlansEvent(StrEnum):
    REPORT_RETURNED = "plans.report.returned"
    REPORT_PASSED = "plans.report.passed"


# kwargs: event (PlansEvent), report, actor, comment, return_count (as it was at the
# decision: the report row may have moved on by the time the commit comes).
report_decided = Signal()
