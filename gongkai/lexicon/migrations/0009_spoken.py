"""How residents tell their situation, area by area of the services, written after 0008,
for the term the entries use (gongkai/lexicon/data/spoken.txt), by the rules of 0003:
groups the office has edited are left as they are. Reversible: undoing it removes what
it added from groups nobody edited."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.lexicon.data.seed import load_spoken

    load_spoken(apps.get_model("lexicon", "TermGroup"),
                apps.get_model("lexicon", "LexiconVersion"))


def unload(apps, schema_editor):
    from gongkai.lexicon.data.seed import unload_spoken

    unload_spoken(apps.get_model("lexicon", "TermGroup"),
                  apps.get_model("lexicon", "LexiconVersion"))


class Migration(migrations.Migration):
    dependencies = [("lexicon", "0008_told")]
    operations = [migrations.RunPython(load, unload)]
