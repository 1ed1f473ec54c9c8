"""Domain events of the plans app. ``PlansEvent`` names every audit action of the app;
``report_decided`` (returned, passed) is sent after the transaction that made it
commits, so a listener never hears of a change that was rolled back and may do its own
work (notifications, mail) in a transaction of its own.

(``signals.report_passed`` stays: it is sent inside the transaction, for receivers whose
writes must commit or roll back with the decision.)
"""
from enum import StrEnum

from django.dispatch import Signal


class PlansEvent(StrEnum):
    REPORT_RETURNED = "plans.report.returned"
    REPORT_PASSED = "plans.report.passed"
    PLAN_IMPORTED = "plans.plan.imported"
    PLAN_ASSIGNED = "plans.plan.assigned"
    PLAN_FOLLOW_UPS_CREATED = "plans.plan.follow_ups_created"
    FOLLOW_UP_CREATED = "plans.follow_up.created"
    ASSIGNMENT_BREAKDOWN_UPDATED = "plans.assignment.breakdown_updated"
    BREAKDOWNS_IMPORTED = "plans.breakdowns.imported"
    REPORT_DRAFT_SAVED = "plans.report.draft_saved"
    REPORT_SUBMITTED = "plans.report.submitted"
    REPORT_RESUBMITTED = "plans.report.resubmitted"
    EVIDENCE_ADDED = "plans.evidence.added"
    EVIDENCE_REMOVED = "plans.evidence.removed"
    EVIDENCE_CHECKED = "plans.evidence.checked"
    NOTICE_GENERATED = "plans.notice.generated"
    SCORING_RULE_UPDATED = "plans.scoring_rule.updated"


# kwargs: event (PlansEvent), report, actor, comment, return_count (as it was at the
# decision: the report row may have moved on by the time the commit comes).
report_decided = Signal()
