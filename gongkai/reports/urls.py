"""Every route of the reports app, in the order Django tries them."""
from django.urls import path

from gongkai.reports.views import annual, assessment, indicators, records

app_name = "reports"
urlpatterns = [
    # indicators.py
    path("links/", indicators.links, name="links"),
    path("indicators/<str:key>/records/", indicators.records, name="records"),

    # records.py
    path("records/", records.record_list, name="record_list"),
    path("records/files/<int:pk>/", records.record_file, name="record_file"),

    # assessment.py
    path("assessment/", assessment.assessment_page, name="assessment"),
    path("assessment/change/", assessment.assessment_change, name="assessment_change"),
    path("assessment/notices/<int:pk>/", assessment.notice, name="notice"),
    path("assessment/notices/<int:pk>/docx/", assessment.notice_download, name="notice_docx"),

    # annual.py
    path("annual/", annual.annual_list, name="annual_list"),
    path("annual/generate/", annual.annual_generate, name="annual_generate"),
    path("annual/<int:pk>/", annual.annual_edit, name="annual_edit"),
    path("annual/<int:pk>/docx/", annual.annual_docx, name="annual_docx"),
    path("public/annual/", annual.annual_public_list, name="annual_public_list"),
    path("public/annual/<int:pk>/", annual.annual_public, name="annual_public"),
    path("public/annual/<int:pk>/docx/", annual.annual_public_docx, name="annual_public_docx"),
]
