"""Each views module owns its own ``urlpatterns``; they are joined here."""
from gongkai.policies.views import library, staff

app_name = "policies"
urlpatterns = [*library.urlpatterns, *staff.urlpatterns]
