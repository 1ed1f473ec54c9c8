"""Set up a real deployment, without demo data: migrate, reference data, static files, the
disclosure office and its first administrator. Safe to run again (upgrade runs it too)."""
import getpass
import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gongkai.core.errors import ApplicationError
from gongkai.core.install import office_admin_create, office_admin_exists, office_ensure


class Command(BaseCommand):
    help = _("安装（不含演示数据）：迁移数据库、基础数据、静态文件、政务公开办及其第一位管理员。")

    def add_arguments(self, parser):
        parser.add_argument("--noinput", "--no-input", action="store_false",
                            dest="interactive", help=_("不提问：管理员取自环境变量。"))
        parser.add_argument("--skip-static", action="store_true",
                            help=_("不收集静态文件（由其他步骤完成时）。"))

    def handle(self, *args, interactive: bool, skip_static: bool, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(_("数据库已迁移。"))
        call_command("init_reference_data", stdout=self.stdout)
        if not skip_static:
            call_command("collectstatic", interactive=False, verbosity=0)
            self.stdout.write(_("静态文件已收集。"))
        office = office_ensure(name=os.environ.get("GONGKAI_OFFICE_NAME", "区政务公开办"))
        if office_admin_exists():
            self.stdout.write(_("已有政务公开办管理员，未新建。"))
            return
        username, password, email = self._admin_details(interactive)
        try:
            user = office_admin_create(office=office, username=username, password=password,
                                       email=email)
        except ApplicationError as error:
            raise CommandError(error.message) from error
        self.stdout.write(_("已创建政务公开办管理员“%(u)s”（%(office)s）。")
                          % {"u": user.username, "office": office.name})

    def _admin_details(self, interactive: bool) -> tuple[str, str, str]:
        username = os.environ.get("GONGKAI_ADMIN_USERNAME", "")
        password = os.environ.get("GONGKAI_ADMIN_PASSWORD", "")
        email = os.environ.get("GONGKAI_ADMIN_EMAIL", "")
        if username and password:
            return username, password, email
        if not interactive or not sys.stdin.isatty():
            raise CommandError(_("没有政务公开办管理员：请设置 GONGKAI_ADMIN_USERNAME 和 "
                                 "GONGKAI_ADMIN_PASSWORD，或在终端中运行本命令。"))
        username = username or input(_("管理员用户名：")).strip()
        email = email or input(_("电子邮箱（可空）：")).strip()
        while True:
            password = getpass.getpass(_("密码："))
            if password == getpass.getpass(_("再输一次密码：")):
                return username, password, email
            self.stderr.write(_("两次输入的密码不一致。"))
