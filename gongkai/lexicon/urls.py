"""Every route of the lexicon app."""
from django.urls import path

from gongkai.lexicon import views

app_name = "lexicon"
urlpatterns = [
    path("", views.group_list, name="list"),
    path("new/", views.group_new, name="new"),
    path("export/", views.group_export, name="export"),
    path("import/", views.group_import, name="import"),
    path("<int:pk>/edit/", views.group_edit, name="edit"),
    path("<int:pk>/delete/", views.group_delete, name="delete"),
]
