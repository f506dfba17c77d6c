"""What towns put on their own websites: the snippets page, the badge and the widget, and
member addresses that survive a changed slug."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from members.models import Municipality, validate_embed_origins
from projects.models import Project
from tests.admin_helpers import admin_url, form_data, form_errors
from tests.factories import (
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    MunicipalityFactory,
    ProjectFactory,
    SeatQuotaFactory,
)

pytestmark = pytest.mark.django_db


def frame_ancestors(response) -> str:
    directives = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    return directives["frame-ancestors"]


@pytest.fixture
def town():
    return MunicipalityFactory(name="Münster", slug="muenster")


@pytest.mark.parametrize(
    "value",
    ["https://www.havixbeck.de", "https://havixbeck.de/\nhttps://www.stadt-telgte.de:8443", ""],
)
def test_embed_origins_accept_https_origins(value):
    validate_embed_origins(value)


@pytest.mark.parametrize(
    "value",
    [
        "http://www.havixbeck.de",
        "https://www.havixbeck.de/widget",
        "https://www.havixbeck.de; script-src *",
        "https://localhost",
        "*",
        "'self'",
        "https://*.havixbeck.de",
    ],
)
def test_embed_origins_refuse_anything_else_with_a_german_message(value):
    with pytest.raises(ValidationError) as error:
        validate_embed_origins(value)
    assert "Bitte nur Adressen der Form" in error.value.messages[0]


def test_the_snippets_page_offers_badge_and_widget_code(client, town, settings):
    settings.SITE_URL = "https://www.stadtregion-muenster.de"  # never the request's host
    town.embed_origins = "https://www.muenster.de/\nhttps://Stadt.Muenster.de"
    town.save()
    response = client.get(reverse("members:embed", kwargs={"slug": "muenster"}))
    html = response.content.decode()
    assert response.status_code == 200
    badge = "https://www.stadtregion-muenster.de/kommunen/muenster/plakette.png"
    assert f'&lt;img src="{badge}"' in html
    assert 'alt="Münster ist Mitglied der Stadtregion Münster"' in html
    assert '&lt;a href="https://www.stadtregion-muenster.de/kommunen/muenster/"&gt;' in html
    widget = "https://www.stadtregion-muenster.de/kommunen/muenster/widget/"
    assert f'&lt;iframe src="{widget}" title="' in html
    # Responsive: no fixed width that would widen a 320-pixel page; a compact variant.
    assert 'height="560" style="width:100%;max-width:40rem;border:0"' in html
    assert 'width="360"' not in html
    assert f'&lt;iframe src="{widget}kompakt/" title="' in html
    assert "<li>https://stadt.muenster.de</li>" in html
    assert (
        reverse("members:embed", kwargs={"slug": "muenster"})
        in client.get(town.get_absolute_url()).content.decode()
    )


def test_the_snippets_page_says_when_no_website_may_frame_the_widget(client, town):
    html = client.get(reverse("members:embed", kwargs={"slug": "muenster"})).content.decode()
    assert "Noch ist keine Website für das Widget freigegeben" in html


def test_the_badge_is_a_png_without_cookie_or_script(client, town):
    response = client.get(reverse("members:badge", kwargs={"slug": "muenster"}))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "Set-Cookie" not in response.headers
    assert b"<script" not in response.content
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG"
    assert image.height == 112  # drawn at twice the 56 px of the snippet
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"


def test_the_badge_of_an_unknown_town_is_a_404(client, db):
    assert client.get("/kommunen/gibtsnicht/plakette.png").status_code == 404


def test_the_widget_may_be_framed_only_by_the_configured_origins(client, town):
    url = reverse("members:widget", kwargs={"slug": "muenster"})
    response = client.get(url)
    assert frame_ancestors(response) == "'none'"
    town.embed_origins = "https://www.muenster.de\nhttps://stadt-muenster.de/"
    town.save()
    response = client.get(url)
    assert frame_ancestors(response) == "https://www.muenster.de https://stadt-muenster.de"
    assert "X-Frame-Options" not in response.headers
    # Everything else keeps the site-wide policy.
    assert frame_ancestors(client.get(town.get_absolute_url())) == "'none'"


def test_the_widget_lists_current_projects_and_next_meetings_without_cookie_or_script(
    client, town, django_assert_num_queries
):
    other = MunicipalityFactory()
    ProjectFactory(title="Radschnellweg", municipalities=[town])
    ProjectFactory(title="Entwurf", municipalities=[town], is_published=False)
    ProjectFactory(title="Erledigt", municipalities=[town], status=Project.Status.COMPLETED)
    ProjectFactory(title="Anderswo", municipalities=[other])
    beirat = BodyFactory(name="Beirat")
    SeatQuotaFactory(body=beirat, municipality=town)
    lenkung = BodyFactory(name="Lenkungskreis")
    MembershipFactory(body=lenkung, municipality=town)
    MembershipFactory(body=lenkung, municipality=town)  # two members: the meeting once
    MeetingFactory(body=beirat, title="Beiratssitzung")
    MeetingFactory(body=lenkung, title="Lenkungskreissitzung")
    MeetingFactory(body=BodyFactory(), title="Fremde Sitzung")
    past = timezone.now() - datetime.timedelta(days=3)
    MeetingFactory(body=beirat, title="Vergangene Sitzung", start=past)

    with django_assert_num_queries(3):
        response = client.get(reverse("members:widget", kwargs={"slug": "muenster"}))
    html = response.content.decode()
    assert "Set-Cookie" not in response.headers and not response.cookies
    assert "<script" not in html
    assert '<html lang="de">' in html and "<title>Stadtregion Münster: Projekte" in html
    assert "Radschnellweg" in html
    for hidden in ("Entwurf", "Erledigt", "Anderswo", "Fremde Sitzung", "Vergangene Sitzung"):
        assert hidden not in html
    assert html.count("Lenkungskreissitzung") == 1 and "Beiratssitzung" in html
    assert 'target="_top"' in html


def test_a_former_slug_answers_301_with_the_same_subpath(client, town):
    town.slug = "stadt-muenster"
    town.save()
    for old, new in [
        ("/kommunen/muenster/", "/kommunen/stadt-muenster/"),
        ("/kommunen/muenster/einbinden/", "/kommunen/stadt-muenster/einbinden/"),
        ("/kommunen/muenster/widget/?x=1", "/kommunen/stadt-muenster/widget/?x=1"),
        ("/kommunen/muenster/plakette.png", "/kommunen/stadt-muenster/plakette.png"),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new)
    assert client.get("/kommunen/stadt-muenster/").status_code == 200


def test_twice_renamed_towns_redirect_from_every_former_slug(client, town):
    for slug in ("stadt-muenster", "muenster-westf"):
        town.slug = slug
        town.save()
    for old in ("muenster", "stadt-muenster"):
        assert client.get(f"/kommunen/{old}/")["Location"] == "/kommunen/muenster-westf/"


def test_a_former_slug_taken_by_another_town_shows_that_town(client, town):
    town.slug = "stadt-muenster"
    town.save()
    MunicipalityFactory(name="Neues Münster", slug="muenster", ags="05515999")
    response = client.get("/kommunen/muenster/")
    assert response.status_code == 200
    assert response.context["municipality"].name == "Neues Münster"


def test_a_slug_no_town_ever_had_is_a_404(client, town):
    assert client.get("/kommunen/nie-gewesen/").status_code == 404
    assert client.get("/kommunen/nie-gewesen/widget/").status_code == 404


def test_editors_enter_the_widget_origins_in_the_admin(editor_client, town):
    url = admin_url(Municipality, "change", town.pk)
    data = form_data(editor_client.get(url))
    response = editor_client.post(url, {**data, "embed_origins": "www.muenster.de/seite"})
    assert any("Bitte nur Adressen der Form" in error for error in form_errors(response))
    response = editor_client.post(url, {**data, "embed_origins": "https://www.muenster.de"})
    assert response.status_code == 302
    town.refresh_from_db()
    assert town.frame_ancestors == ["https://www.muenster.de"]


def test_the_compact_widget_shows_three_of_each(client, town):
    from tests.factories import BodyFactory, MeetingFactory, ProjectFactory, SeatQuotaFactory

    body = BodyFactory()
    SeatQuotaFactory(body=body, municipality=town)
    for n in range(5):
        ProjectFactory(title=f"Projekt Nummer {n}", municipalities=[town])
        MeetingFactory(body=body, title=f"Sitzung Nummer {n}")

    full = client.get(reverse("members:widget", kwargs={"slug": "muenster"})).content.decode()
    compact = client.get(reverse("members:widget_compact", kwargs={"slug": "muenster"}))

    assert full.count("Projekt Nummer") == 5 and full.count("Sitzung Nummer") == 5
    html = compact.content.decode()
    assert html.count("Projekt Nummer") == 3 and html.count("Sitzung Nummer") == 3
    assert 'class="widget widget-compact"' in html
