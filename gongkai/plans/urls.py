"""Every route of the plans app, in the order Django tries them."""
from django.urls import path

from gongkai.plans.views import (
    dashboards,
    importing,
    ledger,
    reports,
    review,
    review_batch,
    sheets,
)

app_name = "plans"
urlpatterns = [
    # importing.py
    path("import/", importing.import_upload, name="import"),
    path("import/preview/", importing.import_preview, name="import_preview"),
    path("import/map/", importing.import_map, name="import_map"),
    path("import/new-unit/", importing.import_new_unit, name="import_new_unit"),
    path("import/year/", importing.import_year, name="import_year"),
    path("import/units/", importing.import_units, name="import_units"),
    path("import/confirm/", importing.import_confirm, name="import_confirm"),
    path("import/<int:year>/look-back/", importing.import_look_back, name="import_look_back"),

    # ledger.py
    path("ledger/", ledger.ledger, name="ledger"),
    path("ledger/export.xlsx", ledger.ledger_export, name="ledger_export"),
    path("ledger/breakdown/<int:pk>/", ledger.breakdown_edit, name="breakdown_edit"),
    path("ledger/template.xlsx", ledger.breakdown_template, name="breakdown_template"),
    path("ledger/upload/", ledger.breakdown_upload, name="breakdown_upload"),

    # reports.py
    path("reports/<int:assignment_id>/<int:period_id>/", reports.report_edit, name="report_edit"),
    path("reports/<int:pk>/", reports.report_detail, name="report_detail"),
    path("evidence/<int:pk>/download/", reports.evidence_download, name="evidence_download"),
    path("evidence/<int:pk>/snapshot/", reports.evidence_snapshot, name="evidence_snapshot"),

    # review.py
    path("review/", review.review_queue, name="review_queue"),
    path("review/<int:pk>/", review.report_review, name="report_review"),
    path("dead-links/", review.dead_links, name="dead_links"),
    path("scores/", review.scores, name="scores"),
    path("notices/", review.notice_list, name="notice_list"),
    path("notices/generate/", review.notice_generate, name="notice_generate"),
    path("notices/<int:pk>/download/", review.notice_download, name="notice_download"),

    # review_batch.py
    path("review/batch/", review_batch.review_batch, name="review_batch"),
    path("review/export.xlsx", review_batch.review_export, name="review_export"),

    # sheets.py
    path("scores/export.xlsx", sheets.scores_export, name="scores_export"),
    path("progress/export.xlsx", sheets.progress_export, name="progress_export"),
    path("matrix/export.xlsx", sheets.matrix_export, name="matrix_export"),

    # dashboards.py
    path("matrix/", dashboards.matrix_view, name="matrix"),
    path("progress/", dashboards.progress_view, name="progress"),
    path("todo/", dashboards.todo_view, name="todo"),
]
