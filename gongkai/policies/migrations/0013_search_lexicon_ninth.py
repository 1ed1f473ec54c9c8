"""The ninth section of gongkai/policies/data/search_lexicon.txt: what residents, firms
and the office's staff call the library's subjects, joined to the terms the documents
use (旧城改造 → 城市更新, 床位补贴 → 养老机构扶持, 颐康中心 → 社区嵌入式养老服务综合体,
窗口工作人员 → 政务服务中心窗口, 举报污染 → 生态环境违法行为举报); groups loaded before
are left as the office has edited them (a line naming one of them adds its variants)."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.policies.search.lexicon_seed import NINTH_SECTION, load_search_lexicon

    load_search_lexicon(apps.get_model("lexicon", "TermGroup"),
                        apps.get_model("lexicon", "LexiconVersion"), after=NINTH_SECTION)


class Migration(migrations.Migration):
    dependencies = [("policies", "0012_search_lexicon_eighth"), ("lexicon", "0008_told")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
