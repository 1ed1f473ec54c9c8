"""Any saved or deleted entry or synonym gives the library a new version stamp, so the
in-memory index of every process is rebuilt before its next question. Signals rather
than calls in each service: the publishing review moves entries through its own
services, which know nothing of the index."""
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from gongkai.qa.models import QaEntry, Synonym
from gongkai.qa.services.settings import index_version_bump


@receiver(post_save, sender=QaEntry, dispatch_uid="qa_entry_saved")
@receiver(post_delete, sender=QaEntry, dispatch_uid="qa_entry_deleted")
@receiver(post_save, sender=Synonym, dispatch_uid="qa_synonym_saved")
@receiver(post_delete, sender=Synonym, dispatch_uid="qa_synonym_deleted")
def library_changed(sender, **kwargs) -> None:
    index_version_bump()


@receiver(m2m_changed, sender=QaEntry.audience_units.through, dispatch_uid="qa_audience")
def audience_changed(sender, **kwargs) -> None:
    index_version_bump()
