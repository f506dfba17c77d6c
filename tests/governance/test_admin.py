import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from governance.models import AgendaItem, Body, Document, Meeting, Membership, TimelineEvent
from tests.admin_helpers import (
    AdminCase,
    add_inline_row,
    admin_url,
    check_changelist_queries_constant,
    check_pages,
    check_save_recorded,
    form_data,
    form_errors,
    post_change,
)
from tests.factories import (
    MINIMAL_PDF,
    AgendaItemFactory,
    BodyFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
    MunicipalityFactory,
    SeatQuotaFactory,
    TimelineEventFactory,
)

pytestmark = pytest.mark.django_db

PAST = {"start_date": datetime.date(2015, 1, 1), "end_date": datetime.date(2019, 12, 31)}


def _bodies():
    beirat = BodyFactory(name="Beirat Stadtregion", kind=Body.Kind.ADVISORY)
    greven = MunicipalityFactory(name="Greven")
    SeatQuotaFactory(body=beirat, municipality=greven, seats=3)
    MembershipFactory(body=beirat, municipality=greven)
    return beirat, BodyFactory(name="Bürgermeisterrunde")


def _memberships():
    return (
        MembershipFactory(person_name="Anna Beispiel"),
        MembershipFactory(person_name="Bernd Früher", **PAST),
    )


def _meetings():
    meeting = MeetingFactory(title="Rätetreffen")
    AgendaItemFactory(meeting=meeting)
    DocumentFactory(meeting=meeting)
    past = MeetingFactory(
        title="Sitzung des Beirats", start=timezone.now() - datetime.timedelta(days=30)
    )
    return meeting, past


def _agenda_items():
    return (
        AgendaItemFactory(title="Begrüßung"),
        AgendaItemFactory(title="Verschiedenes", is_public=False),
    )


def _documents():
    return (
        DocumentFactory(title="Kontrakt zur Zusammenarbeit", kind=Document.Kind.CONTRACT),
        DocumentFactory(title="Wohnungsmarktbericht"),
    )


def _events():
    return (
        TimelineEventFactory(title="European Energy Award"),
        TimelineEventFactory(title="Gründung", precision="jahr"),
    )


