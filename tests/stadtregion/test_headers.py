"""Every answer, early ones included, carries the site's security headers; Permissions-Policy
switches off the browser features the site never uses."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.urls import reverse

from stadtregion.views import HomeView
from tests.factories import MunicipalityFactory, ProjectFactory

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}
VIDEO_HOST = "https://www.youtube-nocookie.com"
OFF = ["camera", "microphone", "geolocation", "payment", "usb", "autoplay", "browsing-topics"]


def permissions(response) -> dict[str, str]:
    header = response.headers["Permissions-Policy"]
    return dict(item.split("=", 1) for item in header.split(", "))


@pytest.mark.parametrize(
    "url",
    [
        "/",  # HTML
        "/healthz",  # JSON
        "/karte/daten.geojson",  # GeoJSON
        "/gibt-es-nicht/",  # 404
        "/admin/login/",  # admin
        "/static/css/site.css",  # static files (whitenoise)
    ],
)
def test_every_kind_of_response_carries_the_policy(client, url):
    policy = permissions(client.get(url))
    assert {feature: policy[feature] for feature in OFF} == dict.fromkeys(OFF, "()")
    # The map and the sign-language videos go fullscreen in our own frames and players.
    assert policy["fullscreen"] == "(self)"


def test_admin_pages_for_staff_carry_the_policy(editor_client):
    response = editor_client.get("/admin/")
    assert response.status_code == 200
    assert permissions(response)["camera"] == "()"


def test_video_frame_passes_player_features_to_youtube_only(client):
    ProjectFactory(video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    response = client.post("/einbettung/video/dQw4w9WgXcQ/", **SAME_ORIGIN)
    assert response.status_code == 200
    policy = permissions(response)
    for feature in ("fullscreen", "picture-in-picture", "encrypted-media"):
        assert policy[feature] == f'(self "{VIDEO_HOST}")'
    assert policy["camera"] == policy["autoplay"] == "()"


# --- The same security headers on every answer ---------------------------------------------

LARGE_BODY = {"CONTENT_LENGTH": str(60 * 1024 * 1024)}
MULTIPART = "multipart/form-data; boundary=grenze"


def _answer(kind, client, settings):
    """One answer of each kind, many of them made before the view (or any middleware) ran."""
    visitor = Client(raise_request_exception=False)
    if kind == 400:  # a Host header not in ALLOWED_HOSTS
        return client.get("/", HTTP_HOST="boese.example")
    if kind == 403:  # a form without its CSRF token
        return Client(enforce_csrf_checks=True).post("/barrierefreiheit/feedback/", {})
    if kind == 405:
        return client.post("/opendaten/katalog.ttl")
    if kind == 413:  # refused by core.middleware before anything reads the body
        return client.generic("POST", "/barrierefreiheit/feedback/", b"", MULTIPART, **LARGE_BODY)
    if kind == 429:
        settings.SEARCH_RATE_LIMIT = (0, 60)
        return client.get("/suche/", {"q": "Velorouten"})
    if kind == 500:
        with mock.patch.object(HomeView, "get", side_effect=RuntimeError("kaputt")):
            return visitor.get("/")
    if kind == 503:
        with mock.patch.object(BaseDatabaseWrapper, "cursor", side_effect=OperationalError):
            return visitor.get("/")
    return client.get({200: "/", 301: "/kommunen", 302: "/admin/", 404: "/gibt-es-nicht/"}[kind])


@pytest.mark.parametrize("kind", [200, 301, 302, 400, 403, 404, 405, 413, 429, 500, 503])
def test_every_answer_carries_the_same_security_headers(client, settings, kind):
    response = _answer(kind, client, settings)

    assert response.status_code == kind
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert permissions(response)["camera"] == "()"


def test_answers_that_set_their_own_policy_keep_it(client):
    # The members' widget may be framed by the sites the town lists: no DENY added to it.
    town = MunicipalityFactory(embed_origins="https://www.telgte.de")
    response = client.get(reverse("members:widget", kwargs={"slug": town.slug}))
    assert response.status_code == 200
    assert "frame-ancestors https://www.telgte.de" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response
