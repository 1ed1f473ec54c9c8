"""The fifth section of gongkai/policies/data/search_lexicon.txt: a former name joined to
the one the documents use now (低保边缘家庭 → 低收入家庭), usual abbreviations (跨省直结,
三务公开, 幼升小) and residents' words joined to the documents' terms (法律咨询 → 公共法律
服务, 摆摊设点 → 流动商贩, 养老驿站 → 居家养老服务站); groups loaded before are left as
the office has edited them, but every variant is stored as the lexicon matches it (lower
case: HPV疫苗 of migration 0007 was never found)."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.policies.search.lexicon_seed import (
        FIFTH_SECTION,
        clean_stored_terms,
        load_search_lexicon,
    )

    groups, version = apps.get_model("lexicon", "TermGroup"), apps.get_model("lexicon",
                                                                             "LexiconVersion")
    load_search_lexicon(groups, version, after=FIFTH_SECTION)
    clean_stored_terms(groups, version)


class Migration(migrations.Migration):
    dependencies = [("policies", "0008_search_lexicon_fourth"), ("lexicon", "0004_situations")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
