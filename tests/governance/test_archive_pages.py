"""What grows with the years is shown a year, a month or a page at a time: a body's meetings by
year, its former members on an archive page, Termine by month, and the newest documents with a
link to all of them. Periods outside the first and last meeting are a 404, never a 500 or an
endless row of empty pages."""

import datetime
import re

import pytest
from django.utils import timezone
from django.utils.dates import MONTHS

from governance import views
from governance.models import Membership
from tests.factories import BodyFactory, DocumentFactory, MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def at(year, month, day=15):
    return timezone.make_aware(datetime.datetime(year, month, day, 18, 0))


def nav(html, label):
    """The links of the navigation landmark called ``label``: (href, text, is current)."""
    block = html.split(f'aria-label="{label}"', 1)[1].split("</nav>", 1)[0]
    return [
        (href, re.sub(r"<[^>]+>", "", text), bool(current))
        for href, current, text in re.findall(
            r'<a href="([^"]+)"( aria-current="page")?[^>]*>(.*?)</a>', block
        )
    ]


@pytest.fixture
def beirat():
    body = BodyFactory(name="Beirat", slug="beirat")
    MeetingFactory(body=body, title="Sitzung 2019", start=at(2019, 3))
    MeetingFactory(body=body, title="Sitzung 2021", start=at(2021, 5))
    MeetingFactory(body=body, title="Zweite 2021", start=at(2021, 9))
    MeetingFactory(body=body, title="Entwurf 2020", start=at(2020, 1), is_published=False)
    return body


def test_body_shows_one_year_of_meetings_and_links_the_others(client, beirat):
    html = client.get("/gremien/beirat/").content.decode()
    # The years from the first published meeting to the last; the latest up to today is shown.
    assert nav(html, "Sitzungen nach Jahr") == [
        ("/gremien/beirat/?jahr=2021", "Sitzungen im Jahr 2021", True),
        ("/gremien/beirat/?jahr=2020", "Sitzungen im Jahr 2020", False),
        ("/gremien/beirat/?jahr=2019", "Sitzungen im Jahr 2019", False),
    ]
    assert "<h3" in html and "Sitzungen im Jahr 2021</h3>" in html
    assert html.index("Sitzung 2021") < html.index("Zweite 2021")
    assert "Sitzung 2019" not in html

    html = client.get("/gremien/beirat/?jahr=2019").content.decode()
    assert "Sitzung 2019" in html and "Zweite 2021" not in html
    assert ("/gremien/beirat/?jahr=2019", "Sitzungen im Jahr 2019", True) in nav(
        html, "Sitzungen nach Jahr"
    )


def test_body_year_in_between_without_meetings_says_so(client, beirat):
    html = client.get("/gremien/beirat/?jahr=2020").content.decode()
    assert "Im Jahr 2020 hat das Gremium keine Sitzungen veröffentlicht." in html
    assert "Entwurf 2020" not in html


@pytest.mark.parametrize("value", ["2018", "2022", "abc", "2021-01", "", "²⁰²¹"])
def test_body_year_outside_its_meetings_is_404(client, beirat, value):
    assert client.get(f"/gremien/beirat/?jahr={value}").status_code == 404


def test_body_upcoming_meetings_are_bounded(client, monkeypatch):
    monkeypatch.setattr(views, "BODY_UPCOMING_LIMIT", 2)
    body = BodyFactory(slug="runde")
    for days in (3, 1, 2):
        MeetingFactory(body=body, title=f"In {days} Tagen", start=timezone.now() + days * DAY)
    html = client.get("/gremien/runde/").content.decode()
    upcoming = html[html.index("Nächste Termine") : html.index('aria-label="Sitzungen nach Jahr"')]
    assert upcoming.index("In 1 Tagen") < upcoming.index("In 2 Tagen")
    assert "In 3 Tagen" not in upcoming
    assert "Weitere Termine finden Sie" in upcoming


def test_body_shows_newest_documents_and_links_the_filtered_list(client, monkeypatch):
    monkeypatch.setattr(views, "NEWEST_DOCUMENTS", 2)
    body = BodyFactory(name="Beirat", slug="beirat")
    for year in (2021, 2023, 2022):
        DocumentFactory(body=body, title=f"Bericht {year}", date=datetime.date(year, 1, 1))
    html = client.get("/gremien/beirat/").content.decode()
    assert html.index("Bericht 2023") < html.index("Bericht 2022")
    assert "Bericht 2021" not in html
    assert '<a class="more-link" href="/dokumente/?gremium=beirat">' in html
    listed = client.get("/dokumente/?gremium=beirat").content.decode()
    assert "Bericht 2021" in listed


def test_no_link_to_all_documents_when_all_are_shown(client):
    body = BodyFactory(slug="beirat")
    DocumentFactory(body=body, title="Geschäftsordnung")
    html = client.get("/gremien/beirat/").content.decode()
    assert "Geschäftsordnung" in html and "?gremium=beirat" not in html


