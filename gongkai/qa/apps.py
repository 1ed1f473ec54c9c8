from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QaConfig(AppConfig):
    name = "gongkai.qa"
    verbose_name = _("政策问答")

    def ready(self) -> None:
        from gongkai.qa import receivers  # noqa: F401 — connects the signal receivers
