"""Every route of the workdays app (the office's working-day calendar)."""
from django.urls import path

from gongkai.workdays import views

app_name = "workdays"
urlpatterns = [path("", views.calendar, name="calendar")]
