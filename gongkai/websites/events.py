"""The events of the websites app: the register of websites and new-media accounts, spot checks and rectifications.

Each value is the audit action recorded for the event (``core.audit.record_event``,
``core.workflow.transition``) and the key of its label in ``audit_labels.py``, so
a name is written once and a typo fails at import rather than in the history.
"""
from enum import StrEnum


class WebsitesEvent(StrEnum):
    WEBSITE_REGISTERED = "websites.website.registered"
    WEBSITE_UPDATED = "websites.website.updated"
    WEBSITE_APPROVED = "websites.website.approved"
    WEBSITE_REJECTED = "websites.website.rejected"
    WEBSITE_MIGRATION_STARTED = "websites.website.migration_started"
    WEBSITE_MIGRATION_FINISHED = "websites.website.migration_finished"
    WEBSITE_CLOSE_REQUESTED = "websites.website.close_requested"
    WEBSITE_CLOSED = "websites.website.closed"
    WEBSITE_CLOSE_REFUSED = "websites.website.close_refused"
    WEBSITE_CHECKED = "websites.website.checked"
    COLUMN_SAVED = "websites.column.saved"
    ACCOUNT_FILED = "websites.account.filed"
    ACCOUNT_UPDATED = "websites.account.updated"
    ACCOUNT_OWNER_CHANGED = "websites.account.owner_changed"
    ACCOUNT_FILING_ACCEPTED = "websites.account.filing_accepted"
    ACCOUNT_FILING_REFUSED = "websites.account.filing_refused"
    ACCOUNT_END_FILED = "websites.account.end_filed"
    ACCOUNT_MERGED = "websites.account.merged"
    ACCOUNT_CLOSED = "websites.account.closed"
    ACCOUNT_DEREGISTERED = "websites.account.deregistered"
    ACCOUNT_END_REFUSED = "websites.account.end_refused"
    ACCOUNT_CHECKED = "websites.account.checked"
    SPOT_CHECK_SAMPLED = "websites.spot_check.sampled"
    SPOT_CHECK_NOTIFIED = "websites.spot_check.notified"
    SPOT_CHECK_CLOSED = "websites.spot_check.closed"
    FINDING_CONFIRMED = "websites.finding.confirmed"
    FINDING_DISMISSED = "websites.finding.dismissed"
    FINDING_RECORDED = "websites.finding.recorded"
    RECTIFICATION_ISSUED = "websites.rectification.issued"
    RECTIFICATION_ANSWERED = "websites.rectification.answered"
    RECTIFICATION_VERIFIED = "websites.rectification.verified"
    RECTIFICATION_RETURNED = "websites.rectification.returned"
    RULES_CHANGED = "websites.rules.changed"
