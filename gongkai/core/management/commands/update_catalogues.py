"""``make messages``: extract the marked strings and fill the Chinese catalogues."""
from django.core.management.base import BaseCommand

from gongkai.core import catalogues


class Command(BaseCommand):
    help = "Extract marked strings into gongkai/locale and fill zh_Hans and zh_Hant."

    def handle(self, *args, **options):
        from django.conf import settings

        catalogues.extract(settings.LOCALE_PATHS[0])
        for locale in catalogues.LOCALES:
            filled = catalogues.fill(locale)
            self.stdout.write(f"{locale}: {filled} entries filled")
        self.stdout.write("en: translate the empty and fuzzy entries, then make compilemessages")
