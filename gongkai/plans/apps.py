from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "gongkai.plans"
    verbose_name = _("工作要点分工方案")
