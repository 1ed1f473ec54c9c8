"""python manage.py import_policies FOLDER --manifest manifest.csv [--publish-reviewed]"""
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from gongkai.core.errors import ApplicationError
from gongkai.policies.services.importing import policies_import


class Command(BaseCommand):
    help = ("导入已有的政策文件：FOLDER 中放正文和附件，清单（CSV 或 JSON）逐行列出文件。"
            "先检查全部内容，全部无误才导入（全部成功或全部不导入）。")

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--manifest", required=True,
                            help="清单文件（.csv 或 .json），相对于 FOLDER 或绝对路径")
        parser.add_argument("--publish-reviewed", action="store_true",
                            help="publish=yes 的文件直接发布：操作人确认它们已在原网站审核发布")
        parser.add_argument("--actor", default="", help="记录在审计事件中的用户名")

    def handle(self, folder, manifest, publish_reviewed, actor, **options):
        folder_path = Path(folder)
        manifest_path = Path(manifest)
        if not manifest_path.is_absolute() and not manifest_path.exists():
            manifest_path = folder_path / manifest_path
        if not folder_path.is_dir():
            raise CommandError(f"找不到文件夹：{folder}")
        if not manifest_path.is_file():
            raise CommandError(f"找不到清单：{manifest}")
        user = None
        if actor:
            user = get_user_model().objects.filter(username=actor).first()
            if user is None:
                raise CommandError(f"找不到用户：{actor}")
        try:
            documents = policies_import(folder=folder_path, manifest=manifest_path, actor=user,
                                        publish_reviewed=publish_reviewed)
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        published = sum(1 for d in documents if d.publication_status == "published")
        self.stdout.write(f"已导入 {len(documents)} 件，其中直接发布 {published} 件。")
        if not publish_reviewed and any(d for d in documents):
            self.stdout.write("未使用 --publish-reviewed：导入的文件均为草稿，须经审核后发布。")
