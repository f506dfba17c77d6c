"""What every machine-read interface answers alike: conditional GET (ETag, Last-Modified, 304
without rendering), CORS with preflight, and 405 for other methods instead of the CSRF page."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from operations import pagecache
from tests.factories import (
    BodyFactory,
    DocumentFactory,
    MeetingFactory,
    MunicipalityFactory,
    NewsArticleFactory,
    ProjectFactory,
    SeatQuotaFactory,
)

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "oparl system": "/oparl/v1/",
    "oparl body": "/oparl/v1/body/stadtregion/",
    "oparl list": "/oparl/v1/body/stadtregion/organization/",
    "oparl object": "/oparl/v1/organization/gremium-{body.pk}/",
    "oparl file": "/oparl/v1/file/{document.pk}/download/",
    "document file": "/dokumente/{document.slug}/datei.pdf",
    "media file": "{document.file.url}",
    "calendar": "/termine/kalender.ics",
    "body calendar": "/gremien/{body.slug}/kalender.ics",
    "meeting file": "/termine/{meeting.slug}/kalender.ics",
    "town calendar": "/kommunen/{town.slug}/kalender.ics",
    "meeting feed": "/termine/atom.xml",
    "document feed": "/dokumente/atom.xml",
    "project feed": "/projekte/atom.xml",
    "news feed": "/aktuelles/atom.xml",
    "town feed": "/kommunen/{town.slug}/atom.xml",
    "dataset csv": "/opendaten/kommunen.csv",
    "dataset json": "/opendaten/kommunen.json",
    "dataset geojson": "/opendaten/kommunen.geojson",
    "dataset excel": "/opendaten/excel/kommunen.csv",
    "catalogue ttl": "/opendaten/katalog.ttl",
    "catalogue rdf": "/opendaten/katalog.rdf",
    "badge": "/kommunen/{town.slug}/plakette.png",
}
FILES = {"oparl file", "document file", "media file"}
# Everything but the files, which carry their own CORP and are served to the site itself.
CORS = set(ENDPOINTS) - FILES - {"badge"}


@pytest.fixture
def data():
    town = MunicipalityFactory(slug="havixbeck")
    body = BodyFactory()
    SeatQuotaFactory(body=body, municipality=town)
    meeting = MeetingFactory(body=body)
    document = DocumentFactory(body=body)
    ProjectFactory(municipalities=[town])
    NewsArticleFactory(municipalities=[town])
    return {"town": town, "body": body, "meeting": meeting, "document": document}


@pytest.fixture
def versioned(settings):
    """The content version follows every change, as in production (a cache is on)."""
    settings.FRAGMENT_CACHE_ENABLED = True
    pagecache.period.clear()
    yield
    pagecache.period.clear()


def url_of(name, data):
    return ENDPOINTS[name].format(**data)


@pytest.mark.parametrize("name", ENDPOINTS)
def test_matching_etag_is_answered_304_before_anything_renders(
    client, data, versioned, name, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    url = url_of(name, data)
    first = client.get(url)
    assert first.status_code == 200, url
    etag = first["ETag"]
    assert etag.startswith('"'), "a strong validator"

    # Only the version is read (no query at all where its listener or file is there); a file
    # is looked up (which object names it), never opened.
    with django_assert_max_num_queries(2 if name in FILES else 1):
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert client.get(url, HTTP_IF_NONE_MATCH='"anders"').status_code == 200


@pytest.mark.parametrize("name", sorted(set(ENDPOINTS) - FILES))
def test_a_change_of_content_changes_the_etag(
    client, data, versioned, name, django_capture_on_commit_callbacks
):
    url = url_of(name, data)
    etag = client.get(url)["ETag"]

    with django_capture_on_commit_callbacks(execute=True):
        data["town"].name = "Havixbeck (geändert)"
        data["town"].save()

    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_etag_changes_when_a_meeting_begins_without_any_save(client, data, versioned):
    """The calendar holds the latest meetings that have begun: time alone changes it."""
    url = reverse("governance:meeting_calendar")
    etag = client.get(url)["ETag"]
    later = data["meeting"].start + datetime.timedelta(minutes=1)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: later)
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.parametrize("name", sorted(set(ENDPOINTS) - FILES))
def test_without_a_version_the_etag_is_the_answers_hash(client, data, name):
    url = url_of(name, data)
    first = client.get(url)
    assert first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


@pytest.mark.parametrize("name", ["meeting feed", "news feed", "town feed"])
def test_feeds_answer_if_modified_since(client, data, name):
    url = url_of(name, data)
    modified = client.get(url)["Last-Modified"]

    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    earlier = http_date(datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC).timestamp())
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200


@pytest.mark.parametrize("name", sorted(CORS))
def test_cors_with_preflight(client, data, name):
    url = url_of(name, data)
    assert (
        client.get(url, HTTP_ORIGIN="https://www.havixbeck.de")["Access-Control-Allow-Origin"]
        == "*"
    )

    preflight = client.options(
        url,
        HTTP_ORIGIN="https://www.havixbeck.de",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )

    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]
    assert "ETag" in client.get(url)["Access-Control-Expose-Headers"]


@pytest.mark.parametrize("name", sorted(CORS))
@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_writing_methods_answer_405_not_the_csrf_page(data, name, method):
    client = Client(enforce_csrf_checks=True)

    response = getattr(client, method)(url_of(name, data))

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    if name.startswith("oparl"):
        assert response.json()["type"] == "https://schema.oparl.org/1.1/Error"


@pytest.mark.parametrize("name", ["catalogue ttl", "catalogue rdf", "calendar"])
def test_text_answers_are_compressed(client, data, name):
    response = client.get(url_of(name, data), HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    # The compressed answer is another representation: its validator is weak (Django's gzip).
    assert response["ETag"].startswith('W/"')
    again = client.get(
        url_of(name, data), HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=response["ETag"]
    )
    assert again.status_code == 304
