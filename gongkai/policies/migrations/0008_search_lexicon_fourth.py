"""The fourth section of gongkai/policies/data/search_lexicon.txt: groups written from
the development sets' misses and the official terms of 政务公开 (and a variant of the general seed that
official usage does not make one term taken out); groups loaded before
are left as the office has edited them."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.policies.search.lexicon_seed import (
        FOURTH_SECTION,
        correct_groups,
        load_search_lexicon,
    )

    groups, version = apps.get_model("lexicon", "TermGroup"), apps.get_model("lexicon",
                                                                             "LexiconVersion")
    load_search_lexicon(groups, version, after=FOURTH_SECTION)
    correct_groups(groups, version)


class Migration(migrations.Migration):
    dependencies = [("policies", "0007_search_lexicon_residents"), ("lexicon", "0003_everyday")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
