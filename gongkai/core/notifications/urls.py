from django.urls import path

from gongkai.core.notifications import views

app_name = "core"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<str:pk>/read/", views.mark_read, name="notification_read"),
    path("<str:pk>/open/", views.open_one, name="notification_open"),
    path("read-all/", views.mark_all_read, name="notifications_read_all"),
    path("digest/", views.digest_choice, name="notification_digest"),
]
