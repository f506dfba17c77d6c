"""News (Aktuelles): list with pagination, article pages, drafts, home page, admin and seed."""

import datetime
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from pages.models import NewsArticle, reserved_slugs, validate_page_slug
from stadtregion.seed.news import ARTICLES
from tests.admin_helpers import admin_url, form_data, form_errors, two_factor_login
from tests.crawl import sitemap_text
from tests.factories import (
    FieldOfActionFactory,
    MunicipalityFactory,
    NewsArticleFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def _png(name="bild.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def _articles(count: int) -> list[NewsArticle]:
    start = datetime.date(2024, 1, 1)
    return [
        NewsArticleFactory(title=f"Meldung Nr. {i:02d}", date=start + datetime.timedelta(days=i))
        for i in range(count)
    ]


def test_list_is_paginated_newest_first(client):
    _articles(12)

    first = client.get("/aktuelles/").content.decode()
    second = client.get("/aktuelles/?page=2").content.decode()

    assert first.count('class="card"') == 10
    assert first.index("Meldung Nr. 11") < first.index("Meldung Nr. 02")
    assert "Meldung Nr. 01" not in first
    assert 'rel="next"' in first
    assert "Meldung Nr. 01" in second and "Meldung Nr. 00" in second
    assert second.count('class="card"') == 2
    assert client.get("/aktuelles/?page=3").status_code == 404


def test_list_without_articles_says_so(client):
    assert "Zurzeit gibt es keine Meldungen." in client.get("/aktuelles/").content.decode()


def test_detail_shows_the_article_and_its_published_links(client):
    town = MunicipalityFactory(name="Telgte")
    field = FieldOfActionFactory(name="Mobilität")
    shown = ProjectFactory(title="Velorouten", field_of_action=field)
    hidden = ProjectFactory(title="Geheimprojekt", field_of_action=field, is_published=False)
    article = NewsArticleFactory(
        title="veloregion.de ist online",
        date=datetime.date(2020, 10, 1),
        text="## Neu\n\nDie **Velorouten** im Netz.",
        municipalities=[town],
        fields_of_action=[field],
        projects=[shown, hidden],
    )

    response = client.get("/aktuelles/" + article.slug + "/")

    html = response.content.decode()
    assert response.status_code == 200
    assert article.get_absolute_url() == f"/aktuelles/{article.slug}/"
    assert html.count("<h1") == 1
    assert '<time datetime="2020-10-01">1. Oktober 2020</time>' in html
    assert "<strong>Velorouten</strong>" in html  # Markdown is rendered
    assert town.get_absolute_url() in html
    assert field.get_absolute_url() in html
    assert shown.get_absolute_url() in html
    assert "Geheimprojekt" not in html
    assert hidden.get_absolute_url() not in html
    assert 'aria-current="page">veloregion.de ist online</a>' in html  # breadcrumbs


def test_drafts_are_hidden_from_visitors(client):
    draft = NewsArticleFactory(title="Unveröffentlichte Meldung", is_published=False)
    NewsArticleFactory(title="Öffentliche Meldung")

    assert client.get(draft.get_absolute_url()).status_code == 404
    listing = client.get("/aktuelles/").content.decode()
    assert "Unveröffentlichte Meldung" not in listing
    assert "Öffentliche Meldung" in listing
    assert "Unveröffentlichte Meldung" not in client.get("/").content.decode()
    assert draft.get_absolute_url() not in sitemap_text(client)


def test_staff_preview_drafts_with_notice(client, django_user_model):
    draft = NewsArticleFactory(title="Unveröffentlichte Meldung", is_published=False)
    two_factor_login(client, django_user_model.objects.create_user("staff", is_staff=True))

    html = client.get(draft.get_absolute_url()).content.decode()

    assert "Unveröffentlichte Meldung" in html
    assert "Entwurf: Diese Meldung ist nicht veröffentlicht." in html


def test_home_shows_the_three_newest_published_articles(client):
    articles = _articles(5)
    NewsArticleFactory(title="Neuer Entwurf", date=datetime.date(2030, 1, 1), is_published=False)

    html = client.get("/").content.decode()

    shown = [a.title for a in articles if a.get_absolute_url() in html]
    assert shown == ["Meldung Nr. 02", "Meldung Nr. 03", "Meldung Nr. 04"]
    assert html.index("Meldung Nr. 04") < html.index("Meldung Nr. 02")
    assert "Neuer Entwurf" not in html
    assert 'href="/aktuelles/"' in html


def test_home_without_articles_has_no_news_section(client):
    assert 'id="news-title"' not in client.get("/").content.decode()


def test_image_needs_alt_text():
    article = NewsArticleFactory.build(image="aktuelles/" + "a" * 32 + ".png", image_alt="  ")
    with pytest.raises(ValidationError) as error:
        article.clean()
    assert "image_alt" in error.value.message_dict


def test_aktuelles_is_reserved_for_pages():
    assert "aktuelles" in reserved_slugs()
    with pytest.raises(ValidationError):
        validate_page_slug("aktuelles")


def test_reserved_slugs_are_the_first_segments_of_the_routes():
    # Read from the URL configuration: no route, no reservation ("api" and "start" had none).
    assert reserved_slugs() == {
        "admin", "aktuelles", "arbeitsgruppen", "chronik", "datenschutz-einstellungen",
        "dokumente", "einbettung", "gremien", "handlungsfelder", "healthz", "karte", "kommunen",
        "media", "oparl", "opendaten", "projekte", "robots.txt", "sitemap.xml", "static", "suche",
        "termine", "vorschau", "zahlen",
    }  # fmt: skip
    validate_page_slug("start")
    validate_page_slug("barrierefreiheit")  # a legal page, with the feedback form below it


def _add_form(editor_client, **values):
    url = admin_url(NewsArticle, "add")
    data = form_data(editor_client.get(url))
    data.update(
        municipalities=[],  # an empty add form has no selection
        fields_of_action=[],
        projects=[],
        title="Drittes Rätetreffen",
        slug="drittes-raetetreffen",
        date="18.09.2024",
        teaser="Rund 180 Teilnehmende.",
        text="Am 18. September 2024 ...",
    )
    data.update(values)
    return editor_client.post(url, data)


def test_editor_adds_an_article(editor_client, editor):
    field = FieldOfActionFactory()

    response = _add_form(editor_client, fields_of_action=[str(field.pk)])

    assert response.status_code == 302, form_errors(response)
    article = NewsArticle.objects.get(slug="drittes-raetetreffen")
    assert article.date == datetime.date(2024, 9, 18)
    assert list(article.fields_of_action.all()) == [field]
    assert article.history.first().history_user == editor


def test_editor_upload_without_alt_text_is_rejected(editor_client):
    response = _add_form(editor_client, image=_png(), image_alt="")

    assert response.status_code == 200
    assert "Bitte einen Alternativtext für das Bild angeben." in response.content.decode()
    assert not NewsArticle.objects.exists()


def test_editor_upload_with_alt_text_is_served(editor_client, client):
    response = _add_form(
        editor_client, image=_png(), image_alt="Ratsmitglieder im Saal", is_published="on"
    )

    assert response.status_code == 302, form_errors(response)
    article = NewsArticle.objects.get()
    assert re.fullmatch(r"aktuelles/[0-9a-f]{32}\.png", article.image.name)
    client.logout()
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'src="{article.image.url}" alt="Ratsmitglieder im Saal"' in html
    assert client.get(article.image.url).status_code == 200


def test_editor_changelist_search_and_filters(editor_client):
    town = MunicipalityFactory()
    NewsArticleFactory(title="Velorouten online", municipalities=[town])
    NewsArticleFactory(title="Rätetreffen")
    url = admin_url(NewsArticle, "changelist")

    found = editor_client.get(url, {"q": "Velorouten"}).content.decode()
    filtered = editor_client.get(url, {"municipalities__id__exact": town.pk}).content.decode()

    assert "Velorouten online" in found and "Rätetreffen" not in found
    assert "Velorouten online" in filtered and "Rätetreffen" not in filtered
    assert editor_client.get(url, {"date__year": "2024"}).status_code == 200


def test_seed_creates_articles_once_and_keeps_editors_changes():
    call_command("seed_demo", verbosity=0)
    assert NewsArticle.objects.count() == len(ARTICLES) >= 5
    assert NewsArticle.objects.published().count() == len(ARTICLES)
    eea = NewsArticle.objects.get(slug="european-energy-award-2015")
    assert (eea.date, eea.is_demo) == (datetime.date(2015, 6, 19), False)
    assert eea.fields_of_action.get().slug == "klimaschutz"
    assert NewsArticle.objects.get(slug="veloregion-online-2020").is_demo  # day not documented
    eea.title = "Von der Redaktion geändert"
    eea.save()
    eea.projects.clear()
    history = NewsArticle.history.count()

    call_command("seed_demo", verbosity=0)

    assert NewsArticle.objects.count() == len(ARTICLES)
    eea.refresh_from_db()
    assert eea.title == "Von der Redaktion geändert"
    assert not eea.projects.exists()
    assert NewsArticle.history.count() == history


def test_article_shows_its_last_change(client):
    article = NewsArticleFactory()
    NewsArticle.objects.filter(pk=article.pk).update(
        updated_at=datetime.datetime(2025, 3, 7, 23, 30, tzinfo=datetime.UTC)
    )

    html = client.get(article.get_absolute_url()).content.decode()

    assert html.count('Stand: <time datetime="2025-03-08">8. März 2025</time>') == 1
