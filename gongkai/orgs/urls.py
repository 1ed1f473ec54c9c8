from django.urls import path

from gongkai.orgs import views

app_name = "orgs"
urlpatterns = [
    path("units/", views.unit_list, name="unit_list"),
    path("units/new/", views.unit_create, name="unit_create"),
    path("units/<int:pk>/", views.unit_edit, name="unit_edit"),
    path("units/<int:pk>/aliases/", views.unit_alias_add, name="unit_alias_add"),
    path("units/<int:pk>/aliases/<int:alias_pk>/delete/", views.unit_alias_remove,
         name="unit_alias_remove"),
    path("units/<int:pk>/history/", views.unit_history, name="unit_history"),
    path("groups/", views.group_list, name="group_list"),
    path("groups/known/", views.group_ensure_known, name="group_ensure_known"),
    path("groups/<int:pk>/", views.group_edit, name="group_edit"),
]
