"""The thirteenth section of gongkai/policies/data/search_lexicon.txt: residents' words
for the lowest level of government, read as the documents write it (街道和村里 → 基层),
held for the policy search only
(``# @scope search``: the files' scopes are applied again after the load, as lexicon 0012
does); and 免费 taken out of the group of 优待 (``THIRTEENTH_CORRECTIONS``: free of charge
is what many measures give, not the elderly's privileges). Groups loaded before are left
as the office has edited them (a line naming one of them adds its variants; a group the
office edited keeps its variants)."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.lexicon.data.scopes import apply_file_scopes
    from gongkai.policies.search.lexicon_seed import (
        THIRTEENTH_CORRECTIONS,
        THIRTEENTH_SECTION,
        correct_groups,
        load_search_lexicon,
    )

    models = apps.get_model("lexicon", "TermGroup"), apps.get_model("lexicon", "LexiconVersion")
    load_search_lexicon(*models, after=THIRTEENTH_SECTION)
    apply_file_scopes(*models)
    correct_groups(*models, corrections=THIRTEENTH_CORRECTIONS)


class Migration(migrations.Migration):
    dependencies = [("policies", "0016_search_lexicon_twelfth"), ("lexicon", "0013_verbs")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
