"""The spoken verb phrases residents say for the written verb the library writes (取出来 →
提取), written after 0012 (gongkai/lexicon/data/verbs.txt), by the rules of 0003: groups
the office has edited are left as they are. The files' scopes are applied again after
the load (as 0011 does). After the policy search's last section (policies 0016), so
that a site loads every earlier file first. Reversible: undoing it removes what it added
from groups nobody edited."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.lexicon.data.scopes import apply_file_scopes
    from gongkai.lexicon.data.seed import load_verbs

    models = apps.get_model("lexicon", "TermGroup"), apps.get_model("lexicon", "LexiconVersion")
    load_verbs(*models)
    apply_file_scopes(*models)


def unload(apps, schema_editor):
    from gongkai.lexicon.data.seed import unload_verbs

    unload_verbs(apps.get_model("lexicon", "TermGroup"),
                 apps.get_model("lexicon", "LexiconVersion"))


class Migration(migrations.Migration):
    dependencies = [("lexicon", "0012_areas"), ("policies", "0016_search_lexicon_twelfth")]
    operations = [migrations.RunPython(load, unload)]
