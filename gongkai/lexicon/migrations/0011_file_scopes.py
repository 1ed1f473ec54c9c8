"""The scopes the data files give their groups (gongkai/lexicon/data/scopes.py): the
tenth section of the policy search's file (policies 0014) serves the search only; two
everyday groups (居家养老, 装修备案) serve the Q&A only. Groups the office has edited
are left as they are. Reversible: undoing it gives the groups it changed (and nobody
edited since) back to both readers."""
from django.db import migrations


def apply(apps, schema_editor):
    from gongkai.lexicon.data.scopes import apply_file_scopes

    apply_file_scopes(apps.get_model("lexicon", "TermGroup"),
                      apps.get_model("lexicon", "LexiconVersion"))


def unapply(apps, schema_editor):
    from gongkai.lexicon.data.scopes import unapply_file_scopes

    unapply_file_scopes(apps.get_model("lexicon", "TermGroup"),
                        apps.get_model("lexicon", "LexiconVersion"))


class Migration(migrations.Migration):
    dependencies = [("lexicon", "0010_termgroup_scope"),
                    ("policies", "0014_search_lexicon_tenth")]
    operations = [migrations.RunPython(apply, unapply)]
