"""The seventh section of gongkai/policies/data/search_lexicon.txt: the numbered and
collective abbreviations of government language and the new names of things joined
to the terms the documents use (两微一端 → 政务新媒体, 精康 → 精神障碍社区康复,
氢能车 → 氢燃料电池汽车); groups loaded before are left as the office has edited them."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.policies.search.lexicon_seed import SEVENTH_SECTION, load_search_lexicon

    load_search_lexicon(apps.get_model("lexicon", "TermGroup"),
                        apps.get_model("lexicon", "LexiconVersion"), after=SEVENTH_SECTION)


class Migration(migrations.Migration):
    dependencies = [("policies", "0010_search_lexicon_sixth"), ("lexicon", "0005_daily")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
