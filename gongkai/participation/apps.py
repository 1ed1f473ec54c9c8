from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "gongkai.participation"
    verbose_name = _("公众参与")

    def ready(self):
        from gongkai.participation import receivers_messages  # noqa: F401
