"""python manage.py warm_search — read the policy search's index into the database's
memory, so that the first searches after a PostgreSQL restart are not the slow ones."""
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from gongkai.policies.search.backends import backend


class Command(BaseCommand):
    help = "将政策文件检索索引读入数据库内存（PostgreSQL 重启后运行）。"

    def handle(self, **options):
        with transaction.atomic(), connection.cursor() as cursor:
            parts = backend().warm(cursor)
        if not parts:
            self.stdout.write("无需预热：该数据库由操作系统缓存。")
            return
        for name, count in parts:
            self.stdout.write(f"{name}: {count}")