CASES = [
    AdminCase(
        _bodies,
        search="Beirat",
        filters={"kind__exact": "beirat"},
        change={"summary": "40 Botschafterinnen und Botschafter."},
    ),
    AdminCase(
        _memberships,
        search="Anna",
        filters={"stand": "aktuell"},
        change={"function": "Ratsmitglied"},
    ),
    AdminCase(
        _meetings,
        search="Rätetreffen",
        filters={"zeitraum": "kommende"},
        change={"location": "LWL-Museum für Kunst und Kultur"},
    ),
    AdminCase(
        _agenda_items,
        search="Begrüßung",
        filters={"is_public__exact": "1"},
        change={"title": "Begrüßung und Einführung"},
    ),
    AdminCase(
        _documents,
        search="Kontrakt",
        filters={"kind__exact": "kontrakt"},
        change={"description": "Beschlossen von allen zwölf Räten."},
    ),
    AdminCase(
        _events,
        search="Energy",
        filters={"precision__exact": "tag"},
        change={"title": "European Energy Award für die Stadtregion"},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_editor_can_use_every_page(editor_client, case):
    check_pages(editor_client, case)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_editor_saves_are_kept_in_history(editor_client, editor, case):
    check_save_recorded(editor_client, editor, case)


def test_body_list_counts_current_members_only(editor_client):
    beirat, _other = _bodies()  # one current member
    MembershipFactory(body=beirat, **PAST)

    response = editor_client.get(admin_url(Body, "changelist"))

    counts = {body.pk: body.current_member_count for body in response.context["cl"].result_list}
    assert counts[beirat.pk] == 1


# Seat quotas: 40 seats in the Beirat, 3 per municipality, 7 for Münster.


@pytest.fixture
def beirat():
    body = BodyFactory(name="Beirat Stadtregion", kind=Body.Kind.ADVISORY)
    body.greven = MunicipalityFactory(name="Greven")
    body.muenster = MunicipalityFactory(name="Münster")
    SeatQuotaFactory(body=body, municipality=body.greven, seats=3)
    SeatQuotaFactory(body=body, municipality=body.muenster, seats=7)
    return body


def _body_form(client, body):
    url = admin_url(Body, "change", body.pk)
    return url, form_data(client.get(url))


def _add_member(data, municipality, name, **extra):
    add_inline_row(
        data,
        "memberships",
        person_name=name,
        role="mitglied",
        municipality=str(municipality.pk),
        **extra,
    )


def _quota_index(data, municipality) -> int:
    total = int(data["seat_quotas-TOTAL_FORMS"])
    return next(
        i for i in range(total) if data[f"seat_quotas-{i}-municipality"] == str(municipality.pk)
    )


def test_fourth_greven_member_is_rejected(editor_client, beirat):
    MembershipFactory.create_batch(3, body=beirat, municipality=beirat.greven)
    url, data = _body_form(editor_client, beirat)
    _add_member(data, beirat.greven, "Vierte Person")

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert (
        "Greven hat in „Beirat Stadtregion“ nur 3 Sitze; eingetragen sind 4 Mitglieder."
        in form_errors(response)
    )
    assert beirat.memberships.count() == 3


@pytest.mark.parametrize(("count", "accepted"), [(7, True), (8, False)])
def test_muenster_has_seven_seats(editor_client, beirat, count, accepted):
    url, data = _body_form(editor_client, beirat)
    for number in range(count):
        _add_member(data, beirat.muenster, f"Ratsmitglied {number}")

    response = editor_client.post(url, data)

    if accepted:
        assert response.status_code == 302, form_errors(response)
        assert beirat.memberships.filter(municipality=beirat.muenster).count() == 7
    else:
        assert response.status_code == 200
        assert (
            "Münster hat in „Beirat Stadtregion“ nur 7 Sitze; eingetragen sind 8 Mitglieder."
            in (form_errors(response))
        )
        assert not beirat.memberships.exists()


def test_former_members_do_not_count(editor_client, beirat):
    MembershipFactory.create_batch(3, body=beirat, municipality=beirat.greven, **PAST)
    MembershipFactory.create_batch(2, body=beirat, municipality=beirat.greven)
    url, data = _body_form(editor_client, beirat)
    _add_member(data, beirat.greven, "Neue Person")

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    assert beirat.memberships.current().filter(municipality=beirat.greven).count() == 3


def test_deleted_rows_do_not_count(editor_client, beirat):
    MembershipFactory.create_batch(3, body=beirat, municipality=beirat.greven)
    url, data = _body_form(editor_client, beirat)
    data["memberships-0-DELETE"] = "on"
    _add_member(data, beirat.greven, "Nachfolgerin")

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    assert beirat.memberships.filter(municipality=beirat.greven).count() == 3
    assert beirat.memberships.filter(person_name="Nachfolgerin").exists()


def test_members_of_the_next_term_count_from_their_start(editor_client, beirat):
    MembershipFactory.create_batch(3, body=beirat, municipality=beirat.greven)
    next_year = timezone.localdate() + datetime.timedelta(days=365)
    url, data = _body_form(editor_client, beirat)
    _add_member(data, beirat.greven, "Neu gewählt", start_date=next_year.isoformat())

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert (
        f"Greven hat in „Beirat Stadtregion“ nur 3 Sitze; ab dem {next_year:%d.%m.%Y} "
        "wären es 4 Mitglieder." in form_errors(response)
    )


def test_next_term_fits_when_the_old_term_ends(editor_client, beirat):
    next_year = timezone.localdate() + datetime.timedelta(days=365)
    MembershipFactory.create_batch(
        3, body=beirat, municipality=beirat.greven, end_date=next_year - datetime.timedelta(days=1)
    )
    url, data = _body_form(editor_client, beirat)
    for number in range(3):
        _add_member(data, beirat.greven, f"Neu {number}", start_date=next_year.isoformat())

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)


def test_quota_lowered_in_the_same_submit_is_enforced(editor_client, beirat):
    MembershipFactory.create_batch(3, body=beirat, municipality=beirat.greven)
    url, data = _body_form(editor_client, beirat)
    data[f"seat_quotas-{_quota_index(data, beirat.greven)}-seats"] = "2"

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "Greven hat in „Beirat Stadtregion“ nur 2 Sitze; eingetragen sind 3 Mitglieder." in (
        form_errors(response)
    )
    assert beirat.seat_quotas.get(municipality=beirat.greven).seats == 3


def test_quota_removed_in_the_same_submit_lifts_the_limit(editor_client, beirat):
    MembershipFactory.create_batch(3, body=beirat, municipality=beirat.greven)
    url, data = _body_form(editor_client, beirat)
    data[f"seat_quotas-{_quota_index(data, beirat.greven)}-DELETE"] = "on"
    _add_member(data, beirat.greven, "Vierte Person")

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    assert beirat.memberships.filter(municipality=beirat.greven).count() == 4


def test_new_body_with_quota_and_too_many_members_is_rejected(editor_client):
    greven = MunicipalityFactory(name="Greven")
    url = admin_url(Body, "add")
    data = form_data(editor_client.get(url))
    data.update(name="Ansprechpartnerrunde", slug="ansprechpartnerrunde", kind="koordination")
    data.update(summary="Eine Person je Verwaltung.", order="0")
    add_inline_row(data, "seat_quotas", municipality=str(greven.pk), seats="1")
    _add_member(data, greven, "Erste Person")
    _add_member(data, greven, "Zweite Person")

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert (
        "Greven hat in „Ansprechpartnerrunde“ nur 1 Sitz; eingetragen sind 2 Mitglieder."
        in form_errors(response)
    )
    assert not Body.objects.filter(slug="ansprechpartnerrunde").exists()


@pytest.mark.parametrize(
    ("seats", "message"),
    [("0", "Dieser Wert muss größer oder gleich 1 sein."), ("-2", "größer oder gleich 1")],
)
def test_quota_needs_at_least_one_seat(editor_client, beirat, seats, message):
    url, data = _body_form(editor_client, beirat)
    data[f"seat_quotas-{_quota_index(data, beirat.greven)}-seats"] = seats

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert any(message in error for error in form_errors(response)), form_errors(response)


def test_second_quota_for_the_same_municipality_is_rejected(editor_client, beirat):
    url, data = _body_form(editor_client, beirat)
    add_inline_row(data, "seat_quotas", municipality=str(beirat.greven.pk), seats="2")

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert any("doppelt" in error for error in form_errors(response)), form_errors(response)
    assert beirat.seat_quotas.count() == 2


def _membership_data(client, beirat, municipality, **extra):
    data = form_data(client.get(admin_url(Membership, "add")))
    data.update(
        {
            "person_name": "Neue Person",
            "role": "mitglied",
            "body": str(beirat.pk),
            "municipality": str(municipality.pk),
            "start_date": "2024-01-01",
            **extra,
        }
    )
    return data


def test_membership_admin_rejects_a_member_beyond_the_quota(editor_client, beirat):
    MembershipFactory.create_batch(3, body=beirat, municipality=beirat.greven)

    response = editor_client.post(
        admin_url(Membership, "add"), _membership_data(editor_client, beirat, beirat.greven)
    )

    assert response.status_code == 200
    assert (
        "Greven hat in „Beirat Stadtregion“ nur 3 Sitze; eingetragen sind 4 Mitglieder."
        in form_errors(response)
    )


def test_membership_admin_accepts_a_former_member_beyond_the_quota(editor_client, beirat):
    MembershipFactory.create_batch(3, body=beirat, municipality=beirat.greven)
    data = _membership_data(
        editor_client, beirat, beirat.greven, start_date="2015-01-01", end_date="2019-12-31"
    )

    response = editor_client.post(admin_url(Membership, "add"), data)

    assert response.status_code == 302, form_errors(response)


def test_membership_admin_does_not_count_the_member_twice(editor_client, beirat):
    first, *_rest = MembershipFactory.create_batch(3, body=beirat, municipality=beirat.greven)

    response = post_change(editor_client, first, function="Ratsfrau")

    assert response.status_code == 302, form_errors(response)


def test_membership_admin_rejects_moving_a_member_into_a_full_municipality(editor_client, beirat):
    MembershipFactory.create_batch(3, body=beirat, municipality=beirat.greven)
    member = MembershipFactory(body=beirat, municipality=beirat.muenster)

    response = post_change(editor_client, member, municipality=str(beirat.greven.pk))

    assert response.status_code == 200
    assert any("Greven hat" in error for error in form_errors(response))


# Uploads: the content decides, not the file name.


def _png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2)).save(buffer, format="PNG")
    return buffer.getvalue()


