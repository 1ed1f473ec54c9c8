"""Years loaded before the holiday names were mapped carry the package's English names
and its name as their source: rewrite them in Chinese (issue 13)."""
from django.db import migrations

from gongkai.workdays.holiday_names import NOTICE_SOURCE, chinese_name


def forwards(apps, schema_editor):
    SpecialDay = apps.get_model("workdays", "SpecialDay")
    CalendarYear = apps.get_model("workdays", "CalendarYear")
    for day in SpecialDay.objects.all():
        name = chinese_name(day.name)
        if name != day.name:
            day.name = name
            day.save(update_fields=["name"])
    CalendarYear.objects.filter(source__contains="chinese-calendar").update(source=NOTICE_SOURCE)


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
