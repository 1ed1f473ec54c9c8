"""How residents put each subject of the Q&A library, area by area over the whole
library, written after 0009 (gongkai/lexicon/data/areas.txt), by the rules of 0003:
groups the office has edited are left as they are. Reversible: undoing it removes what
it added from groups nobody edited."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.lexicon.data.seed import load_areas

    load_areas(apps.get_model("lexicon", "TermGroup"),
               apps.get_model("lexicon", "LexiconVersion"))


def unload(apps, schema_editor):
    from gongkai.lexicon.data.seed import unload_areas

    unload_areas(apps.get_model("lexicon", "TermGroup"),
                 apps.get_model("lexicon", "LexiconVersion"))


class Migration(migrations.Migration):
    # 0010 is another branch's; the coordinator sets this to it when both are merged.
    dependencies = [("lexicon", "0009_spoken")]
    operations = [migrations.RunPython(load, unload)]
