"""The admin's map picker with static files as production serves them: collected with hashed
names (CompressedManifestStaticFilesStorage) and served by WhiteNoise, not by the finders.

Leaflet's default marker finds its images through a CSS background URL, which the manifest
storage rewrites; the picker must not depend on that.
"""

from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from pytest_django.live_server_helper import LiveServer

from projects.models import Project
from tests.admin_helpers import two_factor_login

pytestmark = pytest.mark.browser

HASHED_STATIC = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}


@pytest.fixture
def live_server(settings, tmp_path, _plain_static):
    """Overrides pytest-django's live server: this one serves what `collectstatic` wrote,
    through WhiteNoise (MIDDLEWARE), as in production, instead of the finders' source files.

    pytest-django's autouse helper asks for the live server before tests/conftest.py's autouse
    `_plain_static` runs; naming it here makes it run first, so it cannot undo STORAGES below.
    """
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": HASHED_STATIC}
    settings.WHITENOISE_AUTOREFRESH = False
    settings.WHITENOISE_USE_FINDERS = False
    call_command("collectstatic", interactive=False, verbosity=0)
    server = LiveServer("localhost", start=False)
    server.thread.static_handler = lambda application: application  # no finders
    server.start()
    yield server
    server.stop()


def test_the_admin_map_works_with_hashed_static_files(
    site, new_context, live_server, django_user_model
):
    staff = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    project = Project.objects.filter(latitude__isnull=False).first()
    client = Client()
    two_factor_login(client, staff)
    context = new_context()
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    images = []
    context.on(
        "response",
        lambda response: (
            response.request.resource_type == "image"
            and images.append((response.url, response.status))
        ),
    )
    page = context.new_page()
    page.goto(f"/admin/projects/project/{project.pk}/change/")
    picker = page.locator(".admin-map-picker-map")
    picker.locator(".leaflet-tile-loaded").first.wait_for()
    # The page really uses the collected, hashed files.
    assert page.locator("link[href^='/static/leaflet/leaflet.'][href$='.css']").count() == 1
    assert page.locator("link[href='/static/leaflet/leaflet.css']").count() == 0

    marker = picker.locator(".leaflet-marker-icon")
    marker.wait_for()
    page.wait_for_load_state("networkidle")
    assert marker.count() == 1
    assert marker.is_visible()
    box = marker.bounding_box()
    assert box["width"] >= 10 and box["height"] >= 10
    loaded = marker.evaluate("el => el.tagName !== 'IMG' || (el.complete && el.naturalWidth > 0)")
    assert loaded, "the marker image did not load"

    local = [(url, status) for url, status in images if context.traffic.is_local(url)]
    under_admin = [url for url, _ in local if urlsplit(url).path.startswith("/admin/")]
    assert under_admin == [], "images requested relative to the admin page"
    assert [url for url, _ in local if not urlsplit(url).path.startswith("/static/")] == []
    assert [(url, status) for url, status in images if status != 200] == []
    assert context.traffic.page_errors == []

    height = page.locator("#id_longitude").evaluate("el => el.getBoundingClientRect().height")
    assert height < 60, f"the longitude input is {height}px high"
