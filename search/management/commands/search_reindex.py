from django.core.management.base import BaseCommand

from search.index import rebuild


class Command(BaseCommand):
    help = (
        "Baut den Suchindex neu auf: einen Eintrag für jeden Inhalt und die Wortliste für "
        "„Meinten Sie …?“. Nötig nach Massenänderungen ohne Speichern einzelner Objekte "
        "(Import, queryset.update)."
    )

    def handle(self, *args, verbosity=1, **options):
        count = rebuild()
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"Suchindex neu aufgebaut: {count} Einträge."))
