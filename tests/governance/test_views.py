"""Public pages of the governance app: bodies, meetings, documents and the Chronik."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from governance.models import Document, Membership, TimelineEvent
from tests.admin_helpers import two_factor_login
from tests.factories import (
    MINIMAL_PDF,
    AgendaItemFactory,
    BodyFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
    MunicipalityFactory,
    ProjectFactory,
    SeatQuotaFactory,
    TimelineEventFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def staff_client(django_user_model):
    # A client of its own, so the anonymous "client" fixture stays logged out in the same test.
    staff = Client()
    two_factor_login(staff, django_user_model.objects.create_user("staff", is_staff=True))
    return staff


# ---------- Bodies ----------


def test_body_list(client):
    BodyFactory(
        name="Bürgermeisterrunde", slug="buergermeisterrunde", summary="Die zwölf Bürgermeister."
    )
    response = client.get(reverse("governance:body_list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Gremien</h1>" in html
    assert '<a href="/gremien/buergermeisterrunde/">Bürgermeisterrunde</a>' in html
    assert "Entscheidungsgremium" in html
    assert 'id="sub-nav"' in html and 'accesskey="u"' in html


def test_body_detail_members_history_quotas_meetings_documents(client):
    havixbeck = MunicipalityFactory(name="Havixbeck", slug="havixbeck")
    muenster = MunicipalityFactory(name="Münster", slug="muenster")
    body = BodyFactory(name="Beirat Stadtregion", slug="beirat", description="Berät die **Runde**.")
    MembershipFactory(
        body=body, person_name="Jörn Möltgen", function="Bürgermeister", municipality=havixbeck,
        role=Membership.Role.CHAIR, start_date=datetime.date(2024, 1, 1),
    )  # fmt: skip
    MembershipFactory(body=body, person_name="Bea Botschafterin", municipality=muenster)
    MembershipFactory(
        body=body, person_name="Thomas Stohldreier", role=Membership.Role.CHAIR,
        start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2021, 12, 31),
    )  # fmt: skip
    MembershipFactory(
        body=body, person_name="Noch Nicht Dabei", start_date=timezone.localdate() + 30 * DAY
    )
    SeatQuotaFactory(body=body, municipality=havixbeck, seats=3)
    SeatQuotaFactory(body=body, municipality=muenster, seats=7)
    MeetingFactory(body=body, title="Herbstsitzung")
    MeetingFactory(body=body, title="Frühjahrssitzung", start=timezone.now() - 60 * DAY)
    MeetingFactory(body=body, title="Geheime Sitzung", is_published=False)
    DocumentFactory(body=body, title="Geschäftsordnung Beirat")

    spring = timezone.localtime(timezone.now() - 60 * DAY).year
    response = client.get(f"{body.get_absolute_url()}?jahr={spring}")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Beirat Stadtregion</h1>" in html
    assert "<strong>Runde</strong>" in html
    current = html[html.index("Aktuelle Mitglieder") : html.index("Sitze je Kommune")]
    assert "Jörn Möltgen" in current and "Vorsitz und Sprecher/in" in current
    assert "Bea Botschafterin" in current
    assert "Thomas Stohldreier" not in current
    assert "Noch Nicht Dabei" not in html
    # Former members are on the archive page the detail page links to.
    assert "Thomas Stohldreier" not in html
    assert '<a class="more-link" href="/gremien/beirat/ehemalige/">1 früheres Mitglied' in html
    former = client.get("/gremien/beirat/ehemalige/").content.decode()
    assert "Thomas Stohldreier" in former
    assert (
        '<time datetime="2020-01-01">01.01.2020</time> bis <time datetime="2021-12-31">' in former
    )
    quotas = html[html.index("Sitze je Kommune") : html.index("Sitzungen und Termine")]
    assert "<caption" in quotas and ">7</td>" in quotas and ">10</td>" in quotas
    meetings = html[html.index("Sitzungen und Termine") :]
    assert meetings.index("Herbstsitzung") < meetings.index(f"Sitzungen im Jahr {spring}")
    assert meetings.index(f"Sitzungen im Jahr {spring}") < meetings.index("Frühjahrssitzung")
    assert "Geheime Sitzung" not in html
    assert "Geschäftsordnung Beirat" in html


def test_body_without_quota_has_no_quota_table(client):
    body = BodyFactory()
    html = client.get(body.get_absolute_url()).content.decode()
    assert "Sitze je Kommune" not in html
    assert "Für dieses Gremium sind keine Mitglieder eingetragen." in html


def test_unknown_body_is_404(client):
    response = client.get("/gremien/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


# ---------- Meetings ----------


def test_meeting_list_splits_upcoming_and_past(client):
    MeetingFactory(title="Rätetreffen 2030", start=timezone.now() + 10 * DAY)
    past_meeting = MeetingFactory(
        title="Kaleidoskop", start=timezone.now() - 10 * DAY, cancelled=True
    )
    MeetingFactory(title="Entwurfstermin", is_published=False)

    month = f"{timezone.localdate(past_meeting.start):%Y-%m}"
    response = client.get(reverse("governance:meeting_list"), {"monat": month})

    html = response.content.decode()
    assert response.status_code == 200
    upcoming, past = html.split('id="past-title"')
    assert "Rätetreffen 2030" in upcoming and "Kaleidoskop" not in upcoming
    assert "Kaleidoskop" in past and "abgesagt" in past
    assert "Entwurfstermin" not in html
    assert '<time datetime="' in html


def test_meeting_detail_shows_public_agenda_documents_and_body_link(client):
    body = BodyFactory(name="Bürgermeisterrunde", slug="bmr")
    start = timezone.make_aware(datetime.datetime(2030, 9, 18, 17, 0))
    meeting = MeetingFactory(
        body=body, title="Rätetreffen", start=start, end=start + datetime.timedelta(hours=3),
        location="LWL-Museum", address="Domplatz 10, 48143 Münster",
    )  # fmt: skip
    AgendaItemFactory(meeting=meeting, number="1", title="Begrüßung")
    AgendaItemFactory(meeting=meeting, number="2", title="Personalsache", is_public=False)
    DocumentFactory(meeting=meeting, title="Einladung")

    response = client.get(meeting.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert '<time datetime="2030-09-18T17:00:00+02:00">Mittwoch, 18. September 2030</time>' in html
    assert "17:00 bis" in html and "20:00</time> Uhr" in html
    assert "LWL-Museum" in html and "Domplatz 10" in html
    assert "Begrüßung" in html
    assert "Personalsache" not in html
    assert "Einladung <span" in html
    assert '<a href="/gremien/bmr/">Bürgermeisterrunde</a>' in html
    assert "abgesagt" not in html


def test_cancelled_meeting_says_so(client):
    meeting = MeetingFactory(cancelled=True)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Dieser Termin ist abgesagt." in html


def test_unpublished_meeting_is_404_for_visitors_and_visible_to_staff(client, staff_client):
    meeting = MeetingFactory(is_published=False)
    assert client.get(meeting.get_absolute_url()).status_code == 404
    assert staff_client.get(meeting.get_absolute_url()).status_code == 200


# ---------- Documents ----------


def test_document_list_link_names_type_and_size(client):
    DocumentFactory(title="Kontrakt", slug="kontrakt", kind=Document.Kind.CONTRACT, is_demo=True)

    response = client.get(reverse("governance:document_list"))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<a class="document-link" href="/dokumente/kontrakt/datei.pdf">Kontrakt ' in html
    # filesizeformat keeps number and unit together with a no-break space.
    assert f"(PDF, {len(MINIMAL_PDF)}\xa0Bytes)</span></a>" in html
    assert "Beispielinhalt" in html
    assert '<a href="/dokumente/kontrakt/">Angaben zum Dokument' in html
    assert "1 Dokument gefunden" in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"art": "protokoll"}, "Protokoll 2023", "Bericht 2024"),
        ({"jahr": "2024"}, "Bericht 2024", "Protokoll 2023"),
        ({"art": "bericht", "jahr": "2024"}, "Bericht 2024", "Protokoll 2023"),
    ],
)
def test_document_filter(client, query, shown, hidden):
    DocumentFactory(
        title="Protokoll 2023", kind=Document.Kind.MINUTES, date=datetime.date(2023, 3, 1)
    )
    DocumentFactory(title="Bericht 2024", kind=Document.Kind.REPORT, date=datetime.date(2024, 3, 1))
    DocumentFactory(title="Entwurf 2024", date=datetime.date(2024, 3, 1), is_published=False)

    html = client.get(reverse("governance:document_list"), query).content.decode()

    assert shown in html
    assert hidden not in html
    assert "Entwurf 2024" not in html


@pytest.mark.parametrize("query", ["jahr=abc", "art=xyz", "jahr=1999", "jahr=2024&art=nope"])
def test_invalid_document_filter_shows_german_error(client, query):
    DocumentFactory(title="Bleibt sichtbar", date=datetime.date(2024, 1, 1))
    response = client.get(f"{reverse('governance:document_list')}?{query}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mindestens eine Auswahl ist ungültig" in html
    assert "Bitte eine gültige Auswahl treffen" in html
    assert "Bleibt sichtbar" in html


@pytest.mark.parametrize("page", ["999", "abc"])
def test_document_list_bad_page_is_404(client, page):
    DocumentFactory()
    assert client.get(reverse("governance:document_list"), {"page": page}).status_code == 404


def test_document_detail_and_download(client):
    body = BodyFactory(name="Bürgermeisterrunde", slug="bmr")
    project = ProjectFactory(title="Wohnregion 2030", slug="wohnregion-2030")
    document = DocumentFactory(
        title="Handlungskonzept", slug="handlungskonzept", kind=Document.Kind.CONCEPT,
        date=datetime.date(2018, 12, 6), body=body, project=project, description="Beschlossen 2018.",
    )  # fmt: skip

    html = client.get(document.get_absolute_url()).content.decode()

    assert "<h1>Handlungskonzept " in html
    assert '<time datetime="2018-12-06">6. Dezember 2018</time>' in html
    assert '<a href="/gremien/bmr/">Bürgermeisterrunde</a>' in html
    assert '<a href="/projekte/wohnregion-2030/">Wohnregion 2030</a>' in html
    assert 'href="/dokumente/handlungskonzept/datei.pdf"' in html
    download = client.get(document.get_download_url())
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"


def test_document_detail_hides_link_to_unpublished_project(client):
    project = ProjectFactory(slug="geheim", is_published=False)
    document = DocumentFactory(project=project)
    assert (
        'href="/projekte/geheim/"' not in client.get(document.get_absolute_url()).content.decode()
    )


def test_unpublished_document_is_404_for_visitors_and_visible_to_staff(client, staff_client):
    document = DocumentFactory(is_published=False)
    assert client.get(document.get_absolute_url()).status_code == 404
    assert client.get(document.get_download_url()).status_code == 404
    assert staff_client.get(document.get_absolute_url()).status_code == 200


def test_unknown_document_is_404(client):
    assert client.get("/dokumente/nichts/").status_code == 404


# ---------- Chronik ----------


def test_timeline_respects_precision(client):
    TimelineEventFactory(
        date=datetime.date(2001, 1, 1), precision=TimelineEvent.Precision.YEAR, title="Gründung"
    )
    TimelineEventFactory(
        date=datetime.date(2020, 10, 1),
        precision=TimelineEvent.Precision.MONTH,
        title="veloregion.de",
    )
    TimelineEventFactory(
        date=datetime.date(2015, 6, 19), precision=TimelineEvent.Precision.DAY, title="eea-Label"
    )

    response = client.get(reverse("governance:timeline"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Chronik</h1>" in html
    assert '<time datetime="2001">2001</time>' in html
    assert '<time datetime="2020-10">Oktober 2020</time>' in html
    assert '<time datetime="2015-06-19">19. Juni 2015</time>' in html
    assert "1. Januar 2001" not in html
    assert html.index("Gründung") < html.index("eea-Label") < html.index("veloregion.de")


def test_meeting_page_says_who_may_attend_where_and_how_to_get_in(client):
    from governance.models import Meeting

    meeting = MeetingFactory(
        title="Sitzung des Beirats", start=timezone.now() + 10 * DAY,
        location="Stadthaus 1", room="Sitzungssaal", address="Klemensstraße 10, 48143 Münster",
        attendance=Meeting.Attendance.PUBLIC, step_free_access="Aufzug am Seiteneingang.",
        directions="Bus bis Prinzipalmarkt.", minutes_expected=datetime.date(2031, 1, 20),
    )  # fmt: skip
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "<dt>Teilnahme</dt><dd>Öffentlich: Alle dürfen zuhören, ohne Anmeldung.</dd>" in html
    assert "Stadthaus 1, Sitzungssaal<br>Klemensstraße 10, 48143 Münster" in html
    assert (
        'href="https://www.openstreetmap.org/search?query=Klemensstra%C3%9Fe%2010%2C%2048143%20'
        'M%C3%BCnster"' in html
    )
    assert "<dt>Barrierefreier Zugang</dt><dd>Aufzug am Seiteneingang.</dd>" in html
    assert "<dt>Anfahrt</dt><dd>Bus bis Prinzipalmarkt.</dd>" in html
    assert "Erscheint voraussichtlich bis" in html and "20. Januar 2031" in html


def test_meeting_page_links_its_published_minutes(client):
    from governance.models import Meeting

    meeting = MeetingFactory(
        start=timezone.now() - 30 * DAY, attendance=Meeting.Attendance.CLOSED, address=""
    )
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "<dd>Nicht öffentlich.</dd>" in html
    assert "openstreetmap" not in html
    assert "<dt>Niederschrift</dt><dd>Noch nicht veröffentlicht.</dd>" in html
    minutes = DocumentFactory(meeting=meeting, title="Niederschrift", kind=Document.Kind.MINUTES)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert f'<dt>Niederschrift</dt><dd><a href="{minutes.get_absolute_url()}">' in html


def test_two_meetings_of_one_title_have_different_page_titles(client):
    first = MeetingFactory(title="Sitzung des Beirats", start=timezone.now() + 10 * DAY)
    second = MeetingFactory(title="Sitzung des Beirats", start=timezone.now() - 100 * DAY)
    titles = {
        client.get(m.get_absolute_url()).content.decode().split("<title>")[1].split("</title>")[0]
        for m in (first, second)
    }
    assert len(titles) == 2
    assert all(t.startswith("Sitzung des Beirats am ") for t in titles)


def test_meeting_lists_say_who_may_attend(client):
    from governance.models import Meeting

    MeetingFactory(title="Offen", attendance=Meeting.Attendance.PUBLIC)
    MeetingFactory(title="Intern", attendance=Meeting.Attendance.CLOSED)
    html = client.get(reverse("governance:meeting_list")).content.decode()
    assert "Stadthaus 1, Münster · öffentlich</p>" in html
    assert "Stadthaus 1, Münster · nicht öffentlich</p>" in html
