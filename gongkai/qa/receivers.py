"""The index follows the library: a saved entry is indexed or taken out (published for
the public or not), in the same transaction; a deleted one is taken out before its rows
go. Signals rather than calls in each service: the publishing review moves entries
through its own services, which know nothing of the index."""
from django.db.models.signals import m2m_changed, post_save, pre_delete
from django.dispatch import receiver

from gongkai.qa.models import QaEntry
from gongkai.qa.retrieval.store import index_entry_remove
from gongkai.qa.services.answering import entry_index_sync


@receiver(post_save, sender=QaEntry, dispatch_uid="qa_entry_saved")
def entry_saved(sender, instance: QaEntry, raw: bool = False, **kwargs) -> None:
    if not raw:
        entry_index_sync(entry_id=instance.pk)


@receiver(pre_delete, sender=QaEntry, dispatch_uid="qa_entry_deleted")
def entry_deleted(sender, instance: QaEntry, **kwargs) -> None:
    index_entry_remove(instance.pk)


@receiver(m2m_changed, sender=QaEntry.audience_units.through, dispatch_uid="qa_audience")
def audience_changed(sender, instance, action: str = "", **kwargs) -> None:
    if action.startswith("post_") and isinstance(instance, QaEntry):
        entry_index_sync(entry_id=instance.pk)
