"""The sixth section of gongkai/policies/data/search_lexicon.txt: a usual abbreviation
joined to the term the documents use (保障房 → 保障性住房: the seed lexicon joined it
only to 住房保障, the name of the field); groups loaded before are left as the office
has edited them."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.policies.search.lexicon_seed import SIXTH_SECTION, load_search_lexicon

    load_search_lexicon(apps.get_model("lexicon", "TermGroup"),
                        apps.get_model("lexicon", "LexiconVersion"), after=SIXTH_SECTION)


class Migration(migrations.Migration):
    dependencies = [("policies", "0009_search_lexicon_fifth"), ("lexicon", "0005_daily")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
