"""A town editor (Kommunale Redaktion, members.editors) in a real browser, with static files as
production serves them: their own town's form saves, the other town's opens read-only."""

import pytest

from members.models import Municipality
from tests.accounts.test_town_editors import make_town_editor
from tests.tiles import leaflet_config

pytestmark = pytest.mark.browser


@pytest.fixture
def live_server(hashed_live_server):
    return hashed_live_server


def test_a_town_editor_updates_the_population_and_only_reads_the_other_town(
    site, staff_context, django_user_model, settings, live_server
):
    # The admin's map picker draws tiles; served by us (as 404s), no request leaves the origin.
    settings.LEAFLET_CONFIG = leaflet_config(f"{live_server.url}/kacheln/{{z}}/{{x}}/{{y}}.png")
    mine = Municipality.objects.get(slug="havixbeck")
    other = Municipality.objects.get(slug="telgte")
    context = staff_context(make_town_editor(django_user_model, "redaktion-havixbeck", mine))
    page = context.new_page()

    page.goto(f"/admin/members/municipality/{mine.pk}/change/")
    page.fill("#id_population", "12.512")
    page.get_by_role("button", name="Sichern", exact=True).click()
    page.locator(".messagelist .success").wait_for()
    mine.refresh_from_db()
    assert mine.population == 12512

    page.goto(f"/admin/members/municipality/{other.pk}/change/")
    assert page.locator("#id_population").count() == 0  # shown as text, not as an input
    shown = page.locator(".field-population .readonly").inner_text()
    assert shown.replace(".", "") == str(other.population)
    assert page.locator("[name=_save], [name=_continue]").count() == 0
    assert page.locator("form#municipality_form input:not([type=hidden])").count() == 0
    page.wait_for_load_state("networkidle")
    context.traffic.assert_silent()
