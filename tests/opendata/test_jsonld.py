"""schema.org JSON-LD on member, meeting, news, project and home pages: parseable, without a
nonce (a data block is never run, and cached pages stay the same bytes), and escaped so that no text can end the script element."""

import json
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    MeetingFactory,
    MunicipalityFactory,
    NewsArticleFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
SCHEMA = "https://schema.org"


def jsonld(response) -> dict:
    """The page's one JSON-LD block."""
    assert response.status_code == 200
    [text] = SCRIPT.findall(response.content.decode())
    data = json.loads(text)
    assert data["@context"] == SCHEMA
    return data


def test_member_page_describes_the_town_as_government_organization(client):
    town = MunicipalityFactory(name="Havixbeck", official_name="Gemeinde Havixbeck")
    data = jsonld(client.get(town.get_absolute_url()))
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Gemeinde Havixbeck"
    assert data["mainEntityOfPage"] == f"{settings.SITE_URL}{town.get_absolute_url()}"
    area = data["areaServed"]
    assert area["@type"] == "AdministrativeArea" and area["name"] == "Havixbeck"
    assert area["geo"] == {"@type": "GeoCoordinates", "latitude": 51.9781, "longitude": 7.4168}
    assert data["memberOf"]["name"] == "Stadtregion Münster"


def test_meeting_page_is_an_event_with_location_and_cancelled_status(client):
    meeting = MeetingFactory(cancelled=True, address="Klemensstraße 10, 48143 Münster")
    data = jsonld(client.get(meeting.get_absolute_url()))
    assert data["@type"] == "Event"
    assert data["eventStatus"] == f"{SCHEMA}/EventCancelled"
    assert data["startDate"] == timezone.localtime(meeting.start).isoformat()
    assert data["location"] == {
        "@type": "Place",
        "name": "Stadthaus 1, Münster",
        "address": "Klemensstraße 10, 48143 Münster",
    }
    assert data["organizer"]["name"] == meeting.body.name
    scheduled = jsonld(client.get(MeetingFactory().get_absolute_url()))
    assert scheduled["eventStatus"] == f"{SCHEMA}/EventScheduled"


def test_news_article_page_is_a_news_article(client):
    article = NewsArticleFactory(title="Neue Radwege", teaser="Mehr Radwege in der Region.")
    data = jsonld(client.get(article.get_absolute_url()))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Neue Radwege"
    assert data["datePublished"] == "2024-01-01"
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    assert data["description"] == "Mehr Radwege in der Region."
    # What search engines require of an article: an image, a publisher with a raster logo.
    assert data["image"] == [
        {
            "@type": "ImageObject",
            "url": f"{settings.SITE_URL}/static/img/share.png",
            "width": 1200,
            "height": 630,
        }
    ]
    assert data["publisher"]["logo"] == {
        "@type": "ImageObject",
        "url": f"{settings.SITE_URL}/static/img/logo.png",
        "width": 600,
        "height": 60,
    }


def test_project_page_is_a_project_with_its_towns(client):
    town = MunicipalityFactory(name="Telgte")
    project = ProjectFactory(title="Mobilstation", municipalities=[town], location_name="Bahnhof")
    data = jsonld(client.get(project.get_absolute_url()))
    assert data["@type"] == "Project"
    assert data["name"] == "Mobilstation"
    assert data["areaServed"] == [{"@type": "AdministrativeArea", "name": "Telgte"}]
    assert data["location"] == {"@type": "Place", "name": "Bahnhof"}
    assert data["foundingDate"] == "2024-01-01"


def test_home_page_describes_the_stadtregion_and_its_members(client):
    towns = [MunicipalityFactory(name=name) for name in ("Altenberge", "Greven")]
    data = jsonld(client.get(reverse("home")))
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Stadtregion Münster"
    assert [member["name"] for member in data["member"]] == [t.name for t in towns]


def test_text_cannot_end_the_script_element(client):
    title = "</script><script>alert(1)</script> & <!--"
    project = ProjectFactory(title=title)
    response = client.get(project.get_absolute_url())
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert jsonld(response)["name"] == title


def test_document_page_is_a_digital_document_of_the_stadtregion(client):
    from tests.factories import DocumentFactory

    document = DocumentFactory(title="Kontrakt Stadtregion Münster")
    data = jsonld(client.get(document.get_absolute_url()))
    assert data["@type"] == "DigitalDocument"
    assert data["name"] == "Kontrakt Stadtregion Münster"
    assert data["encodingFormat"] == "application/pdf"
    # contentUrl is no property of DigitalDocument: the PDF is its MediaObject encoding.
    assert "contentUrl" not in data
    assert data["encoding"] == {
        "@type": "MediaObject",
        "contentUrl": f"{settings.SITE_URL}{document.get_download_url()}",
        "encodingFormat": "application/pdf",
    }
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    assert data["publisher"]["name"] == "Stadtregion Münster"
