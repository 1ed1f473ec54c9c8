import django.db.models.deletion
from django.db import migrations, models


def forwards(apps, schema_editor):
    from gongkai.core.audit_guard import install_delete_guard

    install_delete_guard(schema_editor.connection)


def backwards(apps, schema_editor):
    from gongkai.core.audit_guard import remove_delete_guard

    remove_delete_guard(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0003_rate_counter_login_attempt'),
    ]

    operations = [
        migrations.AlterField(
            model_name='auditevent',
            name='content_type',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='contenttypes.contenttype'),
        ),
        migrations.RunPython(forwards, backwards),
    ]
