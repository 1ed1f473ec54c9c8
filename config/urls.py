from django.contrib import admin
from django.urls import include, path

from gongkai.core.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
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
    path("calendar/", include("gongkai.workdays.views")),
    path("", include("gongkai.portal.urls")),
]
