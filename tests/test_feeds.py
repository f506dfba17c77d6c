"""Atom feeds of news, documents, meetings and projects, as feed readers read them."""

import datetime

import feedparser
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    DocumentFactory,
    MeetingFactory,
    NewsArticleFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db

# feed name, list page, its factory, the keyword of its title field
FEEDS = {
    "news:feed": ("news:list", NewsArticleFactory, "title", "Aktuelles"),
    "governance:document_feed": ("governance:document_list", DocumentFactory, "title", "Dokumente"),
    "governance:meeting_feed": ("governance:meeting_list", MeetingFactory, "title", "Termine"),
    "projects:project_feed": ("projects:project_list", ProjectFactory, "title", "Projekte"),
}


def read(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def make_variants(factory, field):
    """One published item with markup-like characters, and the four that must stay out."""
    now = timezone.now()
    shown = factory(**{field: "Wohnen & Mobilität <jetzt>"})
    factory(**{field: "Entwurf"}, is_published=False)
    factory(**{field: "Geplant"}, publish_from=now + datetime.timedelta(hours=1))
    factory(**{field: "Abgelaufen"}, visible_until=now - datetime.timedelta(minutes=1))
    return shown


@pytest.mark.parametrize("name", FEEDS)
def test_feed_parses_and_lists_only_published_entries_that_link_to_their_pages(client, name):
    _list, factory, field, section = FEEDS[name]
    shown = make_variants(factory, field)

    feed = read(client, name)

    assert feed.feed.title == f"{section} – Stadtregion Münster"
    assert feed.feed.language == "de"
    (entry,) = feed.entries
    assert "Wohnen & Mobilität <jetzt>" in entry.title
    assert entry.link == f"{settings.SITE_URL}{shown.get_absolute_url()}"
    assert entry.summary
    assert entry.updated_parsed is not None
    assert client.get(shown.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("name", FEEDS)
def test_feed_ids_and_links_are_on_the_configured_address_whatever_the_host(client, settings, name):
    _list, factory, _field, _section = FEEDS[name]
    shown = factory()
    settings.ALLOWED_HOSTS = ["testserver", "andere.example.org"]
    settings.SITE_URL = "https://www.stadtregion-muenster.de"

    here = client.get(reverse(name)).content
    there = client.get(reverse(name), HTTP_HOST="andere.example.org").content

    assert here == there
    feed = feedparser.parse(here)
    list_url = f"https://www.stadtregion-muenster.de{reverse(_list)}"
    assert feed.feed.id == feed.feed.link == list_url
    assert feed.entries[0].link == f"https://www.stadtregion-muenster.de{shown.get_absolute_url()}"
    assert b"andere.example.org" not in there and b"testserver" not in there


def test_entry_id_survives_a_new_slug(client):
    article = NewsArticleFactory(slug="alt")
    before = read(client, "news:feed").entries[0].id
    article.slug = "neu"
    article.save()

    entry = read(client, "news:feed").entries[0]

    assert entry.id == before == f"tag:stadtregion-muenster.de,2025:newsarticle-{article.pk}"
    assert entry.link.endswith("/aktuelles/neu/")


def test_entry_updated_date_is_the_last_change(client):
    article = NewsArticleFactory(teaser="Kurz gesagt.")
    changed = timezone.now() - datetime.timedelta(days=3)
    type(article).objects.filter(pk=article.pk).update(updated_at=changed)

    (entry,) = read(client, "news:feed").entries

    assert datetime.datetime.fromisoformat(entry.updated) == changed
    assert entry.summary == "Kurz gesagt."
    assert entry.published.startswith(article.date.isoformat())


def test_a_scheduled_article_dates_from_when_it_went_live(client):
    scheduled_at = timezone.now() - datetime.timedelta(days=5)
    went_live = timezone.now() - datetime.timedelta(hours=2)
    article = NewsArticleFactory(date=went_live.date(), publish_from=went_live)
    type(article).objects.filter(pk=article.pk).update(updated_at=scheduled_at)

    (entry,) = read(client, "news:feed").entries

    assert datetime.datetime.fromisoformat(entry.updated) == went_live
    assert datetime.datetime.fromisoformat(entry.published) == went_live


def test_meeting_entry_names_day_body_place_and_cancellation(client):
    start = timezone.make_aware(datetime.datetime(2031, 3, 12, 17, 0))
    MeetingFactory(
        title="Sitzung des Beirats",
        start=start,
        location="Stadthaus 1",
        cancelled=True,
        body__name="Beirat Stadtregion",
    )

    (entry,) = read(client, "governance:meeting_feed").entries

    assert entry.title == "Abgesagt: Sitzung des Beirats am 12. März 2031"
    assert entry.summary == (
        "Beirat Stadtregion: Mittwoch, 12. März 2031, 17:00 Uhr, Stadthaus 1. "
        "Dieser Termin ist abgesagt."
    )


@pytest.mark.parametrize("name", FEEDS)
def test_feed_is_cacheable_and_sets_no_cookie(client, name):
    response = client.get(reverse(name))
    assert response.cookies == {}
    assert "Cookie" not in response.get("Vary", "")
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=900"}


@pytest.mark.parametrize("name", FEEDS)
@pytest.mark.parametrize("count", [1, 5])
def test_feed_runs_one_query(client, django_assert_num_queries, name, count):
    factory = FEEDS[name][1]
    factory.create_batch(count)
    with django_assert_num_queries(1):
        assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", FEEDS)
def test_list_page_advertises_and_names_its_feed(client, name):
    list_name, _factory, _field, section = FEEDS[name]
    url = reverse(name)

    html = client.get(reverse(list_name)).content.decode()

    head = html.split("</head>")[0]
    assert (
        f'<link rel="alternate" type="application/atom+xml" '
        f'title="{section} – Stadtregion Münster (Atom-Feed)" href="{url}">'
    ) in head
    assert (
        f'<a href="{url}" type="application/atom+xml">Atom-Feed: {section} abonnieren</a>' in html
    )
