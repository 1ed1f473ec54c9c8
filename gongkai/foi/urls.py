"""Every route of the foi app, in the order Django tries them."""
from django.urls import path

from gongkai.foi.views import office, public, sheets, staff

app_name = "foi"
urlpatterns = [
    # public.py
    path("apply/", public.apply, name="apply"),
    path("apply/receipt/", public.receipt, name="receipt"),
    path("track/", public.track, name="track"),
    path("track/<int:pk>/", public.track_application, name="track_application"),
    path("letters/<int:pk>/download/", public.letter_download, name="letter_download"),
    path("attachments/<int:pk>/download/", public.attachment_download, name="attachment_download"),

    # staff.py
    path("staff/", staff.staff_list, name="staff_list"),
    path("staff/register/", staff.register, name="register"),
    path("staff/fees/", staff.fee_calculator, name="fee_calculator"),
    path("staff/<int:pk>/", staff.application_detail, name="application_detail"),
    # The office overview links here by this name.
    path("staff/<int:pk>/", staff.application_detail, name="staff_detail"),
    path("staff/<int:pk>/action/<slug:name>/", staff.action, name="action"),
    path("staff/<int:pk>/co-answer/", staff.co_handling_answer_view, name="co_handling_answer"),
    path("staff/<int:pk>/letters/", staff.letter_create, name="letter_create"),
    path("staff/<int:pk>/letters/<int:letter_pk>/", staff.letter_file, name="letter_file"),
    path("staff/<int:pk>/letters/<int:letter_pk>/pdf/", staff.letter_file, {"fmt": "pdf"},
         name="letter_pdf"),

    # office.py
    path("office/", office.office_overview, name="office_overview"),
    path("stats/", office.stats, name="stats"),
    path("applications/<int:pk>/appeals/", office.appeal_add, name="appeal_add"),
    path("appeals/<int:pk>/decide/", office.appeal_decide_view, name="appeal_decide"),

    # sheets.py
    path("office/export.xlsx", sheets.office_overview_export, name="office_overview_export"),
    path("staff/export.xlsx", sheets.staff_list_export, name="staff_list_export"),
]
