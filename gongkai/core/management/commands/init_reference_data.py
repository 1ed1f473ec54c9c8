"""Reference data every installation needs, demo or not: the holiday calendar, the known
unit groups, the proactive-disclosure categories, the default letter templates.
Idempotent: existing rows, and an administrator's edits, are left alone."""
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


def _steps():
    from gongkai.foi.letters_defaults import letter_templates_ensure
    from gongkai.orgs.services import groups_ensure_known
    from gongkai.publishing.services import catalog_categories_ensure
    from gongkai.workdays.services import calendar_seed_from_package

    return [
        (_("节假日安排（年度）"), lambda: len(calendar_seed_from_package())),
        (_("单位组"), groups_ensure_known),
        (_("主动公开目录类别"), catalog_categories_ensure),
        (_("依申请公开文书模板"), letter_templates_ensure),
    ]


class Command(BaseCommand):
    help = "载入基础数据：节假日安排、单位组、主动公开目录类别、文书模板（可重复运行）。"

    def handle(self, *args, **options):
        for label, step in _steps():
            self.stdout.write(_("%(label)s：新增 %(n)d。") % {"label": label, "n": step()})
