from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gongkai.core.errors import ApplicationError
from gongkai.portal import demo


class Command(BaseCommand):
    help = "载入演示数据（单位名录、2022年分工方案、各角色演示用户）；可重复运行。"

    def add_arguments(self, parser):
        parser.add_argument("--reset-passwords", action="store_true",
                            help=_("为全部演示用户重新生成密码并显示。"))

    def handle(self, *args, reset_passwords: bool = False, **options):
        # The demo users have known roles and printed passwords: never on the internet.
        if settings.PRODUCTION:
            raise CommandError(_("生产环境（GONGKAI_PRODUCTION=1）不能载入演示数据；"
                                 "请用 manage.py install。"))
        created = demo.registry_load()
        self.stdout.write(_("单位名录：新建 %(n)d 个单位。") % {"n": created})
        try:
            imported = demo.seed_plan_load()
        except ApplicationError as error:
            raise CommandError(_("导入2022年分工方案失败：%(e)s") % {"e": error.message}) \
                from error
        self.stdout.write(_("已导入2022年分工方案。") if imported
                          else _("2022年分工方案已存在，未重复导入。"))
        credentials = demo.demo_users_ensure(reset_passwords=reset_passwords)
        if credentials:
            self._print_credentials(credentials)
        else:
            self.stdout.write(_("演示用户已存在（如需新密码：load_demo --reset-passwords）。"))
        # After the passwords: they are shown once, so a failure below must not hide them.
        for label, loader in demo.module_demos():
            count = loader()
            if count is None:
                self.stdout.write(_("%(label)s：已就绪。") % {"label": label})
            else:
                self.stdout.write(_("%(label)s：新建 %(n)d 条。") % {"label": label, "n": count})

    def _print_credentials(self, credentials):
        header = (_("用户名"), _("角色"), _("单位"), _("密码"))
        rows = [header] + [(c.username, c.role_label, c.unit_name, c.password)
                           for c in credentials]
        widths = [max(_width(row[i]) for row in rows) for i in range(4)]
        self.stdout.write(_("演示用户密码（只显示这一次，请妥善保存）："))
        for row in rows:
            cells = (_pad(cell, width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write(("  " + "  ".join(cells)).rstrip())


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
