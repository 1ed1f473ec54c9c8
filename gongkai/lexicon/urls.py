from gongkai.lexicon.views import urlpatterns  # noqa: F401 — the app's URLs

app_name = "lexicon"
