from django.contrib import admin

from gongkai.core.login_guard import ThrottledAdminAuthenticationForm
from gongkai.core.models import AuditEvent, LoginAttempt

# The admin login is throttled and audited like the staff login.
admin.site.login_form = ThrottledAdminAuthenticationForm


@admin.register(LoginAttempt)
class LoginAttemptAdmin(admin.ModelAdmin):
    list_display = ["at", "username", "address", "succeeded", "throttled", "path"]
    list_filter = ["succeeded", "throttled"]
    search_fields = ["username", "address"]
    readonly_fields = [f.name for f in LoginAttempt._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "action", "actor", "content_type", "object_id"]
    list_filter = ["action", "content_type"]
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