def _post_document(client, content: bytes, name="kontrakt.pdf"):
    url = admin_url(Document, "add")
    data = form_data(client.get(url))
    data.update(
        title="Kontrakt",
        slug="kontrakt",
        kind="kontrakt",
        date="2018-12-31",
        file=SimpleUploadedFile(name, content, content_type="application/pdf"),
    )
    return client.post(url, data)


NOT_PDF = "ist kein PDF-Dokument, auch wenn ihre Endung das verspricht."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (_png_bytes(), NOT_PDF),
        (b"Dies ist nur Text.\n", NOT_PDF),
        (b"", "Die übertragene Datei ist leer."),
    ],
    ids=["png", "text", "empty"],
)
def test_fake_pdf_is_rejected(editor_client, content, message):
    response = _post_document(editor_client, content)

    assert response.status_code == 200
    assert any(message in error for error in form_errors(response))
    assert not Document.objects.exists()


def test_oversized_pdf_is_rejected(editor_client, settings):
    settings.DOCUMENT_MAX_UPLOAD_MB = 0

    response = _post_document(editor_client, MINIMAL_PDF)

    assert response.status_code == 200
    assert any("erlaubt sind höchstens" in error for error in form_errors(response))
    assert not Document.objects.exists()


def test_valid_pdf_is_saved(editor_client, editor):
    response = _post_document(editor_client, MINIMAL_PDF)

    assert response.status_code == 302, form_errors(response)
    document = Document.objects.get(slug="kontrakt")
    with document.file.open("rb") as stored:
        assert stored.read() == MINIMAL_PDF
    assert document.history.get().history_user == editor


