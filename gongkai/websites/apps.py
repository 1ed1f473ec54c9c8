from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsitesConfig(AppConfig):
    name = "gongkai.websites"
    verbose_name = _("政府网站与政务新媒体")
