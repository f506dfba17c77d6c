"""Subscriptions for people and towns: webcal links with a copyable address and German help on
the meetings page, each body's page and each town's page; each town's own calendar and feed."""

import datetime

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.factories import (
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    MunicipalityFactory,
    NewsArticleFactory,
    ProjectFactory,
    SeatQuotaFactory,
)

pytestmark = pytest.mark.django_db
SITE = "https://www.stadtregion-muenster.de"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def town_with_bodies():
    town = MunicipalityFactory(name="Havixbeck", slug="havixbeck")
    seated, member, other = BodyFactory(), BodyFactory(), BodyFactory()
    SeatQuotaFactory(body=seated, municipality=town)
    MembershipFactory(body=member, municipality=town)
    MembershipFactory(body=member, municipality=town)  # two members: still one entry each
    return town, seated, member, other


@pytest.mark.parametrize("page", ["meetings", "body", "town"])
def test_page_offers_webcal_link_copyable_address_and_help(client, page):
    town, body, *_ = town_with_bodies()
    url, calendar = {
        "meetings": (reverse("governance:meeting_list"), reverse("governance:meeting_calendar")),
        "body": (body.get_absolute_url(), reverse("governance:body_calendar", args=[body.slug])),
        "town": (town.get_absolute_url(), "/kommunen/havixbeck/kalender.ics"),
    }[page]

    html = client.get(url).content.decode()

    host = SITE.removeprefix("https://")
    assert f'<a href="webcal://{host}{calendar}" type="text/calendar">Kalender abonnieren' in html
    assert f'value="{SITE}{calendar}" readonly' in html
    assert 'data-copy="calendar-address"' in html
    for program in ("Outlook", "Google Kalender", "Apple"):
        assert f"<dt>{program}" in html
    assert '<link rel="alternate" type="text/calendar"' in html


def test_subscription_feeds_are_not_downloads_but_a_meeting_file_is(client):
    town, body, *_ = town_with_bodies()
    meeting = MeetingFactory(body=body)
    for url in (
        reverse("governance:meeting_calendar"),
        reverse("governance:body_calendar", args=[body.slug]),
        reverse("towns:calendar", args=[town.slug]),
    ):
        assert client.get(url)["Content-Disposition"].startswith("inline;"), url
    single = client.get(reverse("governance:meeting_ics", args=[meeting.slug]))
    assert single["Content-Disposition"].startswith("attachment;")


def test_town_calendar_holds_the_meetings_of_its_bodies(client, django_assert_num_queries):
    _town, seated, member, other = town_with_bodies()
    soon = timezone.now() + datetime.timedelta(days=3)
    MeetingFactory(body=seated, title="Beirat", start=soon)
    MeetingFactory(body=member, title="Arbeitskreis", start=soon)
    MeetingFactory(body=other, title="Fremd", start=soon)
    MeetingFactory(body=seated, title="Entwurf", is_published=False)

    with django_assert_num_queries(2):  # the town, its meetings
        response = client.get(reverse("towns:calendar", args=["havixbeck"]))

    calendar = Calendar.from_ical(response.content)
    assert sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT")) == ["Arbeitskreis", "Beirat"]
    assert calendar.calendar_name == "Termine für Havixbeck – Stadtregion Münster"
    assert client.get(reverse("towns:calendar", args=["gibt-es-nicht"])).status_code == 404


def test_town_feed_holds_its_meetings_projects_and_news(client, django_assert_num_queries):
    town, seated, _member, other = town_with_bodies()
    MeetingFactory(body=seated, title="Beiratssitzung")
    MeetingFactory(body=other, title="Fremde Sitzung")
    project = ProjectFactory(title="Radschnellweg", municipalities=[town])
    ProjectFactory(title="Anderswo")
    NewsArticleFactory(title="Neues aus Havixbeck", municipalities=[town])
    NewsArticleFactory(title="Neues von anderswo")

    with django_assert_num_queries(4):  # the town, its meetings, projects and news
        response = client.get(reverse("towns:feed", args=["havixbeck"]))

    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0
    titles = sorted(entry.title.split(" am ")[0] for entry in feed.entries)
    assert titles == ["Beiratssitzung", "Neues aus Havixbeck", "Radschnellweg"]
    assert feed.feed.title == "Havixbeck – Stadtregion Münster"
    assert feed.feed.id == f"{SITE}/kommunen/havixbeck/"
    ids = {entry.id for entry in feed.entries}
    assert f"tag:stadtregion-muenster.de,2025:project-{project.pk}" in ids
    assert client.get(reverse("towns:feed", args=["gibt-es-nicht"])).status_code == 404


def test_town_page_links_its_calendar_and_feed_as_alternates(client):
    town, *_ = town_with_bodies()

    html = client.get(town.get_absolute_url()).content.decode()

    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'title="Havixbeck – Stadtregion Münster (Atom-Feed)" href="/kommunen/havixbeck/atom.xml">'
    ) in html
    assert (
        '<link rel="alternate" type="text/calendar" title="Termine für Havixbeck (Kalender)" '
        'href="/kommunen/havixbeck/kalender.ics">'
    ) in html


def test_renamed_town_keeps_its_feed_address(client):
    town, *_ = town_with_bodies()
    town.slug = "havixbeck-neu"
    town.save()

    response = client.get("/kommunen/havixbeck/atom.xml")

    assert response.status_code == 301
    assert response["Location"] == "/kommunen/havixbeck-neu/atom.xml"
