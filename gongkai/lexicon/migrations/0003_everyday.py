"""The everyday words of each area of the district's services
(gongkai/lexicon/data/everyday.txt). Runs after the policy search's groups (policies
0005/0006) because some of its lines extend them; groups the office has edited are left
as they are. Reversible: undoing it removes what it added from groups nobody edited."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.lexicon.data.seed import load_everyday

    load_everyday(apps.get_model("lexicon", "TermGroup"),
                  apps.get_model("lexicon", "LexiconVersion"))


def unload(apps, schema_editor):
    from gongkai.lexicon.data.seed import unload_everyday

    unload_everyday(apps.get_model("lexicon", "TermGroup"),
                    apps.get_model("lexicon", "LexiconVersion"))


class Migration(migrations.Migration):
    dependencies = [("lexicon", "0002_seed"), ("policies", "0006_search_lexicon_everyday")]
    operations = [migrations.RunPython(load, unload)]
