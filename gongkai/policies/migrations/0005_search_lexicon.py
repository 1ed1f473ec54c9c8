"""The lexicon groups of the policy search (gongkai/policies/data/search_lexicon.txt)."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.policies.search.lexicon_seed import load_search_lexicon

    load_search_lexicon(apps.get_model("lexicon", "TermGroup"),
                        apps.get_model("lexicon", "LexiconVersion"))


class Migration(migrations.Migration):
    dependencies = [("policies", "0004_record_version"), ("lexicon", "0002_seed")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
