"""Create the default letter templates that do not exist yet (never overwrites)."""
from django.core.management.base import BaseCommand

from gongkai.foi.letters_defaults import letter_templates_ensure


class Command(BaseCommand):
    help = "创建缺少的依申请公开文书模板（已有模板、包括管理员修改过的，保持不变）。"

    def handle(self, *args, **options):
        created = letter_templates_ensure()
        self.stdout.write(f"新建文书模板 {created} 个。")
