import json

from django.core.management.base import BaseCommand

from gongkai.plans.services.linkcheck import link_probe


class Command(BaseCommand):
    help = ("按证明材料链接核查的同一方式访问一个网址，输出 JSON："
            "{url, status, title, refused}（refused 为拒绝访问的原因或 null）。")

    def add_arguments(self, parser):
        parser.add_argument("url")

    def handle(self, *args, **options):
        probe = link_probe(options["url"])
        if probe.result.error:
            # A network failure is not a refusal; say what happened on stderr so the
            # JSON keeps its four keys.
            self.stderr.write(probe.result.error)
        self.stdout.write(json.dumps(probe.as_json(), ensure_ascii=False))
