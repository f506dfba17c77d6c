"""Permissions-Policy: every response switches off the browser features the site never uses."""

import pytest

from tests.factories import ProjectFactory

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
