"""Signals other modules listen to, so they need not read the plan's tables to learn
what happened. Sent inside the transaction of the change: a receiver's writes commit
or roll back with it."""
from django.dispatch import Signal

# A progress report was approved (审核通过); kwargs: report.
report_passed = Signal()
