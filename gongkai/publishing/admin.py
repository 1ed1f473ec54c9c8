"""Django admin of the publishing app: the office edits the scan's word list and the
catalog categories here. Reviews, findings and publication states are read-only: they
change only through the services (and their audit trail)."""
from django.contrib import admin

from gongkai.publishing.models import CatalogCategory, Review, SensitiveWord


@admin.register(SensitiveWord)
class SensitiveWordAdmin(admin.ModelAdmin):
    list_display = ("word", "note")
    search_fields = ("word", "note")


@admin.register(CatalogCategory)
class CatalogCategoryAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "article", "order")
    search_fields = ("code", "name")


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ("__str__", "status", "current_level", "levels_required", "submitted_at")
    list_filter = ("status",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
