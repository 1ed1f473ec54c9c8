"""Every route of the publishing app, in the order Django tries them."""
from django.urls import path

from gongkai.publishing.views import catalog, review

app_name = "publishing"
urlpatterns = [
    # review.py
    path("review/", review.desk, name="review_desk"),
    path("review/<int:pk>/", review.review_item, name="review_item"),
    path("findings/<int:pk>/", review.finding_action, name="finding_action"),

    # catalog.py
    path("catalog/", catalog.catalog, name="catalog"),
    path("catalog/items/new/", catalog.catalog_item_edit, name="catalog_item_new"),
    path("catalog/items/<int:pk>/", catalog.catalog_item_edit, name="catalog_item_edit"),
    path("catalog/public/<int:unit_id>/", catalog.catalog_public, name="catalog_public"),
    path("routes/", catalog.routes, name="routes"),
]
