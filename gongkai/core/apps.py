from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "gongkai.core"
    verbose_name = _("基础")

    def ready(self):
        from django.contrib.admin.models import LogEntry
        from django.db.models.signals import post_save

        from gongkai.core.audit import record_admin_entry

        # Every change made in Django's admin joins the platform's own audit trail.
        post_save.connect(record_admin_entry, sender=LogEntry,
                          dispatch_uid="gongkai.core.admin_audit")
