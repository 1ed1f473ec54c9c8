"""The events of the participation app: consultations and their comments, decision meetings and sign-ups, leader messages and policy responses.

Each value is the audit action recorded for the event (``core.audit.record_event``,
``core.workflow.transition``) and the key of its label in ``audit_labels.py``, so
a name is written once and a typo fails at import rather than in the history.
"""
from enum import StrEnum


class ParticipationEvent(StrEnum):
    MESSAGE_RECEIVED = "participation.message.received"
    MESSAGE_ASSIGNED = "participation.message.assigned"
    MESSAGE_TRANSFERRED = "participation.message.transferred"
    MESSAGE_RETURNED_TO_OFFICE = "participation.message.returned_to_office"
    MESSAGE_REJECTED = "participation.message.rejected"
    MESSAGE_REPLY_DRAFTED = "participation.message.reply_drafted"
    MESSAGE_REPLY_CHANGED = "participation.message.reply_changed"
    MESSAGE_REPLY_SUBMITTED = "participation.message.reply_submitted"
    MESSAGE_REPLY_RETURNED = "participation.message.reply_returned"
    MESSAGE_PUBLISHED = "participation.message.published"
    MESSAGE_CLOSED_PRIVATE = "participation.message.closed_private"
    MESSAGE_DUE_RECOMPUTED = "participation.message.due_recomputed"
    POLICY_RESPONSE_CREATED = "participation.policy_response.created"
    POLICY_RESPONSE_CHANGED = "participation.policy_response.changed"
    CONSULTATION_CREATED = "participation.consultation.created"
    CONSULTATION_UPDATED = "participation.consultation.updated"
    CONSULTATION_ARTICLES_SPLIT = "participation.consultation.articles_split"
    CONSULTATION_ARTICLE_EDITED = "participation.consultation.article_edited"
    CONSULTATION_ATTACHMENT_ADDED = "participation.consultation.attachment_added"
    CONSULTATION_ATTACHMENT_REMOVED = "participation.consultation.attachment_removed"
    CONSULTATION_COMMENTS_REGROUPED = "participation.consultation.comments_regrouped"
    COMMENT_RECEIVED = "participation.comment.received"
    COMMENT_DECIDED = "participation.comment.decided"
    COMMENT_REVISED = "participation.comment.revised"
    FEEDBACK_GENERATED = "participation.feedback.generated"
    FEEDBACK_REGENERATED = "participation.feedback.regenerated"
    MEETING_CREATED = "participation.meeting.created"
    MEETING_UPDATED = "participation.meeting.updated"
    MEETING_ANNOUNCED = "participation.meeting.announced"
    MEETING_HELD = "participation.meeting.held"
    MEETING_CANCELLED = "participation.meeting.cancelled"
    MEETING_REPRESENTATIVE_ADDED = "participation.meeting.representative_added"
    MEETING_REPRESENTATIVE_REMOVED = "participation.meeting.representative_removed"
    SIGNUP_RECEIVED = "participation.signup.received"
    SIGNUP_SELECTED = "participation.signup.selected"
    SIGNUP_NOT_SELECTED = "participation.signup.not_selected"
