"""Load the holiday calendar: every year the chinese-calendar package knows, or one
year from the dates of the State Council's notice."""
import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from gongkai.core.errors import ApplicationError
from gongkai.workdays.services import calendar_seed_from_package, calendar_year_load


def _dates(text: str) -> list[dt.date]:
    out = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        try:
            if "..." in part:
                start, end = (dt.date.fromisoformat(x) for x in part.split("..."))
                out += [start + dt.timedelta(n) for n in range((end - start).days + 1)]
            else:
                out.append(dt.date.fromisoformat(part))
        except ValueError:
            raise CommandError(f"日期“{part}”无效，请使用 YYYY-MM-DD 或 起...止 格式。") from None
    return out


class Command(BaseCommand):
    help = "载入节假日与调休安排。"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="只载入该年（配合 --holidays/--workdays）")
        parser.add_argument("--holidays", default="", help="放假日期，逗号分隔，可写 起...止")
        parser.add_argument("--workdays", default="", help="调休上班日期，逗号分隔")
        parser.add_argument("--source", default="", help="依据的通知名称")

    def handle(self, *args, year, holidays, workdays, source, **options):
        if year is None:
            years = calendar_seed_from_package()
            self.stdout.write(f"已载入 {len(years)} 个年度：{', '.join(map(str, years)) or '无'}")
            return
        try:
            calendar_year_load(year=year, holidays=_dates(holidays),
                               workdays=_dates(workdays), source=source)
        except ApplicationError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(f"{year}年节假日安排已载入。")
