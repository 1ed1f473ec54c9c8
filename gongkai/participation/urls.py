"""Each views module owns its own ``urlpatterns``; they are joined here."""
from gongkai.participation.views import consultations, meetings, messages

app_name = "participation"
urlpatterns = [*consultations.urlpatterns, *meetings.urlpatterns, *messages.urlpatterns]
