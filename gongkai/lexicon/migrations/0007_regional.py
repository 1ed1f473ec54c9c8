"""The words of Taiwan, Hong Kong and Macao for the word the services use here
(gongkai/lexicon/data/regional.txt), by the rules of 0003: groups the office has edited
are left as they are. Reversible: undoing it removes what it added from groups nobody
edited."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.lexicon.data.seed import load_regional

    load_regional(apps.get_model("lexicon", "TermGroup"),
                  apps.get_model("lexicon", "LexiconVersion"))


def unload(apps, schema_editor):
    from gongkai.lexicon.data.seed import unload_regional

    unload_regional(apps.get_model("lexicon", "TermGroup"),
                    apps.get_model("lexicon", "LexiconVersion"))


class Migration(migrations.Migration):
    dependencies = [("lexicon", "0006_dialects")]
    operations = [migrations.RunPython(load, unload)]
