"""Each views module owns its own ``urlpatterns``; they are joined here."""
from gongkai.websites.views import register, rules, spot

app_name = "websites"
urlpatterns = [*register.urlpatterns, *spot.urlpatterns, *rules.urlpatterns]
