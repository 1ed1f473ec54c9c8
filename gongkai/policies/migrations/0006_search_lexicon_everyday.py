"""The everyday words added to the policy search's lexicon groups (the second section
of gongkai/policies/data/search_lexicon.txt); the groups loaded by 0005 are left as the
office has edited them."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.policies.search.lexicon_seed import SECOND_SECTION, load_search_lexicon

    load_search_lexicon(apps.get_model("lexicon", "TermGroup"),
                        apps.get_model("lexicon", "LexiconVersion"), after=SECOND_SECTION)


class Migration(migrations.Migration):
    dependencies = [("policies", "0005_search_lexicon")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
