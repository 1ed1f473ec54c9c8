"""The eighth section of gongkai/policies/data/search_lexicon.txt: what residents say of
their situation or of what the government does, joined to the terms the documents use
(官网 → 政府网站, 出钱 → 补助, 办证 → 许可证, 商量 → 协商, 等多久 → 办理时限); groups
loaded before are left as the office has edited them (a line naming one of them adds
its variants)."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.policies.search.lexicon_seed import EIGHTH_SECTION, load_search_lexicon

    load_search_lexicon(apps.get_model("lexicon", "TermGroup"),
                        apps.get_model("lexicon", "LexiconVersion"), after=EIGHTH_SECTION)


class Migration(migrations.Migration):
    dependencies = [("policies", "0011_search_lexicon_seventh"), ("lexicon", "0006_dialects")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
