"""Each views module owns its own ``urlpatterns``; they are joined here."""
from gongkai.plans.views import dashboards, importing, ledger, reports, review_batch, sheets

app_name = "plans"
urlpatterns = [
    *importing.urlpatterns,
    *ledger.urlpatterns,
    *reports.urlpatterns,
    *review_batch.urlpatterns,
    *sheets.urlpatterns,
    *dashboards.urlpatterns,
]
