"""The admin's map picker with static files as production serves them: collected with hashed
names (CompressedManifestStaticFilesStorage) and served by WhiteNoise, not by the finders.

Leaflet's default marker finds its images through a CSS background URL, which the manifest
storage rewrites; the picker must not depend on that.
"""

from urllib.parse import urlsplit

import pytest

from projects.models import Project

pytestmark = pytest.mark.browser


@pytest.fixture
def live_server(hashed_live_server):
    return hashed_live_server


def test_the_admin_map_works_with_hashed_static_files(site, staff_context, django_user_model):
    staff = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    project = Project.objects.filter(latitude__isnull=False).first()
    context = staff_context(staff)
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