def test_fake_pdf_in_the_meeting_inline_is_rejected(editor_client):
    meeting = MeetingFactory()
    url = admin_url(Meeting, "change", meeting.pk)
    data = form_data(editor_client.get(url))
    add_inline_row(
        data,
        "documents",
        title="Protokoll",
        slug="protokoll",
        kind="protokoll",
        date="2024-09-18",
        file=SimpleUploadedFile("protokoll.pdf", _png_bytes()),
        is_published="on",
    )

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert any(NOT_PDF in error for error in form_errors(response))
    assert not Document.objects.exists()


def test_meeting_saved_with_agenda_and_document_inlines(editor_client, editor):
    meeting = MeetingFactory()
    url = admin_url(Meeting, "change", meeting.pk)
    data = form_data(editor_client.get(url))
    add_inline_row(data, "agenda_items", number="1", title="Begrüßung", order="1", is_public="on")
    add_inline_row(
        data,
        "documents",
        title="Einladung",
        slug="einladung",
        kind="sonstiges",
        date="2024-09-01",
        file=SimpleUploadedFile("einladung.pdf", MINIMAL_PDF),
        is_published="on",
    )

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    assert meeting.agenda_items.get().title == "Begrüßung"
    assert meeting.documents.get().slug == "einladung"
    assert AgendaItem.history.get().history_user == editor


def test_duplicate_agenda_number_is_a_german_error(editor_client):
    item = AgendaItemFactory(number="1")
    url = admin_url(Meeting, "change", item.meeting.pk)
    data = form_data(editor_client.get(url))
    add_inline_row(data, "agenda_items", number="1", title="Doppelt", order="2", is_public="on")

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert any("doppelt" in error or "bereits" in error for error in form_errors(response)), (
        form_errors(response)
    )


