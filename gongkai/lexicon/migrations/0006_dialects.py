"""The dialects' everyday words, for the word the services use
(gongkai/lexicon/data/dialects.txt), by the rules of 0003: groups the office has edited
are left as they are. Reversible: undoing it removes what it added from groups nobody
edited."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.lexicon.data.seed import load_dialects

    load_dialects(apps.get_model("lexicon", "TermGroup"),
                  apps.get_model("lexicon", "LexiconVersion"))


def unload(apps, schema_editor):
    from gongkai.lexicon.data.seed import unload_dialects

    unload_dialects(apps.get_model("lexicon", "TermGroup"),
                    apps.get_model("lexicon", "LexiconVersion"))


class Migration(migrations.Migration):
    dependencies = [("lexicon", "0005_daily")]
    operations = [migrations.RunPython(load, unload)]
