"""Writes of the policy library. Every write appends an audit event and keeps the
search index in step in the same transaction."""
from gongkai.policies.services.counts import decision_counts_set
from gongkai.policies.services.documents import (
    attachment_remove,
    attachments_add,
    document_amend,
    document_create,
    document_repeal,
    document_update,
)
from gongkai.policies.services.enterprises import (
    enterprise_create,
    enterprise_delete,
    enterprise_update,
)
from gongkai.policies.services.gazette import (
    gazette_add_document,
    gazette_issue_create,
    gazette_issue_update,
    gazette_remove_document,
)
from gongkai.policies.services.interpretations import interpretation_create

__all__ = [
    "attachment_remove",
    "attachments_add",
    "decision_counts_set",
    "document_amend",
    "document_create",
    "document_repeal",
    "document_update",
    "enterprise_create",
    "enterprise_delete",
    "enterprise_update",
    "gazette_add_document",
    "gazette_issue_create",
    "gazette_issue_update",
    "gazette_remove_document",
    "interpretation_create",
]
