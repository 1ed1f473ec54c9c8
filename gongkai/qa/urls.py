"""Each views module owns its own ``urlpatterns``; they are joined here."""
from gongkai.qa.views import public, staff

app_name = "qa"
urlpatterns = [*public.urlpatterns, *staff.urlpatterns]
