"""The starting groups of the lexicon (gongkai/lexicon/data/seed.txt). The synonyms
the office had entered in the Q&A app are carried over by qa's migration 0002."""
from django.db import migrations


def load(apps, schema_editor):
    from gongkai.lexicon.data.seed import load_seed

    load_seed(apps.get_model("lexicon", "TermGroup"), apps.get_model("lexicon", "LexiconVersion"))


class Migration(migrations.Migration):
    dependencies = [("lexicon", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
