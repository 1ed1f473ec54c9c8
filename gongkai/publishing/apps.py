from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "gongkai.publishing"
    verbose_name = _("发布审核与主动公开")

    def ready(self) -> None:
        from gongkai.publishing import receivers  # noqa: F401  (connects the receivers)
