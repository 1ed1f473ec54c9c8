"""Print annual-report tables 三 and 四 as JSON, with the template's labels."""
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gongkai.core.errors import ApplicationError
from gongkai.foi.selectors.stats import check_consistency, report_year, table_four, table_three
from gongkai.orgs.selectors import find_unit


class Command(BaseCommand):
    help = "输出政府信息公开工作年度报告表三、表四（JSON，使用模板的行列名称）。"

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True, help="年度，例如 2025")
        parser.add_argument("--unit", default="",
                            help="单位名称、简称或别名（简繁均可）；不填则统计全区")

    def handle(self, *args, year, unit, **options):
        try:
            year = report_year(year, today=timezone.localdate())
        except ApplicationError as exc:
            raise CommandError(exc.message) from None
        found = None
        if unit.strip():
            found = find_unit(unit)
            if found is None:
                raise CommandError(f"找不到单位“{unit.strip()[:100]}”，请核对名称、简称或别名。")
        three = table_three(year=year, unit=found)
        four = table_four(year=year, unit=found)
        result = {
            "year": year,
            "unit": found.name if found else "全区",
            "table_three": three.as_dict(),
            "table_four": four.as_dict(),
            "consistency": check_consistency(three),
        }
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
