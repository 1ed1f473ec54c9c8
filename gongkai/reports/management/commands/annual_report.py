"""Print the annual report of a unit (or of the district) as JSON; write the .docx when
asked. A report already drawn up on the platform is printed as stored (its edited
text, its figures frozen as of 31 December); otherwise it is drafted from the data."""
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gongkai.core.errors import ApplicationError
from gongkai.foi.selectors.stats import report_year
from gongkai.orgs.selectors import find_unit
from gongkai.reports.exports import annual_report_docx
from gongkai.reports.models import AnnualReport
from gongkai.reports.selectors.annual import draft_sections, year_figures
from gongkai.reports.services.annual import report_title

DISTRICT = "全区"


class Command(BaseCommand):
    help = "输出政府信息公开工作年度报告（JSON：六个部分、表二至表四、勾稽检查），可写出 Word。"

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True, help="年度，例如 2025")
        parser.add_argument("--unit", default="",
                            help="单位名称、简称或别名；不填则为区政府（汇总全区）")
        parser.add_argument("--out", default="", help="写出 .docx 的路径")

    def handle(self, *args, year, unit, out, **options):
        try:
            year = report_year(year, today=timezone.localdate())
        except ApplicationError as exc:
            raise CommandError(exc.message) from None
        found = None
        if unit.strip():
            found = find_unit(unit)
            if found is None:
                raise CommandError(f"找不到单位“{unit.strip()[:100]}”，请核对名称、简称或别名。")
        if out and not out.lower().endswith(".docx"):
            raise CommandError("--out 须为 .docx 文件路径。")
        stored = (AnnualReport.objects.filter(year=year, is_district=True).first()
                  if found is None else
                  AnnualReport.objects.filter(year=year, unit=found, is_district=False).first())
        if stored is not None:
            title, sections = stored.title, stored.sections
            tables, checks = stored.tables, stored.checks
        else:
            figures = year_figures(year=year, unit=found)
            title, sections = report_title(year, figures.name), draft_sections(figures)
            tables, checks = figures.tables, figures.checks
        result = {"year": year, "unit": found.name if found else DISTRICT,
                  "sections": sections, "tables": tables, "checks": checks}
        if out:
            path = Path(out)
            if not path.parent.is_dir():
                raise CommandError(f"目录不存在：{path.parent}")
            path.write_bytes(annual_report_docx(
                title=title, signature=found.name if found else "区人民政府",
                sections=sections, tables=tables))
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
