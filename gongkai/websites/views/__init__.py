"""Pages of the websites module; each views module owns its ``urlpatterns``."""
