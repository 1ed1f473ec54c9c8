from django.dispatch import Signal

# Sent after the calendar of one or more years changed, with ``years`` (a set of ints).
# Modules that store due dates (disclosure applications, messages) connect here and
# recompute the due dates of their open items.
calendar_changed = Signal()
