import json
import tarfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gongkai.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = _("恢复：把 backup 生成的归档恢复到一个空的安装上（先运行 migrate），并核对行数和文件。")

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--force", action="store_true",
                            help=_("已有数据时也覆盖（现有数据会丢失）。"))

    def handle(self, *args, path: Path, force: bool, **options):
        if not path.is_file():
            raise CommandError(_("找不到归档文件：%(p)s") % {"p": path})
        try:
            result = backup_restore(path=path, force=force)
        except (BackupError, OSError, ValueError, tarfile.TarError) as error:
            raise CommandError(_("恢复失败：%(e)s") % {"e": error}) from error
        manifest = result["manifest"]
        wrong = {t: [n, result["tables"].get(t)] for t, n in manifest["tables"].items()
                 if result["tables"].get(t) != n}
        missing = sorted(set(manifest["files"]) - set(result["files"]))
        self.stdout.write(json.dumps({
            "rows": sum(result["tables"].values()), "files": len(result["files"]),
            "tables_differing": wrong, "files_missing": missing,
            "secret_key": result["secret_key"],
        }, ensure_ascii=False))
        if result["secret_key"] == "differs":
            self.stderr.write(_("注意：DJANGO_SECRET_KEY 与归档中的密钥不同，"
                                "请改为归档内 secret_key 文件中的值。"))
        if wrong or missing:
            raise CommandError(_("恢复后的行数或文件与备份不一致。"))
