from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Schreibt ein Archiv mit Datenbank und allen hochgeladenen Dateien."

    def add_arguments(self, parser):
        parser.add_argument(
            "--folder",
            default=settings.BACKUP_ROOT,
            type=Path,
            help="Zielordner (Voreinstellung: DJANGO_BACKUP_ROOT)",
        )

    def handle(self, *args, folder, **options):
        try:
            archive = create_backup(settings.DATABASES["default"], settings.MEDIA_ROOT, folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        # The last line is the archive's path alone, for scripts: `archive=$(... | tail -n 1)`.
        self.stdout.write(str(archive.resolve()))
