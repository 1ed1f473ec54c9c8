"""What residents say happened to them, for the name of the service
(gongkai/lexicon/data/situations.txt), by the rules of 0003: groups the office has
edited are left as they are. Reversible: undoing it removes what it added from groups
nobody edited."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.lexicon.data.seed import load_situations

    load_situations(apps.get_model("lexicon", "TermGroup"),
                    apps.get_model("lexicon", "LexiconVersion"))


def unload(apps, schema_editor):
    from gongkai.lexicon.data.seed import unload_situations

    unload_situations(apps.get_model("lexicon", "TermGroup"),
                      apps.get_model("lexicon", "LexiconVersion"))


class Migration(migrations.Migration):
    dependencies = [("lexicon", "0003_everyday"), ("policies", "0008_search_lexicon_fourth")]
    operations = [migrations.RunPython(load, unload)]
