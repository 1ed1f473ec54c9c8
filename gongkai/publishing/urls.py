"""Each views module owns its own ``urlpatterns``; they are joined here."""
from gongkai.publishing.views import catalog, review

app_name = "publishing"
urlpatterns = [*review.urlpatterns, *catalog.urlpatterns]
