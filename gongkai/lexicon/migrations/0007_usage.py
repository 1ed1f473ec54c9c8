"""The words of Taiwan, Hong Kong and Macao and everyday phrases written after 0006, for
the word the services use here (gongkai/lexicon/data/usage.txt), by the rules of 0003: groups the office has edited
are left as they are. Reversible: undoing it removes what it added from groups nobody
edited."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.lexicon.data.seed import load_usage

    load_usage(apps.get_model("lexicon", "TermGroup"),
                  apps.get_model("lexicon", "LexiconVersion"))


def unload(apps, schema_editor):
    from gongkai.lexicon.data.seed import unload_usage

    unload_usage(apps.get_model("lexicon", "TermGroup"),
                    apps.get_model("lexicon", "LexiconVersion"))


class Migration(migrations.Migration):
    dependencies = [("lexicon", "0006_dialects")]
    operations = [migrations.RunPython(load, unload)]
