"""The tenth section of gongkai/policies/data/search_lexicon.txt: the everyday names and
situations residents, migrant workers, parents and shop owners use for each subject of a
district's policies, joined to the terms the documents use (便宜房子 → 保障房, 家里没钱 →
家庭经济困难, 贫困生补助 → 家庭经济困难学生, 政府开支 → 预算公开, 部门互通 → 数据共享);
one way only, and none a word any other group of the lexicon's files holds. Groups loaded before are
left as the office has edited them (a line naming one of them adds its variants)."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.policies.search.lexicon_seed import TENTH_SECTION, load_search_lexicon

    load_search_lexicon(apps.get_model("lexicon", "TermGroup"),
                        apps.get_model("lexicon", "LexiconVersion"), after=TENTH_SECTION)


class Migration(migrations.Migration):
    dependencies = [("policies", "0013_search_lexicon_ninth"), ("lexicon", "0009_spoken")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
