"""Compute the learned model's vectors of the published entries that lack them or whose
text changed since (after installing the optional package, or a bulk load that went
around the models); each change of an entry queues its own."""
import time

from django.core.management.base import BaseCommand

from gongkai.qa.retrieval import vectors


class Command(BaseCommand):
    help = "Compute the Q&A learned model's vectors of entries missing or stale."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--batch", type=int, default=vectors.FILL_BATCH,
                            help="entries encoded together")

    def handle(self, *args, **options) -> None:
        if not vectors.enabled():
            self.stdout.write("the learned model is off or its package is not installed: "
                              "nothing to do")
            return
        start = time.perf_counter()
        count = vectors.entries_fill(batch=max(1, options["batch"]))
        self.stdout.write(f"vectors computed for {count} entries in "
                          f"{time.perf_counter() - start:.1f} s")
