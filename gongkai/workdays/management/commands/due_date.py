"""Print a due date as JSON, with the steps of its computation in Chinese."""
import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from gongkai.workdays.calendar import compute_due
from gongkai.workdays.selectors import calendar_from_db


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(f"日期“{value}”无效，请使用 YYYY-MM-DD 格式的真实日期。") from None


class Command(BaseCommand):
    help = "计算答复期限：收到日为第0日，期限为其后第N个工作日。"

    def add_arguments(self, parser):
        parser.add_argument("--received", required=True, help="收到日期 YYYY-MM-DD")
        parser.add_argument("--restart", action="append", default=[],
                            help="补正材料收到日期，期限重新起算（可多次）")
        parser.add_argument("--pause", action="append", default=[], metavar="FROM:TO",
                            help="暂停计算：发出日:答复或缴费日（可多次）")
        parser.add_argument("--extend", action="store_true", help="延长20个工作日")
        parser.add_argument("--days", type=int, default=20, help="期限工作日数，默认20")

    def handle(self, *args, received, restart, pause, extend, days, **options):
        if not 1 <= days <= 1000:
            raise CommandError("期限工作日数须在1到1000之间。")
        pauses = []
        for item in pause:
            start, sep, end = item.partition(":")
            if not sep:
                raise CommandError(f"暂停区间“{item}”应写作 FROM:TO，例如 2025-03-03:2025-03-10。")
            pauses.append((_date(start), _date(end)))
        try:
            result = compute_due(
                calendar_from_db(), _date(received),
                restarts=[_date(r) for r in restart], pauses=pauses,
                extended=extend, days=days,
            )
        except ValueError as exc:
            raise CommandError(f"参数有误：{exc}") from None
        self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
