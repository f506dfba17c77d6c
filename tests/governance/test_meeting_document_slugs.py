"""Every meeting files an "Einladung": the slug suggested in the document inline is made unique."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from governance.models import Document, Meeting
from tests.admin_helpers import add_inline_row, admin_url, form_data, form_errors
from tests.factories import MINIMAL_PDF, DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _add_document(client, meeting, *, slug):
    url = admin_url(Meeting, "change", meeting.pk)
    data = form_data(client.get(url))
    add_inline_row(
        data,
        "documents",
        title="Einladung",
        slug=slug,
        kind=Document.Kind.INVITATION,
        date="2025-03-12",
        file=SimpleUploadedFile("einladung.pdf", MINIMAL_PDF),
        is_published="on",
    )
    return client.post(url, data)


def test_suggested_document_slug_in_meeting_inline_is_made_unique(editor_client):
    DocumentFactory(title="Einladung", slug="einladung")
    meeting = MeetingFactory()

    response = _add_document(editor_client, meeting, slug="einladung")

    assert response.status_code == 302, form_errors(response)
    document = meeting.documents.get()
    assert document.slug == "einladung-2025-03-12"
    assert document.body == meeting.body


def test_typed_document_slug_that_is_taken_keeps_the_german_error(editor_client):
    DocumentFactory(slug="beirat-einladung")
    meeting = MeetingFactory()

    response = _add_document(editor_client, meeting, slug="beirat-einladung")

    assert response.status_code == 200
    assert form_errors(response) == [
        "Dokument mit diesem Wert für das Feld Kürzel in der Adresse existiert bereits."
    ]
