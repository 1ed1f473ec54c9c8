"""What residents call things in daily life, for the word the services use
(gongkai/lexicon/data/daily.txt), by the rules of 0003: groups the office has edited
are left as they are. Reversible: undoing it removes what it added from groups nobody
edited."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.lexicon.data.seed import load_daily

    load_daily(apps.get_model("lexicon", "TermGroup"),
               apps.get_model("lexicon", "LexiconVersion"))


def unload(apps, schema_editor):
    from gongkai.lexicon.data.seed import unload_daily

    unload_daily(apps.get_model("lexicon", "TermGroup"),
                 apps.get_model("lexicon", "LexiconVersion"))


class Migration(migrations.Migration):
    dependencies = [("lexicon", "0004_situations")]
    operations = [migrations.RunPython(load, unload)]
