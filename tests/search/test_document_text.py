"""The text of a document's PDF, read for the search whenever the file is new or replaced."""

import io
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from pypdf import PdfReader, PdfWriter

from governance.models import Document
from stadtregion.seed.pdf import build_pdf
from tests.admin_helpers import admin_url, form_data, form_errors, post_change
from tests.factories import DocumentFactory
from uploads import pdftext

pytestmark = pytest.mark.django_db


def pdf_bytes(*lines: str) -> bytes:
    return build_pdf("Anlage", list(lines))


def pdf_file(*lines: str) -> ContentFile:
    return ContentFile(pdf_bytes(*lines), name="anlage.pdf")


@pytest.fixture
def reads(monkeypatch):
    """Counts how often a document's PDF is read."""
    calls = []
    original = pdftext.field_file_text

    def counting(field_file):
        calls.append(field_file.name)
        return original(field_file)

    monkeypatch.setattr("governance.models.field_file_text", counting)
    return calls


def test_a_new_document_gets_the_text_of_its_pdf():
    document = DocumentFactory(file=pdf_file("Die Velorouten verbinden die Kommunen."))
    document.refresh_from_db()
    assert "Die Velorouten verbinden die Kommunen." in document.text_content
    assert "Anlage" in document.text_content


def test_a_replaced_file_is_read_again_and_an_unchanged_one_is_not(reads):
    document = DocumentFactory(file=pdf_file("Erste Fassung"))
    assert len(reads) == 1

    document = Document.objects.get(pk=document.pk)
    document.title = "Neuer Titel"
    document.save()
    document.save(update_fields=["title"])
    assert len(reads) == 1

    document.file = pdf_file("Zweite Fassung")
    document.save(update_fields=["file"])
    document.refresh_from_db()
    assert len(reads) == 2
    assert "Zweite Fassung" in document.text_content
    assert "Erste Fassung" not in document.text_content


def test_a_file_saved_through_its_field_is_read(reads):
    """The seed's way: FieldFile.save() stores the file, then saves the document."""
    document = Document.objects.get(pk=DocumentFactory().pk)
    document.file.save("neu.pdf", pdf_file("Nachgereicht"), save=True)
    document.refresh_from_db()
    assert "Nachgereicht" in document.text_content
    assert len(reads) == 2


def test_an_upload_in_the_admin_is_read(editor_client):
    url = admin_url(Document, "add")
    data = form_data(editor_client.get(url))
    upload = SimpleUploadedFile("bericht.pdf", pdf_bytes("Regionale Wohnungsmarktbeobachtung"))
    data.update(title="Bericht", slug="bericht", kind="bericht", date="2022-05-01", file=upload)
    response = editor_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    document = Document.objects.get(slug="bericht")
    assert "Regionale Wohnungsmarktbeobachtung" in document.text_content
    # Editing the other fields keeps the text; the field is not in the form at all.
    assert "text_content" not in data
    response = post_change(editor_client, document, title="Bericht 2022")
    assert response.status_code == 302, form_errors(response)
    document.refresh_from_db()
    assert "Regionale Wohnungsmarktbeobachtung" in document.text_content


def test_an_unreadable_pdf_leaves_the_text_empty():
    assert pdftext.extract_text(io.BytesIO(b"%PDF-1.4\nkein echtes PDF")) == ""
    assert pdftext.extract_text(io.BytesIO(b"<html>kein PDF</html>")) == ""


def test_a_missing_file_leaves_the_text_empty():
    document = Document.objects.create(
        title="Verloren",
        slug="verloren",
        kind="bericht",
        date="2024-01-01",
        file="dokumente/weg.pdf",
    )
    assert document.text_content == ""


def test_a_slow_pdf_is_given_up_after_the_time_limit(monkeypatch):
    def hang(*args, **kwargs):
        time.sleep(30)

    monkeypatch.setattr(pdftext, "_read_pages", hang)
    started = time.monotonic()
    text = pdftext.extract_text(io.BytesIO(pdf_bytes("Text")), time_limit=0.2)
    assert text == ""
    assert time.monotonic() - started < 5


def test_pages_characters_and_bytes_are_capped(monkeypatch):
    writer = PdfWriter()
    for word in ("Erstens", "Zweitens", "Drittens"):
        writer.add_page(PdfReader(io.BytesIO(pdf_bytes(word))).pages[0])
    buffer = io.BytesIO()
    writer.write(buffer)

    text = pdftext.extract_text(buffer, max_pages=2)
    assert "Zweitens" in text and "Drittens" not in text
    assert len(pdftext.extract_text(buffer, max_chars=10)) <= 10
    monkeypatch.setattr(pdftext, "MAX_BYTES", 100)
    assert pdftext.extract_text(buffer) == ""


def test_control_characters_are_removed():
    text = pdftext.extract_text(io.BytesIO(pdf_bytes("Zeile\x00mit\x07Steuerzeichen")))
    assert "\x00" not in text and "\x07" not in text


def test_the_command_reads_documents_without_text():
    missing = DocumentFactory(file=pdf_file("Haushaltsplan"))
    kept = DocumentFactory(file=pdf_file("Kontrakt"))
    Document.objects.filter(pk=missing.pk).update(text_content="")
    Document.objects.filter(pk=kept.pk).update(text_content="von Hand")
    out = io.StringIO()
    call_command("extract_document_text", stdout=out)
    assert "Haushaltsplan" in Document.objects.get(pk=missing.pk).text_content
    assert Document.objects.get(pk=kept.pk).text_content == "von Hand"
    assert "1 Dokument(e) mit Text, 0 ohne lesbaren Text" in out.getvalue()

    call_command("extract_document_text", "--alle", stdout=io.StringIO())
    assert "Kontrakt" in Document.objects.get(pk=kept.pk).text_content
    # A re-read text is no editorial change: no "Stand" moved, no history entry.
    assert Document.objects.get(pk=kept.pk).updated_at == kept.updated_at
    assert kept.history.count() == 1


def test_the_seeded_documents_have_text(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", "--quiet")
    documents = list(Document.objects.all())
    assert documents
    for document in documents:
        assert document.title.split()[0] in document.text_content, document.slug


def test_a_process_that_cannot_start_leaves_the_text_empty(monkeypatch):
    def no_memory(self):
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr("multiprocessing.process.BaseProcess.start", no_memory)
    assert pdftext.extract_text(io.BytesIO(pdf_bytes("Text"))) == ""
