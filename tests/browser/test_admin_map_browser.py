"""Office staff place a project on the map in the admin."""

from decimal import Decimal

import pytest
from django.test import Client

from projects.models import Project
from tests.admin_helpers import two_factor_login

pytestmark = pytest.mark.browser


def test_staff_place_a_project_on_the_admin_map(site, new_context, live_server, django_user_model):
    staff = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    project = Project.objects.filter(latitude__isnull=True).first() or Project.objects.first()
    project.latitude = project.longitude = None
    project.save()
    client = Client()
    two_factor_login(client, staff)
    context = new_context()
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.goto(f"/admin/projects/project/{project.pk}/change/")
    picker = page.locator(".admin-map-picker-map")
    picker.locator(".leaflet-tile-loaded").first.wait_for()
    assert context.traffic.foreign_hosts() == {"tile.openstreetmap.org"}

    picker.click()  # the centre of the map: the region's default centre
    latitude = float(page.locator("#id_latitude").input_value())
    longitude = float(page.locator("#id_longitude").input_value())
    assert abs(latitude - 51.93) < 0.05 and abs(longitude - 7.62) < 0.05
    assert picker.locator(".leaflet-marker-icon").count() == 1
    assert context.traffic.page_errors == []

    # Typed numbers move the marker; saving stores them.
    page.locator("#id_latitude").fill("51.98170")
    page.locator("#id_longitude").fill("7.78580")
    page.locator("#id_longitude").dispatch_event("change")
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/projects/project/")
    project.refresh_from_db()
    assert (project.latitude, project.longitude) == (Decimal("51.98170"), Decimal("7.78580"))
