"""Link previews and search engines: OpenGraph tags and one canonical address on every page."""

import html as htmllib
import re

import pytest
from django.core.files.base import ContentFile

from tests.factories import MunicipalityFactory, NewsArticleFactory, png_bytes

pytestmark = pytest.mark.django_db
SITE = "https://www.stadtregion-muenster.de"


def meta(page: str) -> dict:
    tags = re.findall(r'<meta property="(og:[a-z:_]+)" content="([^"]*)">', page)
    return {name: htmllib.unescape(value) for name, value in tags}


def canonical(page: str) -> str:
    return re.search(r'<link rel="canonical" href="([^"]+)">', page)[1]


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["testserver", "andere.example.org"]


@pytest.mark.parametrize("path", ["/", "/termine/", "/opendaten/", "/kommunen/havixbeck/"])
def test_every_page_has_opengraph_and_one_canonical_address(client, path):
    MunicipalityFactory(slug="havixbeck", name="Havixbeck")

    page = client.get(path + "?utm_source=x", HTTP_HOST="andere.example.org").content.decode()

    assert canonical(page) == SITE + path
    og = meta(page)
    assert og["og:url"] == SITE + path
    assert og["og:site_name"] == "Stadtregion Münster"
    assert og["og:locale"] == "de_DE" and og["og:type"] == "website"
    assert og["og:title"] and og["og:description"]
    assert og["og:image"] == f"{SITE}/static/img/share.png"


def test_town_page_preview_names_the_town(client):
    MunicipalityFactory(slug="havixbeck", name="Havixbeck")
    og = meta(client.get("/kommunen/havixbeck/").content.decode())
    assert og["og:title"] == "Havixbeck"
    assert "Havixbeck in der Stadtregion Münster" in og["og:description"]


def test_news_preview_is_an_article_with_its_image(client):
    article = NewsArticleFactory(
        title="Radwege & mehr", teaser="Neue Velorouten.", image_alt="Ein Radweg"
    )
    article.image.save("radweg.png", ContentFile(png_bytes()), save=True)

    og = meta(client.get(article.get_absolute_url()).content.decode())

    assert og["og:type"] == "article"
    assert og["og:title"] == "Radwege & mehr"
    assert og["og:description"] == "Neue Velorouten."
    assert og["og:image"] == SITE + article.image.url
    assert og["og:image:alt"] == "Ein Radweg"


def test_error_pages_render_with_the_tags(client):
    page = client.get("/gibt-es-nicht/").content.decode()
    assert canonical(page) == f"{SITE}/gibt-es-nicht/"
