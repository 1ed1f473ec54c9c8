from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "gongkai.plans"
    verbose_name = _("工作要点分工方案")

    def ready(self) -> None:
        from gongkai.plans import receivers  # noqa: F401  (connects the signal receivers)
