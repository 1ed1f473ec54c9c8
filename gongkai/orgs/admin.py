"""Django admin for units, groups and users. Day-to-day registry work happens on the
registry pages; the admin is for the office's occasional repairs, and unit changes
made here still leave an audit event."""
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from gongkai.core.audit import record_event
from gongkai.orgs.events import OrgsEvent
from gongkai.orgs.models import Unit, UnitAlias, UnitGroup, User


class UnitAliasInline(admin.TabularInline):
    model = UnitAlias
    extra = 1
    fields = ["name"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "category", "is_active", "is_office", "sort_order"]
    list_filter = ["category", "is_active", "is_office"]
    list_editable = ["sort_order"]
    search_fields = ["name", "short_name", "aliases__name"]
    inlines = [UnitAliasInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if form.changed_data or not change:
            action = OrgsEvent.UNIT_UPDATED if change else OrgsEvent.UNIT_CREATED
            record_event(obj=obj, action=action,
                         actor=request.user,
                         details={"fields": form.changed_data, "source": "admin"})


@admin.register(UnitGroup)
class UnitGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "description"]
    search_fields = ["name"]
    filter_horizontal = ["members"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "display_name", "role", "unit", "is_active", "last_login"]
    list_filter = ["role", "unit__category", "is_active", "unit"]
    search_fields = ["username", "display_name", "unit__name"]
    autocomplete_fields = ["unit"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("身份与单位"), {"fields": ["display_name", "role", "unit", "phone", "email"]}),
        (_("权限"), {"fields": ["is_active", "is_staff", "is_superuser", "groups",
                              "user_permissions"]}),
        (_("重要日期"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"],
                "fields": ["username", "display_name", "role", "unit", "usable_password",
                           "password1", "password2"]}),
    ]