def test_former_members_archive_is_paginated_newest_end_first(client, monkeypatch):
    monkeypatch.setattr(views.FormerMembersView, "paginate_by", 2)
    body = BodyFactory(name="Beirat", slug="beirat")
    MembershipFactory(body=body, person_name="Aktuell Aktiv")
    for year in (2010, 2012, 2011):
        MembershipFactory(
            body=body, person_name=f"Bis {year}", role=Membership.Role.CHAIR,
            start_date=datetime.date(year - 1, 1, 1), end_date=datetime.date(year, 1, 1),
        )  # fmt: skip

    detail = client.get("/gremien/beirat/").content.decode()
    assert "Aktuell Aktiv" in detail and "Bis 2012" not in detail
    assert "3 frühere Mitglieder des Gremiums Beirat anzeigen" in detail

    first = client.get("/gremien/beirat/ehemalige/").content.decode()
    assert first.index("Bis 2012") < first.index("Bis 2011")
    assert "Bis 2010" not in first and "Aktuell Aktiv" not in first
    assert 'aria-current="page">Frühere Mitglieder</a>' in first  # breadcrumb
    assert ("?page=2", "Seite 2", False) in nav(first, "Seitennavigation")
    second = client.get("/gremien/beirat/ehemalige/?page=2").content.decode()
    assert "Bis 2010" in second and "Vorsitz" in second
    assert client.get("/gremien/beirat/ehemalige/?page=9").status_code == 404
    assert client.get("/gremien/beirat/ehemalige/?page=x").status_code == 404
    assert client.get("/gremien/gibt-es-nicht/ehemalige/").status_code == 404


@pytest.fixture
def months():
    MeetingFactory(title="März-Sitzung", start=at(2024, 3))
    MeetingFactory(title="Juni-Sitzung", start=at(2024, 6, 2))
    MeetingFactory(title="Späte Juni-Sitzung", start=at(2024, 6, 28))
    MeetingFactory(title="Entwurf Mai", start=at(2024, 5), is_published=False)
    MeetingFactory(title="Bald", start=timezone.now() + 3 * DAY)


def test_termine_open_on_the_current_month_and_offer_only_months_with_meetings(client, months):
    html = client.get("/termine/").content.decode()
    today = timezone.localdate()
    this_month = f"{MONTHS[today.month]} {today.year}"
    past = html[html.index('id="past-title"') :]
    assert f"Termine im {this_month} (dieser Monat)</h2>" in past
    assert "März-Sitzung" not in html and "Dieser Monat ist vorbei" not in html
    links = nav(html, "Termine nach Monat")
    assert links[0] == ("/termine/?monat=2024-06", "Früher: Juni 2024", False)
    # The month select works without JavaScript; it offers the months with meetings and the
    # current one, not the empty months between them.
    assert f'<option value="{today:%Y-%m}" selected>{this_month}</option>' in html
    assert '<option value="2024-06">Juni 2024</option>' in html
    assert 'value="2024-05"' not in html and 'value="2024-04"' not in html
    assert html.index("Bald") < html.index('id="past-title"')


def test_termine_say_when_a_month_is_past(client, months):
    html = client.get("/termine/?monat=2024-06").content.decode()
    assert "<title>Termine im Juni 2024 (vergangen)" in html
    assert "Termine im Juni 2024 (vergangen)</h2>" in html
    assert "Dieser Monat ist vorbei" in html
    past = html[html.index('id="past-title"') :]
    assert past.index("Juni-Sitzung") < past.index("Späte Juni-Sitzung")


def test_termine_month_selected_by_query(client, months):
    html = client.get("/termine/?monat=2024-03").content.decode()
    past = html[html.index('id="past-title"') :]
    assert "Termine im März 2024" in past and "März-Sitzung" in past
    assert "Juni-Sitzung" not in past
    links = nav(html, "Termine nach Monat")
    assert links[0] == ("/termine/?monat=2024-03", "März 2024", True)  # no earlier month
    assert links[1] == ("/termine/?monat=2024-06", "Später: Juni 2024", False)


@pytest.mark.parametrize(
    "value", ["2024-02", "2024-05", "2099-01", "2024-6", "2024-13", "juni", "", "2024-06-01"]
)
def test_termine_month_outside_the_meetings_is_404(client, months, value):
    assert client.get(f"/termine/?monat={value}").status_code == 404


def test_termine_upcoming_are_bounded(client, monkeypatch):
    monkeypatch.setattr(views, "UPCOMING_LIMIT", 2)
    for days in (3, 1, 2):
        MeetingFactory(title=f"In {days} Tagen", start=timezone.now() + days * DAY)
    html = client.get("/termine/").content.decode()
    upcoming = html[: html.index('id="past-title"')]
    assert upcoming.index("In 1 Tagen") < upcoming.index("In 2 Tagen")
    assert "In 3 Tagen" not in upcoming
    assert "Spätere Termine finden Sie in der Monatsübersicht" in upcoming


def test_termine_without_meetings(client):
    html = client.get("/termine/").content.decode()
    assert "Zurzeit sind keine Termine geplant." in html
    today = timezone.localdate()
    assert f"Im {MONTHS[today.month]} {today.year} sind keine Termine veröffentlicht." in html


@pytest.mark.parametrize("url", ["/termine/kalender.ics", "/gremien/beirat/kalender.ics"])
def test_calendar_holds_a_bounded_number_of_meetings(client, url, monkeypatch):
    from governance import calendar

    monkeypatch.setattr(calendar, "PAST_LIMIT", 1)
    monkeypatch.setattr(calendar, "UPCOMING_LIMIT", 1)
    body = BodyFactory(slug="beirat")
    for months in (1, 17, 19):
        MeetingFactory(
            body=body, title=f"In {months} Monaten", start=timezone.now() + 30 * months * DAY
        )
    ics = client.get(url).content.decode()
    # No meeting has begun: the next two, however far ahead the rest are planned.
    assert "SUMMARY:In 1 Monaten" in ics and "SUMMARY:In 17 Monaten" in ics
    assert "In 19 Monaten" not in ics
