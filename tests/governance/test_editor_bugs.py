"""Bugs the Redaktion hit in a normal week (issue 10): agenda order, meeting documents without
Gremium, German typing habits in the meeting form."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from governance.models import AgendaItem, Document, Meeting, natural_sort_key
from tests.admin_helpers import add_inline_row, admin_url, form_data, form_errors, post_change
from tests.factories import (
    MINIMAL_PDF,
    AgendaItemFactory,
    BodyFactory,
    DocumentFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db

NUMBERS = ["10", "2.10", "3", "1", "2.1", "2", "2.2"]
NATURAL = ["1", "2", "2.1", "2.2", "2.10", "3", "10"]


# Bug 1: agenda items sort as numbers, not as text.


def test_natural_sort_key_orders_numbers_as_people_read_them():
    assert sorted(NUMBERS, key=natural_sort_key) == NATURAL
    assert sorted(["TOP 10", "TOP 9", "top 2a", "top 2"], key=natural_sort_key) == [
        "top 2",
        "top 2a",
        "TOP 9",
        "TOP 10",
    ]


def _meeting_with_agenda():
    meeting = MeetingFactory()
    for number in NUMBERS:
        AgendaItemFactory(meeting=meeting, number=number, title=f"Punkt {number}")
    return meeting


def test_agenda_items_sort_naturally_in_queries():
    meeting = _meeting_with_agenda()

    assert [item.number for item in meeting.agenda_items.all()] == NATURAL
    assert AgendaItem.objects.get(meeting=meeting, number="2.10").number_sort_key == (
        "000002.000010"
    )


def test_sort_key_follows_a_changed_number_and_bulk_create():
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting, number="9")
    item.number = "11"
    item.save()
    AgendaItem.objects.bulk_create([AgendaItem(meeting=meeting, number="10", title="Zehn")])

    assert [i.number for i in meeting.agenda_items.all()] == ["10", "11"]


def test_explicit_order_still_comes_first():
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, number="1", order=2)
    AgendaItemFactory(meeting=meeting, number="10", order=1)

    assert [i.number for i in meeting.agenda_items.all()] == ["10", "1"]


def test_public_meeting_page_lists_agenda_in_natural_order(client):
    meeting = _meeting_with_agenda()

    response = client.get(meeting.get_absolute_url())

    shown = re.findall(r'<span class="agenda-number">([^<]+)</span>', response.content.decode())
    assert shown == NATURAL


def test_admin_agenda_inline_lists_items_in_natural_order(editor_client):
    meeting = _meeting_with_agenda()

    response = editor_client.get(admin_url(Meeting, "change", meeting.pk))

    agenda = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is AgendaItem
    )
    assert [form.instance.number for form in agenda.forms if form.instance.pk] == NATURAL


# Bug 3: documents of a meeting belong to its Gremium.


def test_document_with_meeting_takes_the_meetings_body():
    meeting = MeetingFactory()

    document = DocumentFactory(meeting=meeting)

    assert document.body == meeting.body
    document.refresh_from_db()
    assert document.body == meeting.body


def test_document_added_in_meeting_inline_appears_on_the_body_page(editor_client, client):
    meeting = MeetingFactory()
    url = admin_url(Meeting, "change", meeting.pk)
    data = form_data(editor_client.get(url))
    add_inline_row(
        data,
        "documents",
        title="Niederschrift der Sitzung",
        slug="niederschrift-der-sitzung",
        kind=Document.Kind.MINUTES,
        date="2024-09-01",
        file=SimpleUploadedFile("niederschrift.pdf", MINIMAL_PDF),
        is_published="on",
    )

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    document = meeting.documents.get()
    assert document.body == meeting.body
    page = client.get(meeting.body.get_absolute_url()).content.decode()
    assert "Niederschrift der Sitzung" in page


def test_body_that_contradicts_the_meeting_is_a_german_error(editor_client):
    meeting = MeetingFactory(body=BodyFactory(name="Beirat"))
    document = DocumentFactory(meeting=meeting)

    response = post_change(editor_client, document, body=str(BodyFactory(name="Andere").pk))

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["body"]
    assert errors == [
        f"Die Sitzung „{meeting.title}“ gehört zum Gremium „Beirat“. Bitte dieses Gremium "
        "wählen oder das Feld leer lassen."
    ]
    document.refresh_from_db()
    assert document.body == meeting.body


def test_meeting_moved_to_another_body_takes_its_documents_along(editor_client):
    meeting = MeetingFactory()
    document = DocumentFactory(meeting=meeting)
    other = BodyFactory()

    response = post_change(editor_client, meeting, body=str(other.pk))

    assert response.status_code == 302, form_errors(response)
    document.refresh_from_db()
    assert document.body == other


def test_document_list_names_the_meeting_and_filters_by_body(client):
    beirat = BodyFactory(name="Beirat Stadtregion", slug="beirat")
    meeting = MeetingFactory(body=beirat, title="Sitzung des Beirats")
    DocumentFactory(title="Einladung zum Beirat", meeting=meeting, kind=Document.Kind.INVITATION)
    DocumentFactory(title="Bericht der Runde", body=BodyFactory(name="Bürgermeisterrunde"))

    page = client.get("/dokumente/").content.decode()
    assert f'<a href="{meeting.get_absolute_url()}">{meeting}</a>' in page
    assert '<option value="beirat">Beirat Stadtregion</option>' in page

    filtered = client.get("/dokumente/", {"gremium": "beirat"}).content.decode()
    assert "Einladung zum Beirat" in filtered
    assert "Bericht der Runde" not in filtered

    unknown = client.get("/dokumente/", {"gremium": "gibt-es-nicht"})
    assert unknown.status_code == 200
    assert unknown.context["filter_form"].errors


def test_document_kinds_a_council_office_files():
    labels = dict(Document.Kind.choices)
    assert {"einladung", "tagesordnung", "vorlage", "beschlussvorlage"} <= set(labels)
    assert labels["einladung"] == "Einladung"
    assert labels["tagesordnung"] == "Tagesordnung"
    assert labels["vorlage"] == "Vorlage"
    assert labels["beschlussvorlage"] == "Beschlussvorlage"
    # Niederschrift replaces the colloquial Protokoll; the stored value stays.
    assert labels["protokoll"] == "Niederschrift (Protokoll)"


# Bug 5: times typed as "17.00"; a recurring title gets a unique slug.


def _add_meeting(editor_client, body, *, title, slug, day="18.09.2025", time="17:00"):
    url = admin_url(Meeting, "add")
    data = form_data(editor_client.get(url))
    data.update(
        {"title": title, "slug": slug, "body": str(body.pk), "start_0": day, "start_1": time}
    )
    return editor_client.post(url, data)


def test_meeting_time_typed_with_a_dot(editor_client):
    body = BodyFactory()

    response = _add_meeting(
        editor_client, body, title="Rätetreffen", slug="raetetreffen", time="17.00"
    )

    assert response.status_code == 302, form_errors(response)
    meeting = Meeting.objects.get(slug="raetetreffen")
    assert timezone.localtime(meeting.start).time() == datetime.time(17, 0)


def test_meeting_end_time_typed_with_a_dot(editor_client):
    meeting = MeetingFactory(start=timezone.make_aware(datetime.datetime(2025, 9, 18, 17, 0)))

    response = post_change(editor_client, meeting, end_0="18.09.2025", end_1="19.30")

    assert response.status_code == 302, form_errors(response)
    meeting.refresh_from_db()
    assert timezone.localtime(meeting.end).time() == datetime.time(19, 30)


def test_recurring_meeting_title_gets_a_unique_slug(editor_client):
    body = BodyFactory()
    title = "Sitzung des Beirats Stadtregion"
    MeetingFactory(title=title, slug="sitzung-des-beirats-stadtregion")

    response = _add_meeting(
        editor_client, body, title=title, slug="sitzung-des-beirats-stadtregion"
    )
    assert response.status_code == 302, form_errors(response)
    assert Meeting.objects.filter(slug="sitzung-des-beirats-stadtregion-2025-09-18").exists()

    # The same title on the same day once more: a number.
    response = _add_meeting(
        editor_client, body, title=title, slug="sitzung-des-beirats-stadtregion"
    )
    assert response.status_code == 302, form_errors(response)
    assert Meeting.objects.filter(slug="sitzung-des-beirats-stadtregion-2").exists()


def test_slug_suggested_from_a_german_title_is_recognised(editor_client):
    MeetingFactory(title="Bürgermeisterrunde", slug="buergermeisterrunde")

    response = _add_meeting(
        editor_client, BodyFactory(), title="Bürgermeisterrunde", slug="buergermeisterrunde"
    )

    assert response.status_code == 302, form_errors(response)
    assert Meeting.objects.filter(slug="buergermeisterrunde-2025-09-18").exists()


def test_typed_slug_that_is_taken_keeps_the_german_error(editor_client):
    MeetingFactory(slug="beirat")

    response = _add_meeting(
        editor_client, BodyFactory(), title="Sitzung des Beirats Stadtregion", slug="beirat"
    )

    assert response.status_code == 200
    assert form_errors(response) == [
        "Sitzung/Termin mit diesem Wert für das Feld Kürzel in der Adresse existiert bereits."
    ]
