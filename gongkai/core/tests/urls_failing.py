"""A URL whose view fails, for the 500 page's test; the site's handlers are reused."""
from django.urls import path

from config.urls import handler400, handler403, handler404, handler500  # noqa: F401


def boom(request):
    raise RuntimeError("failing on purpose")


urlpatterns = [path("boom/", boom)]
