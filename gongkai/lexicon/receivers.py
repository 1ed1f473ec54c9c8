"""Any saved or deleted group gives the lexicon a new stamp, so every process's cached
copy is replaced before its next query (the admin site and bulk loads included)."""
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from gongkai.lexicon.models import TermGroup
from gongkai.lexicon.services import lexicon_version_bump


@receiver(post_save, sender=TermGroup, dispatch_uid="lexicon_group_saved")
@receiver(post_delete, sender=TermGroup, dispatch_uid="lexicon_group_deleted")
def lexicon_changed(sender, **kwargs) -> None:
    lexicon_version_bump()
