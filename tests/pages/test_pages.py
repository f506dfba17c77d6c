"""Home page, simple pages, error pages, and what every public page shares (layout, a11y basics)."""

import datetime
import re

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from stadtregion.errors import server_error
from tests.admin_helpers import two_factor_login
from tests.factories import (
    BodyFactory,
    DocumentFactory,
    FieldOfActionFactory,
    MeetingFactory,
    MunicipalityFactory,
    PageFactory,
    ProjectFactory,
    TimelineEventFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db


def test_home_page_content(client):
    MunicipalityFactory(name="Nottuln", slug="nottuln")
    FieldOfActionFactory(name="Schulentwicklung", slug="schulentwicklung")
    BodyFactory(name="Bürgermeisterrunde", slug="buergermeisterrunde")
    MeetingFactory(title="Beiratssitzung", start=timezone.now() + datetime.timedelta(days=3))
    MeetingFactory(title="Längst vorbei", start=timezone.now() - datetime.timedelta(days=3))

    response = client.get(reverse("home"))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="hero-title">Gemeinsamer Lebens- und Gestaltungsraum</h1>' in html
    assert "Ende 2018" in html and "Geschäftsstelle bei der Stadt Münster" in html
    assert '<a href="/kommunen/nottuln/">Nottuln</a>' in html
    assert '<a href="/handlungsfelder/schulentwicklung/">Schulentwicklung</a>' in html
    assert '<a href="/gremien/buergermeisterrunde/">Bürgermeisterrunde</a>' in html
    assert "Beiratssitzung" in html and "Längst vorbei" not in html
    assert 'href="/kontakt/"' in html
    assert 'href="/leichte-sprache/"' in html and 'href="/gebaerdensprache/"' in html
    assert "Brotkrümelnavigation" not in html  # the home page needs no breadcrumb trail


def test_home_page_without_meetings_says_so(client):
    assert "Zurzeit sind keine Termine geplant." in client.get(reverse("home")).content.decode()


def test_simple_page_shows_markdown_and_date_of_last_change(client):
    page = PageFactory(
        title="Impressum", slug="impressum", intro="Wer diese Website betreibt.",
        body="## Anbieter\n\nStadt **Münster**\n\n<script>alert(1)</script>",
    )  # fmt: skip

    response = client.get(page.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Impressum – Stadtregion Münster</title>" in html
    assert "<h1>Impressum</h1>" in html
    assert '<p class="lead">Wer diese Website betreibt.</p>' in html
    assert "<h2>Anbieter</h2>" in html and "<strong>Münster</strong>" in html
    assert "<script>alert" not in html
    today = timezone.localdate()
    assert f'Stand: <time datetime="{today:%Y-%m-%d}">' in html


def test_simple_page_with_video_links_to_it(client):
    page = PageFactory(video_url="https://youtu.be/dQw4w9WgXcQ")
    html = client.get(page.get_absolute_url()).content.decode()
    assert "<iframe" not in html
    assert "youtu" in html


def test_unpublished_page_is_404_for_visitors_and_visible_to_staff(client, django_user_model):
    page = PageFactory(is_published=False)
    assert client.get(page.get_absolute_url()).status_code == 404
    staff = Client()
    two_factor_login(staff, django_user_model.objects.create_user("staff", is_staff=True))
    assert staff.get(page.get_absolute_url()).status_code == 200


def test_unknown_address_gives_german_404_page_with_navigation(client):
    response = client.get("/gibt-es-wirklich-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Seite nicht gefunden</h1>" in html
    assert 'id="main-nav"' in html
    assert '<a href="/">Zur Startseite der Stadtregion Münster</a>' in html


def test_500_page_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "<h1>Technischer Fehler</h1>" in html


def _public_urls():
    town = MunicipalityFactory()
    field = FieldOfActionFactory()
    group = WorkingGroupFactory(field_of_action=field, is_demo=True)
    project = ProjectFactory(field_of_action=field, municipalities=[town], is_demo=True)
    body = BodyFactory()
    meeting = MeetingFactory(body=body, is_demo=True)
    document = DocumentFactory(body=body, project=project, is_demo=True)
    TimelineEventFactory()
    page = PageFactory()
    return [
        "/", "/kommunen/", town.get_absolute_url(), "/handlungsfelder/", field.get_absolute_url(),
        "/projekte/", project.get_absolute_url(), "/arbeitsgruppen/", group.get_absolute_url(),
        "/gremien/", body.get_absolute_url(), "/termine/", meeting.get_absolute_url(),
        "/dokumente/", document.get_absolute_url(), "/chronik/", page.get_absolute_url(),
    ]  # fmt: skip


def test_every_public_page_shares_the_accessible_layout(client):
    for url in _public_urls():
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert len(re.findall(r"<h1[ >]", html)) == 1, url
        assert 'style="' not in html, url  # the CSP allows no inline styles
        # nor inline scripts; JSON-LD is data, never run (and needs no nonce)
        inline = r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/ld\+json\")"
        assert re.search(inline, html) is None, url
        assert 'accesskey="c"' in html and 'accesskey="h"' in html, url
        assert '<main id="main-content"' in html and 'id="main-nav"' in html, url
        assert re.search(r"<title>[^<]+ – Stadtregion Münster</title>", html), url


def test_demo_content_is_marked_on_lists_and_detail_pages(client):
    urls = _public_urls()
    for url in [u for u in urls if u.startswith(("/projekte/", "/arbeitsgruppen/", "/termine/"))]:
        assert "Beispielinhalt" in client.get(url).content.decode(), url
    assert "Beispielinhalt" in client.get("/dokumente/").content.decode()
