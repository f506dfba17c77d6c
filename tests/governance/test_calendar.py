"""Meetings as iCalendar: the feed of all meetings, one per body and one file per meeting."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.factories import BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
FEED = reverse("governance:meeting_calendar")


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_by_summary(calendar: Calendar) -> dict:
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_event_carries_uid_berlin_times_location_url_and_status(client):
    # Next year's 12 March: within the eighteen months ahead, in winter time.
    start = datetime.datetime(timezone.localdate().year + 1, 3, 12, 17, 0, tzinfo=BERLIN)
    meeting = MeetingFactory(
        title="Sitzung des Beirats",
        start=start,
        end=start + datetime.timedelta(hours=2),
        location="Stadthaus 1",
        address="Klemensstraße 10, 48143 Münster",
    )

    calendar = parse(client.get(FEED))

    (event,) = calendar.walk("VEVENT")
    assert event["UID"] == f"meeting-{meeting.pk}@stadtregion-muenster.de"
    assert event["SUMMARY"] == "Sitzung des Beirats"
    assert event["STATUS"] == "CONFIRMED"
    assert event["LOCATION"] == "Stadthaus 1, Klemensstraße 10, 48143 Münster"
    # Links on the configured address, whichever host the client asked.
    assert event["URL"] == f"{settings.SITE_URL}{meeting.get_absolute_url()}"
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event.start == start and event.end == start + datetime.timedelta(hours=2)
    assert str(event.start.tzinfo) == "Europe/Berlin"
    changed = meeting.updated_at.replace(microsecond=0)  # iCalendar counts whole seconds
    assert event["DTSTAMP"].dt == changed
    assert event["LAST-MODIFIED"].dt == changed
    # The zone is defined in the file itself, so clients need no database of their own.
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Berlin"
    assert {c.name for c in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    assert calendar.calendar_name == "Termine – Stadtregion Münster"


def test_uid_is_stable_across_requests_edits_and_hosts(client, settings):
    meeting = MeetingFactory()
    first = parse(client.get(FEED)).walk("VEVENT")[0]

    meeting.title = "Neuer Titel"
    meeting.start += datetime.timedelta(days=1)
    meeting.save()
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    again = parse(client.get(FEED, HTTP_HOST="portal.example.org")).walk("VEVENT")[0]

    assert again["UID"] == first["UID"]
    # The edit counts as a revision, so clients take it as an update of the same event.
    assert (first["SEQUENCE"], again["SEQUENCE"]) == (0, 1)
    assert again["SUMMARY"] == "Neuer Titel"
    assert again["URL"] == first["URL"] == f"{settings.SITE_URL}{meeting.get_absolute_url()}"


def test_same_data_gives_the_same_file(client):
    MeetingFactory()
    body = BodyFactory(slug="beirat")
    MeetingFactory(body=body, slug="sitzung")
    for url in (
        FEED,
        reverse("governance:body_calendar", args=["beirat"]),
        reverse("governance:meeting_ics", args=["sitzung"]),
    ):
        first = client.get(url).content
        assert client.get(url).content == first, url  # nothing random, such as a fresh UID
        assert Calendar.from_ical(first)["UID"].endswith("@stadtregion-muenster.de")


def test_cancelled_meeting_is_marked_cancelled(client):
    MeetingFactory(title="Bürgermeisterrunde", cancelled=True)

    (event,) = parse(client.get(FEED)).walk("VEVENT")

    assert event["STATUS"] == "CANCELLED"
    assert event["SUMMARY"] == "Abgesagt: Bürgermeisterrunde"


def test_only_published_meetings_and_a_bounded_number_of_past_ones(client, monkeypatch):
    from governance import calendar

    monkeypatch.setattr(calendar, "PAST_LIMIT", 2)
    monkeypatch.setattr(calendar, "UPCOMING_LIMIT", 2)
    now = timezone.now()
    for title, days in [("Vor einer Woche", -7), ("Vor elf Monaten", -330),
                        ("Vor zwei Jahren", -730), ("Morgen", 1), ("In einer Woche", 7)]:  # fmt: skip
        MeetingFactory(title=title, start=now + datetime.timedelta(days=days))
    MeetingFactory(title="Entwurf", is_published=False)
    MeetingFactory(title="Geplant", publish_from=now + datetime.timedelta(days=1))
    MeetingFactory(title="Abgelaufen", visible_until=now - datetime.timedelta(minutes=1))

    events = events_by_summary(parse(client.get(FEED)))

    # The latest two that have begun and what follows them, four in all: years of archive
    # never make the file larger.
    assert set(events) == {"Vor elf Monaten", "Vor einer Woche", "Morgen", "In einer Woche"}


def test_body_feed_lists_only_its_body(client):
    body = BodyFactory(name="Beirat Stadtregion", slug="beirat")
    MeetingFactory(body=body, title="Beiratssitzung")
    MeetingFactory(title="Andere Runde")
    MeetingFactory(body=body, title="Entwurf", is_published=False)

    response = client.get(reverse("governance:body_calendar", args=["beirat"]))
    calendar = parse(response)

    assert set(events_by_summary(calendar)) == {"Beiratssitzung"}
    assert calendar.calendar_name == "Termine: Beirat Stadtregion – Stadtregion Münster"
    assert 'filename="termine-beirat.ics"' in response["Content-Disposition"]


def test_unknown_body_or_meeting_is_404(client):
    MeetingFactory(slug="entwurf", is_published=False)
    assert (
        client.get(reverse("governance:body_calendar", args=["gibt-es-nicht"])).status_code == 404
    )
    assert client.get(reverse("governance:meeting_ics", args=["gibt-es-nicht"])).status_code == 404
    assert client.get(reverse("governance:meeting_ics", args=["entwurf"])).status_code == 404


def test_single_meeting_file_also_for_a_past_meeting(client):
    meeting = MeetingFactory(
        slug="raetetreffen-2017", start=timezone.now() - datetime.timedelta(days=3000)
    )
    MeetingFactory(title="Eine andere")

    response = client.get(reverse("governance:meeting_ics", args=["raetetreffen-2017"]))
    (event,) = parse(response).walk("VEVENT")

    assert event["UID"] == f"meeting-{meeting.pk}@stadtregion-muenster.de"
    assert response["Content-Disposition"] == 'attachment; filename="raetetreffen-2017.ics"'


def test_empty_feed_is_a_valid_calendar_with_its_zone(client):
    calendar = parse(client.get(FEED))
    assert calendar.walk("VEVENT") == []
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Berlin"


def test_responses_are_cacheable_and_set_no_cookie(client):
    meeting = MeetingFactory(slug="sitzung", body=BodyFactory(slug="beirat"))
    urls = [
        FEED,
        reverse("governance:body_calendar", args=["beirat"]),
        reverse("governance:meeting_ics", args=[meeting.slug]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.cookies == {}, url
        assert "Cookie" not in response.get("Vary", ""), url
        assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=900"}, url


@pytest.mark.parametrize("meetings", [1, 6])
def test_fixed_query_counts(client, django_assert_num_queries, meetings):
    body = BodyFactory(slug="beirat")
    for _ in range(meetings):
        MeetingFactory(body=body)
    meeting = MeetingFactory(body=body, slug="sitzung")

    with django_assert_num_queries(1):
        parse(client.get(FEED))
    with django_assert_num_queries(2):  # the body, then its meetings
        parse(client.get(reverse("governance:body_calendar", args=["beirat"])))
    with django_assert_num_queries(1):
        parse(client.get(reverse("governance:meeting_ics", args=[meeting.slug])))


def test_list_and_body_pages_advertise_their_calendar(client, settings):
    settings.SITE_URL = "https://www.stadtregion-muenster.de"
    body = BodyFactory(slug="beirat", name="Beirat")
    body_calendar = reverse("governance:body_calendar", args=["beirat"])

    meetings = client.get(reverse("governance:meeting_list")).content.decode()
    body_page = client.get(body.get_absolute_url()).content.decode()

    assert (
        f'<link rel="alternate" type="text/calendar" title="Termine – Stadtregion Münster (Kalender)" href="{FEED}">'
        in meetings
    )
    assert (
        f'<a href="webcal://www.stadtregion-muenster.de{FEED}" type="text/calendar">Kalender abonnieren'
        in meetings
    )
    assert (
        f'<link rel="alternate" type="text/calendar" title="Termine: Beirat (Kalender)" href="{body_calendar}">'
        in body_page
    )
    assert (
        f'<a href="webcal://www.stadtregion-muenster.de{body_calendar}" type="text/calendar">Kalender abonnieren'
        in body_page
    )


def test_meeting_page_offers_its_file_only_when_published(client, admin_client):
    meeting = MeetingFactory(slug="sitzung")
    draft = MeetingFactory(slug="entwurf", is_published=False)
    link = 'href="/termine/sitzung/kalender.ics" type="text/calendar" download>In meinen Kalender'

    assert link in client.get(meeting.get_absolute_url()).content.decode()
    # Staff preview a draft; its file would answer 404, so there is no link.
    draft_page = admin_client.get(draft.get_absolute_url()).content.decode()
    assert "In meinen Kalender" not in draft_page


def test_event_tells_who_may_attend_the_room_and_the_way_in(client):
    from governance.models import Meeting

    MeetingFactory(
        title="Sitzung des Beirats",
        body=BodyFactory(name="Beirat Stadtregion"),
        location="Stadthaus 1",
        room="Sitzungssaal",
        address="Klemensstraße 10, 48143 Münster",
        attendance=Meeting.Attendance.PUBLIC,
        step_free_access="Aufzug am Seiteneingang.",
        directions="Bus bis Prinzipalmarkt.",
    )
    (event,) = parse(client.get(FEED)).walk("VEVENT")
    assert event["LOCATION"] == "Stadthaus 1, Sitzungssaal, Klemensstraße 10, 48143 Münster"
    description = str(event["DESCRIPTION"])
    assert description.startswith("Beirat Stadtregion\n\nÖffentlich: Alle dürfen zuhören")
    assert "Barrierefreier Zugang: Aufzug am Seiteneingang." in description
    assert "Anfahrt: Bus bis Prinzipalmarkt." in description
