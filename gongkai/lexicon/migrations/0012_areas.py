"""How residents put each subject of the Q&A library, area by area over the whole
library, written after 0009 (gongkai/lexicon/data/areas.txt), by the rules of 0003:
groups the office has edited are left as they are. The files' scopes are applied again
after the load (as 0011 does): a group held for one reader that a line here extends
serves both again. Reversible: undoing it removes what
it added from groups nobody edited."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.lexicon.data.scopes import apply_file_scopes
    from gongkai.lexicon.data.seed import load_areas

    models = apps.get_model("lexicon", "TermGroup"), apps.get_model("lexicon", "LexiconVersion")
    load_areas(*models)
    apply_file_scopes(*models)


def unload(apps, schema_editor):
    from gongkai.lexicon.data.seed import unload_areas

    unload_areas(apps.get_model("lexicon", "TermGroup"),
                 apps.get_model("lexicon", "LexiconVersion"))


class Migration(migrations.Migration):
    dependencies = [("lexicon", "0011_file_scopes")]
    operations = [migrations.RunPython(load, unload)]
