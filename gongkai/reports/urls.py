"""Each views module owns its own ``urlpatterns``; they are joined here."""
from gongkai.reports.views import annual, assessment, indicators, records

app_name = "reports"
urlpatterns = [
    *indicators.urlpatterns,
    *records.urlpatterns,
    *assessment.urlpatterns,
    *annual.urlpatterns,
]
