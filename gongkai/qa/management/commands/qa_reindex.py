"""Rebuild the Q&A index from the published entries (never needed in normal use: the
index follows each change; useful after restoring a database or a bulk load that went
around the models)."""
from django.core.management.base import BaseCommand

from gongkai.qa.services.answering import index_rebuild_all


class Command(BaseCommand):
    help = "Rebuild the Q&A answering index from the published public entries."

    def handle(self, *args, **options) -> None:
        count = index_rebuild_all()
        self.stdout.write(f"indexed {count} entries")
