from django.core.management.base import BaseCommand, CommandError

from gongkai.core.errors import ApplicationError
from gongkai.plans.services.importing import plan_import_file


class Command(BaseCommand):
    help = "导入年度政务公开工作要点分工方案（纯文本、.docx 或网页）；重复导入只更新，不重复创建。"

    def add_arguments(self, parser):
        parser.add_argument("path", help="方案文件路径")
        parser.add_argument("--year", type=int, required=True, help="方案年度，例如 2022")
        parser.add_argument("--dry-run", action="store_true", help="只解析并报告，不写入")
        parser.add_argument("--create-units", action="store_true",
                            help="名录中找不到的单位名称自动新建为单位（单位组名称除外）")

    def handle(self, *args, **options):
        try:
            result = plan_import_file(source=options["path"], year=options["year"],
                                      create_units=options["create_units"],
                                      dry_run=options["dry_run"])
        except ApplicationError as exc:
            unresolved = exc.details.get("unresolved", [])
            for name, line in unresolved:
                self.stderr.write(f"未匹配单位：{name}（第{line}行）")
            if unresolved:
                raise CommandError(f"有 {len(unresolved)} 个单位名称在单位名录中找不到，未导入。"
                                   "可先补充单位或别名，或加 --create-units。") from exc
            raise CommandError(exc.message) from exc
        self._summary(result, options)
        if options["dry_run"] and result.unresolved and not options["create_units"]:
            raise CommandError(f"有 {len(result.unresolved)} 个单位名称未匹配，正式导入将被拒绝。")

    def _summary(self, result, options):
        parsed, counts = result.parsed, result.counts
        mode = "试运行（未写入）" if options["dry_run"] else "已导入"
        self.stdout.write(f"{mode}：{options['year']}年《{parsed.title}》")
        self.stdout.write(f"文号：{parsed.doc_number or '—'}　成文日期：{parsed.signed_on or '—'}")
        self.stdout.write(f"部分 {counts['parts']} 个，项目 {counts['sections']} 个，"
                          f"任务 {counts['tasks']} 项，责任单位与单位组 {counts['refs']} 处")
        for period in parsed.periods:
            self.stdout.write(f"{period.name}报送截止：{period.deadline.isoformat()}")
        for name, line in result.unresolved:
            self.stdout.write(f"未匹配单位：{name}（第{line}行）")
        for name in result.created_units:
            self.stdout.write(f"已新建单位：{name}")
        for note in result.kept:
            self.stdout.write(f"保留：{note}")
        for warning in [*result.year_warnings, *parsed.warnings]:
            self.stdout.write(f"提示：{warning}")
        if result.plan is not None and result.look_back:
            self.stdout.write(f"回头看：上一年度有 {len(result.look_back)} 项分工未完成，"
                              "请在导入页面生成整改跟踪。")
