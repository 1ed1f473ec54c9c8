"""The eleventh section of gongkai/policies/data/search_lexicon.txt: planning's and
government's usual abbreviations and the residents' words for what is done (三区三线 →
城镇开发边界, 生态保护红线, 永久基本农田; 意愿征询 → 意见征集; 部门花多少钱 → 部门预算),
held for the policy search only (``# @scope search``): the files' scopes are applied
again after the load, as lexicon 0012 does. Groups loaded before are left as the office
has edited them (a line naming one of them adds its variants)."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.lexicon.data.scopes import apply_file_scopes
    from gongkai.policies.search.lexicon_seed import ELEVENTH_SECTION, load_search_lexicon

    models = apps.get_model("lexicon", "TermGroup"), apps.get_model("lexicon", "LexiconVersion")
    load_search_lexicon(*models, after=ELEVENTH_SECTION)
    apply_file_scopes(*models)


class Migration(migrations.Migration):
    dependencies = [("policies", "0014_search_lexicon_tenth"), ("lexicon", "0012_areas")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
