from django.contrib import admin

from gongkai.workdays.models import CalendarYear, SpecialDay
from gongkai.workdays.services import special_day_set


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    list_display = ["year", "source", "loaded_at"]
    readonly_fields = ["loaded_at"]


@admin.register(SpecialDay)
class SpecialDayAdmin(admin.ModelAdmin):
    """Edits go through the service so that open due dates are recomputed."""

    list_display = ["date", "is_workday", "name"]
    list_filter = ["is_workday"]
    date_hierarchy = "date"

    def save_model(self, request, obj, form, change):
        if change and "date" in form.changed_data:
            special_day_set(date=form.initial["date"], is_workday=None, actor=request.user)
        special_day_set(date=obj.date, is_workday=obj.is_workday, name=obj.name,
                        actor=request.user)
        stored = SpecialDay.objects.filter(date=obj.date).first()
        obj.pk = stored.pk if stored else obj.pk

    def delete_model(self, request, obj):
        special_day_set(date=obj.date, is_workday=None, actor=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)
