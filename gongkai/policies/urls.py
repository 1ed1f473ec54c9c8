"""Every route of the policies app, in the order Django tries them."""
from django.urls import path

from gongkai.policies.views import library, staff, staff_lists

app_name = "policies"
urlpatterns = [
    # library.py
    path("", library.home, name="library"),
    path("search/", library.search, name="search"),
    path("api/search/", library.api_search, name="api_search"),
    path("doc/<int:pk>/", library.document, name="document"),
    path("doc/<int:pk>/print/", library.print_view, name="print"),
    path("attachments/<int:pk>/", library.attachment, name="attachment"),
    path("gazette/", library.gazette, name="gazette"),
    path("enterprises/", library.enterprises, name="enterprises"),

    # staff.py
    path("staff/", staff.staff_list, name="staff_list"),
    path("staff/new/", staff.document_create, name="document_create"),
    path("staff/<int:pk>/", staff.document_detail, name="document_detail"),
    path("staff/<int:pk>/edit/", staff.document_edit, name="document_edit"),
    path("staff/<int:pk>/interpretation/", staff.interpretation_create,
         name="interpretation_create"),
    path("staff/attachments/<int:pk>/", staff.attachment_download, name="attachment_download"),

    # staff_lists.py
    path("staff/gazette/", staff_lists.gazette_list, name="gazette_list"),
    path("staff/gazette/<int:pk>/", staff_lists.gazette_edit, name="gazette_edit"),
    path("staff/enterprises/", staff_lists.enterprise_list, name="enterprise_list"),
    path("staff/enterprises/<int:pk>/", staff_lists.enterprise_edit, name="enterprise_edit"),
    path("staff/decision-counts/", staff_lists.decision_counts, name="decision_counts"),
    path("staff/stats/", staff_lists.stats, name="stats"),
]
