"""Run the reminder loop by hand (the huey job does it every morning at 07:00)."""
import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gongkai.core.notifications.reminders import registered_sources, reminders_run


class Command(BaseCommand):
    help = "发送到期、逾期等提醒（每个来源对同一事件只提醒一次）。"

    def add_arguments(self, parser):
        parser.add_argument("--date", help="按这一天计算（YYYY-MM-DD），默认今天")
        parser.add_argument("--source", action="append", default=[],
                            help="只运行这个提醒来源（可重复）；--list 列出全部来源")
        parser.add_argument("--list", action="store_true", help="列出已登记的提醒来源")

    def handle(self, *args, date=None, source=(), list=False, **options):
        sources = registered_sources()
        if list:
            for name in sorted(sources):
                self.stdout.write(name)
            return
        unknown = sorted(set(source) - set(sources))
        if unknown:
            raise CommandError(f"没有这个提醒来源：{'、'.join(unknown)}")
        try:
            today = dt.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError as exc:
            raise CommandError("日期格式应为 YYYY-MM-DD。") from exc
        told = reminders_run(today=today, only=source)
        self.stdout.write(f"已提醒 {told} 人次。")
