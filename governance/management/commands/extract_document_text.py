from django.core.management.base import BaseCommand

from governance.models import Document
from uploads.pdftext import field_file_text


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
        for document in documents.iterator():
            document.text_content = field_file_text(document.file)
            # Saved with post_save (the search stores the text's vector), but as no editorial
            # change: "zuletzt geändert am" stays, and no history entry.
            document.skip_history_when_saving = True
            document.save(update_fields=["text_content"])
            text = document.text_content
            read += bool(text)
            empty += not text
        self.stdout.write(
            f"{read} Dokument(e) mit Text, {empty} ohne lesbaren Text "
            "(Scan ohne Texterkennung, beschädigte oder fehlende Datei)."
        )
