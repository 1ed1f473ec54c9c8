from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "gongkai.portal"
    verbose_name = _("门户")

    def ready(self):
        from gongkai.portal import signals

        signals.connect()
