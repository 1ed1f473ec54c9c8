"""Every route of the websites app, in the order Django tries them."""
from django.urls import path

from gongkai.websites.views import register, rules, spot

app_name = "websites"
urlpatterns = [
    # register.py
    path("", register.register, name="register"),
    path("export.xlsx", register.register_export, name="register_export"),
    path("import/", register.register_import_view, name="register_import"),
    path("sites/new/", register.website_form, name="website_create"),
    path("sites/<int:pk>/", register.website_detail, name="website"),
    path("sites/<int:pk>/edit/", register.website_form, name="website_edit"),
    path("sites/<int:pk>/move/", register.website_move, name="website_move"),
    path("sites/<int:pk>/check/", register.website_check_now, name="website_check"),
    path("sites/<int:pk>/columns/", register.column_add, name="column_add"),
    path("sites/<int:pk>/columns/<int:column_pk>/toggle/", register.column_toggle,
         name="column_toggle"),
    path("accounts/new/", register.account_form, name="account_create"),
    path("accounts/<int:pk>/", register.account_detail, name="account"),
    path("accounts/<int:pk>/edit/", register.account_form, name="account_edit"),
    path("accounts/<int:pk>/move/", register.account_move, name="account_move"),

    # spot.py
    path("spot/", spot.spot_list, name="spot_list"),
    path("spot/<int:pk>/", spot.spot_detail, name="spot"),
    path("spot/<int:pk>/findings/", spot.finding_add, name="finding_add"),
    path("spot/<int:pk>/findings/<int:finding_pk>/review/", spot.finding_review,
         name="finding_review"),
    path("spot/<int:pk>/media/<int:account_pk>/", spot.media_check, name="media_check"),
    path("spot/<int:pk>/notices/", spot.notices_issue, name="notices_issue"),
    path("spot/<int:pk>/close/", spot.spot_close, name="spot_close"),
    path("spot/<int:pk>/situation.xlsx", spot.spot_document, {"kind": "situation"},
         name="spot_situation"),
    path("spot/<int:pk>/bulletin.docx", spot.spot_document, {"kind": "bulletin"},
         name="spot_bulletin"),
    path("rectifications/", spot.rectification_list, name="rectifications"),
    path("rectifications/<int:pk>/", spot.rectification_detail, name="rectification"),
    path("rectifications/<int:pk>/decide/", spot.rectification_decide, name="rectification_decide"),
    path("files/<str:kind>/<int:pk>/", spot.download, name="download"),

    # rules.py
    path("rules/", rules.rules_page, name="rules"),
]
