"""Send the daily mail digests by hand (the huey job does it every morning at 07:30)."""
from django.core.management.base import BaseCommand

from gongkai.core.notifications.digest import digests_send


class Command(BaseCommand):
    help = "向开启每日邮件汇总的用户发送未读提醒汇总邮件。"

    def handle(self, *args, **options):
        self.stdout.write(f"已发送 {digests_send()} 封汇总邮件。")
