from django.contrib import admin

from gongkai.websites.models import CheckRule, Column, NewMediaAccount, Website


@admin.register(Website)
class WebsiteAdmin(admin.ModelAdmin):
    list_display = ["name", "url", "unit", "status"]
    list_filter = ["status", "on_platform"]
    readonly_fields = ["status", "closed_on"]  # changed only through the workflow


@admin.register(NewMediaAccount)
class AccountAdmin(admin.ModelAdmin):
    list_display = ["name", "platform", "account_id", "unit", "status"]
    readonly_fields = ["status", "closed_on", "end_requested"]


admin.site.register(Column)
admin.site.register(CheckRule)
