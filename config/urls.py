from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("gongkai.orgs.auth_urls")),
    path("orgs/", include("gongkai.orgs.urls")),
    path("plans/", include("gongkai.plans.urls")),
    path("foi/", include("gongkai.foi.urls")),
    path("policies/", include("gongkai.policies.urls")),
    path("publishing/", include("gongkai.publishing.urls")),
    path("participation/", include("gongkai.participation.urls")),
    path("qa/", include("gongkai.qa.urls")),
    path("lexicon/", include("gongkai.lexicon.urls")),
    path("calendar/", include("gongkai.workdays.views")),
    path("", include("gongkai.portal.urls")),
]
