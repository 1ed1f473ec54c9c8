"""python manage.py reindex_policies — rebuild the full-text index of policy documents
(after a change to the segmentation dictionary, or a restore)."""
from django.core.management.base import BaseCommand
from django.db import transaction

from gongkai.policies.search import reindex_all


class Command(BaseCommand):
    help = "重建政策文件全文检索索引。"

    def handle(self, **options):
        with transaction.atomic():
            count = reindex_all()
        self.stdout.write(f"已重建索引：{count} 件文件。")
