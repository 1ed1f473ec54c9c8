"""Print an information-processing fee quote as JSON (国办函〔2020〕109号)."""
import json

from django.core.management.base import BaseCommand, CommandError

from gongkai.foi.fees import MAX_QUANTITY, quote_per_application, quote_per_volume


def _count(value: str, what: str) -> int:
    text = (value or "").strip()
    if not text.isascii() or not text.isdigit():
        raise CommandError(f"{what}“{value}”无效，请填写0到{MAX_QUANTITY}之间的整数。")
    number = int(text)
    if number > MAX_QUANTITY:
        raise CommandError(f"{what}过大，最多{MAX_QUANTITY}。")
    return number


class Command(BaseCommand):
    # A pure calculator: it needs neither the database nor the URL checks.
    requires_system_checks: list = []
    help = "按国办函〔2020〕109号计算信息处理费：按件（当月申请件数）或按量（页数）。"

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--applications-in-month", dest="applications", metavar="N",
                           help="同一申请人当月申请件数（按件计收）")
        group.add_argument("--pages", metavar="N", help="一件申请的页数（按量计收）")

    def handle(self, *args, applications=None, pages=None, **options):
        if applications is not None:
            quote = quote_per_application(_count(applications, "申请件数"))
        else:
            quote = quote_per_volume(_count(pages, "页数"))
        self.stdout.write(json.dumps(quote.as_dict(), ensure_ascii=False))
