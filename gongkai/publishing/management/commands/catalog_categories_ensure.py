"""``python manage.py catalog_categories_ensure``: load the Art. 20/21 catalog categories."""
from django.core.management.base import BaseCommand

from gongkai.publishing.services import catalog_categories_ensure


class Command(BaseCommand):
    help = "Create the proactive-disclosure catalog categories of Art. 20 and 21 (idempotent)."

    def handle(self, *args, **options):
        created = catalog_categories_ensure()
        self.stdout.write(f"{created} categories created")
