"""``search_policies QUERY [--limit N]``: the public search from the command line, as JSON
``[{"id": int, "title": str, "doc_number": str, "score": float}]``."""
import json

from django.core.management.base import BaseCommand, CommandError

from gongkai.policies.search import MAX_LIMIT, search_documents


class Command(BaseCommand):
    help = "检索政策文件（公众可见范围），以 JSON 输出 id、标题、文号和得分。"

    def add_arguments(self, parser):
        parser.add_argument("query", help="检索词，可以是文号")
        parser.add_argument("--limit", type=int, default=20,
                            help=f"最多输出多少条（1–{MAX_LIMIT}，默认 20）")

    def handle(self, *args, query: str, limit: int, **options):
        if not 1 <= limit <= MAX_LIMIT:
            raise CommandError(f"--limit 应在 1 到 {MAX_LIMIT} 之间。")
        result = search_documents(query=query, user=None, limit=limit)
        rows = [{"id": hit.document.pk, "title": hit.document.title,
                 "doc_number": hit.document.doc_number, "score": round(float(hit.score), 6)}
                for hit in result.hits]
        self.stdout.write(json.dumps(rows, ensure_ascii=False))
