from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "载入演示数据（单位名录、2022年分工方案、各角色演示用户）；可重复运行。"

    def handle(self, *args, **options):
        self.stdout.write("演示数据：尚未实现。")
