"""Signal receivers: keep the search index free of deleted documents, however they
were deleted (a cascade from their document, the admin)."""


def document_deleted(sender, instance, **kwargs) -> None:
    from gongkai.policies.search import unindex_document

    unindex_document(instance.pk)
