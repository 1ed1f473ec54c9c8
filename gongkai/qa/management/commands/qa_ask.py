"""Ask the library a question from the command line (not logged, nothing queued)."""
import json

from django.core.management.base import BaseCommand

from gongkai.qa.services.answering import answer_question


class Command(BaseCommand):
    help = "Answer QUESTION from the published Q&A library and print JSON."

    def add_arguments(self, parser) -> None:
        parser.add_argument("question", nargs="+")

    def handle(self, *args, **options) -> None:
        answer = answer_question(text=" ".join(options["question"]), record=False)
        self.stdout.write(json.dumps({
            "answered": answer.answered,
            "matches": [{"id": m.id, "question": m.question, "score": m.confidence}
                        for m in answer.matches],
        }, ensure_ascii=False))