def test_meeting_end_before_start_is_a_german_error(editor_client):
    meeting = MeetingFactory()
    start = timezone.localtime(meeting.start)
    earlier = start - datetime.timedelta(hours=2)

    response = post_change(
        editor_client,
        meeting,
        end_0=earlier.date().isoformat(),
        end_1=earlier.time().strftime("%H:%M:%S"),
    )

    assert response.status_code == 200
    assert "Das Ende darf nicht vor dem Beginn liegen." in form_errors(response)


def test_timeline_and_agenda_items_link_to_public_pages(editor_client):
    event = TimelineEventFactory()
    item = AgendaItemFactory()

    event_page = editor_client.get(admin_url(TimelineEvent, "change", event.pk)).content.decode()
    item_page = editor_client.get(admin_url(AgendaItem, "change", item.pk)).content.decode()

    assert 'class="viewsitelink"' in event_page
    assert 'class="viewsitelink"' in item_page


@pytest.mark.parametrize("model", [Meeting, Document])
def test_unpublish_action(editor_client, model):
    factory = MeetingFactory if model is Meeting else DocumentFactory
    obj = factory(is_published=True)

    response = editor_client.post(
        admin_url(model, "changelist"), {"action": "unpublish", "_selected_action": [obj.pk]}
    )

    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.is_published is False
    assert obj.history.first().history_type == "~"


def test_membership_rows_offer_no_detours_to_edit_municipalities(editor_client, beirat):
    MembershipFactory(body=beirat, municipality=beirat.greven)

    content = editor_client.get(admin_url(Body, "change", beirat.pk)).content.decode()

    assert 'name="memberships-0-municipality"' in content
    assert "add_id_memberships-0-municipality" not in content
    assert "change_id_memberships-0-municipality" not in content


@pytest.mark.parametrize(
    ("model", "make"),
    [
        (Body, lambda: MembershipFactory(body=SeatQuotaFactory().body)),
        (Membership, MembershipFactory),
        (Meeting, MeetingFactory),
        (AgendaItem, AgendaItemFactory),
        (Document, lambda: DocumentFactory(body=BodyFactory(), meeting=MeetingFactory())),
        (TimelineEvent, TimelineEventFactory),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_changelists_need_no_query_per_row(editor_client, model, make):
    check_changelist_queries_constant(editor_client, model, make)


def test_admin_search_finds_words_of_the_pdf_and_a_meetings_address(editor_client):
    document = DocumentFactory(title="Beschluss", description="")
    Document.objects.filter(pk=document.pk).update(text_content="Mobilstationen im Kreis")
    meeting = MeetingFactory(title="Sitzung", address="Klemensstraße 10, 48143 Münster")

    found = editor_client.get(admin_url(Document, "changelist"), {"q": "Mobilstationen"})
    assert [d.pk for d in found.context["cl"].result_list] == [document.pk]
    found = editor_client.get(admin_url(Meeting, "changelist"), {"q": "Klemensstraße"})
    assert [m.pk for m in found.context["cl"].result_list] == [meeting.pk]


def test_an_uploaded_pdf_shows_by_the_name_it_was_uploaded_with(editor_client):
    """Stored under a random name, shown to editors as they know it."""
    meeting = MeetingFactory()
    url = admin_url(Meeting, "change", meeting.pk)
    data = form_data(editor_client.get(url))
    add_inline_row(
        data,
        "documents",
        title="Protokoll",
        slug="protokoll",
        kind="sonstiges",
        date="2024-09-01",
        file=SimpleUploadedFile("Protokoll Beirat 2024.pdf", MINIMAL_PDF),
    )
    assert editor_client.post(url, data).status_code == 302
    document = meeting.documents.get()
    assert "Beirat" not in document.file.name
    assert document.file_name == "Protokoll Beirat 2024.pdf"
    html = editor_client.get(admin_url(Document, "change", document.pk)).content.decode()
    assert ">Protokoll Beirat 2024.pdf</a>" in html
