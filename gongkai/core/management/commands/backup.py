import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gongkai.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = _("备份：数据库、全部文件和密钥写入一个归档文件（.tar.gz），平台运行时也可进行。")

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        try:
            manifest = backup_create(path=path)
        except (BackupError, OSError) as error:
            raise CommandError(_("备份失败：%(e)s") % {"e": error}) from error
        self.stdout.write(json.dumps({
            "path": str(path), "vendor": manifest["vendor"],
            "rows": sum(manifest["tables"].values()), "files": len(manifest["files"]),
        }, ensure_ascii=False))
