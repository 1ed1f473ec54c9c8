from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FoiConfig(AppConfig):
    name = "gongkai.foi"
    verbose_name = _("依申请公开")

    def ready(self) -> None:
        from gongkai.foi import receivers  # noqa: F401  (connects the signal receivers)
