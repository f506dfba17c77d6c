from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Stellt ein Archiv von `backup` in eine leere Datenbank und einen leeren Medienordner her."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)

    def handle(self, *args, archive, **options):
        if not archive.is_file():
            raise CommandError(f"Archiv {archive} nicht gefunden.")
        connections.close_all()  # pg_restore and the SQLite copy work outside Django
        try:
            manifest = restore_backup(archive, settings.DATABASES["default"], settings.MEDIA_ROOT)
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = sum(name.startswith("media/") for name in manifest["files"])
        self.stdout.write(f"Wiederhergestellt: Datenbank und {files} Dateien aus {archive}.")
