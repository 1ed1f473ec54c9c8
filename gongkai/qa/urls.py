"""Every route of the qa app, in the order Django tries them."""
from django.urls import path

from gongkai.qa.views import learn, public, staff

app_name = "qa"
urlpatterns = [
    # public.py
    path("", public.ask, name="ask"),
    path("entry/<int:pk>/", public.entry, name="entry"),
    path("rate/", public.rate, name="rate"),

    # staff.py
    path("staff/", staff.entries, name="staff_entries"),
    path("staff/new/", staff.entry_new, name="staff_entry_new"),
    path("staff/<int:pk>/", staff.entry_detail, name="staff_entry"),
    path("staff/<int:pk>/edit/", staff.entry_edit, name="staff_entry_edit"),
    path("staff/<int:pk>/submit/", staff.entry_submit_view, name="staff_entry_submit"),
    path("staff/import/", staff.import_entries, name="staff_import"),
    path("staff/import/template.xlsx", staff.import_template_download,
         name="staff_import_template"),
    path("staff/test/", staff.test_question, name="staff_test"),
    path("staff/tuning/", staff.tuning, name="staff_tuning"),
    path("staff/pending/", staff.pending_list, name="staff_pending"),
    path("staff/pending/<int:pk>/", staff.pending_action, name="staff_pending_action"),
    path("staff/pending/<int:pk>/learn/", learn.pending_learn, name="staff_pending_learn"),
    path("staff/stats/", staff.statistics, name="staff_stats"),
]
