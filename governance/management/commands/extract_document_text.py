from django.core.management.base import BaseCommand

from core.pdftext import field_file_text
from governance.models import Document


class Command(BaseCommand):
    help = (
        "Liest den Text der PDF-Dateien für die Suche aus: für Dokumente ohne Volltext, mit "
        "--alle für jedes Dokument. Ändert weder „zuletzt geändert am“ noch die Versionsgeschichte."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--alle", action="store_true", help="Auch Dokumente, die schon einen Volltext haben."
        )

    def handle(self, *args, alle=False, **options):
        documents = Document.objects.exclude(file="").order_by("pk")
        if not alle:
            documents = documents.filter(text_content="")
        read = empty = 0
        for document in documents.only("pk", "file").iterator():
            text = field_file_text(document.file)
            # update(), not save(): a re-read text is no editorial change.
            Document.objects.filter(pk=document.pk).update(text_content=text)
            read += bool(text)
            empty += not text
        self.stdout.write(
            f"{read} Dokument(e) mit Text, {empty} ohne lesbaren Text "
            "(Scan ohne Texterkennung, beschädigte oder fehlende Datei)."
        )
