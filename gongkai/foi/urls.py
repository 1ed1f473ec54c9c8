"""Each views module owns its own ``urlpatterns``; they are joined here."""
from gongkai.foi.views import office, public, sheets, staff

app_name = "foi"
urlpatterns = [*public.urlpatterns, *staff.urlpatterns, *office.urlpatterns,
               *sheets.urlpatterns]
