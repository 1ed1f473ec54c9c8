import json

from django.core.management.base import BaseCommand, CommandError

from gongkai.plans.models import Plan
from gongkai.plans.selectors.plan import plan_to_dict


class Command(BaseCommand):
    help = "以 JSON 输出某一年度已导入的分工方案。"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args, **options):
        plan = Plan.objects.filter(year=options["year"]).first()
        if plan is None:
            raise CommandError(f"{options['year']}年的分工方案尚未导入。")
        self.stdout.write(json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2))
