from django.contrib import admin
from django.urls import include, path

from gongkai.core.health import healthz
from gongkai.core.i18n import switch_language

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("lang/<str:code>/", switch_language, name="set_language"),
    path("accounts/", include("gongkai.orgs.auth_urls")),
    path("notifications/", include("gongkai.core.notifications.urls")),
    path("orgs/", include("gongkai.orgs.urls")),
    path("plans/", include("gongkai.plans.urls")),
    path("foi/", include("gongkai.foi.urls")),
    path("policies/", include("gongkai.policies.urls")),
    path("publishing/", include("gongkai.publishing.urls")),
    path("participation/", include("gongkai.participation.urls")),
    path("qa/", include("gongkai.qa.urls")),
    path("websites/", include("gongkai.websites.urls")),
    path("reports/", include("gongkai.reports.urls")),
    path("lexicon/", include("gongkai.lexicon.urls")),
    path("calendar/", include("gongkai.workdays.urls")),
    path("", include("gongkai.portal.urls")),
]

handler400 = "gongkai.core.error_views.bad_request"
handler403 = "gongkai.core.error_views.permission_denied"
handler404 = "gongkai.core.error_views.page_not_found"
handler500 = "gongkai.core.error_views.server_error"
