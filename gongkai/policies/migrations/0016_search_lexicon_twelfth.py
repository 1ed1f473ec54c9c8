"""The twelfth section of gongkai/policies/data/search_lexicon.txt: the spoken and older
modifiers for those the documents write (私营 → 民营, 公立 → 公办), so that
any phrase made with one (私营老板, 公立 学校) reaches the documents' wording, held for
the policy search only (``# @scope search``): the files' scopes are applied again after
the load, as lexicon 0012 does. Groups loaded before are left as the office has edited
them (a line naming one of them adds its variants)."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.lexicon.data.scopes import apply_file_scopes
    from gongkai.policies.search.lexicon_seed import TWELFTH_SECTION, load_search_lexicon

    models = apps.get_model("lexicon", "TermGroup"), apps.get_model("lexicon", "LexiconVersion")
    load_search_lexicon(*models, after=TWELFTH_SECTION)
    apply_file_scopes(*models)


class Migration(migrations.Migration):
    dependencies = [("policies", "0015_search_lexicon_eleventh"), ("lexicon", "0012_areas")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
