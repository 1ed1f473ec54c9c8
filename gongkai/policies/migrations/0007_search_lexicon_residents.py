"""Residents' words for the subjects of the library's documents (the third section of
gongkai/policies/data/search_lexicon.txt); groups loaded before are left as the office
has edited them, a group of the same canonical term gains the new variants."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.policies.search.lexicon_seed import THIRD_SECTION, load_search_lexicon

    load_search_lexicon(apps.get_model("lexicon", "TermGroup"),
                        apps.get_model("lexicon", "LexiconVersion"), after=THIRD_SECTION)


class Migration(migrations.Migration):
    dependencies = [("policies", "0006_search_lexicon_everyday"), ("lexicon", "0003_everyday")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
