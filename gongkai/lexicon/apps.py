from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LexiconConfig(AppConfig):
    name = "gongkai.lexicon"
    verbose_name = _("同义词词库")

    def ready(self) -> None:
        from gongkai.lexicon import receivers  # noqa: F401 — connects the signal receivers
