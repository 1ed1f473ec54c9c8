"""The events of the policies app: policy documents, the gazette, enterprise lists and decision counts.

Each value is the audit action recorded for the event (``core.audit.record_event``,
``core.workflow.transition``) and the key of its label in ``audit_labels.py``, so
a name is written once and a typo fails at import rather than in the history.
"""
from enum import StrEnum


class PoliciesEvent(StrEnum):
    DOCUMENT_CREATED = "policies.document.created"
    DOCUMENT_UPDATED = "policies.document.updated"
    DOCUMENT_AMENDED = "policies.document.amended"
    DOCUMENT_REPEALED = "policies.document.repealed"
    DOCUMENT_MASKED = "policies.document.masked"
    DOCUMENT_ATTACHMENTS_ADDED = "policies.document.attachments_added"
    DOCUMENT_ATTACHMENT_REMOVED = "policies.document.attachment_removed"
    DOCUMENT_IMPORTED = "policies.document.imported"
    DOCUMENT_IMPORTED_PUBLISHED = "policies.document.imported_published"
    GAZETTE_CREATED = "policies.gazette.created"
    GAZETTE_UPDATED = "policies.gazette.updated"
    GAZETTE_DOCUMENT_ADDED = "policies.gazette.document_added"
    GAZETTE_DOCUMENT_REMOVED = "policies.gazette.document_removed"
    ENTERPRISE_CREATED = "policies.enterprise.created"
    ENTERPRISE_UPDATED = "policies.enterprise.updated"
    ENTERPRISE_DELETED = "policies.enterprise.deleted"
    DECISION_COUNTS_SET = "policies.decision_counts.set"
