"""A visitor searches from the header of any page, on a phone, with static files as production
serves them (collected, hashed, WhiteNoise)."""

import pytest

from tests.browser.axe import axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def live_server(hashed_live_server):
    return hashed_live_server


def test_search_from_the_header_with_the_keyboard_and_filter_by_type(site, new_context):
    context = new_context(stub_foreign=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto("/kommunen/")
    page.get_by_role("button", name="Nur notwendige").first.click()

    field = page.get_by_role("search", name="Website durchsuchen").get_by_label("Suchbegriff")
    field.fill("Velorouten")
    field.press("Enter")
    page.wait_for_url("**/suche/?q=Velorouten")

    assert page.title().startswith("Suche: Velorouten (")
    status = page.locator("main .result-count[role='status']")
    assert "Treffer für „Velorouten“" in status.inner_text()
    assert page.locator(".search-hit mark").first.inner_text() == "Velorouten"
    kinds = set(page.locator(".search-hit .kind-badge").all_inner_texts())
    assert {"Projekt", "Dokument"} <= kinds

    page.get_by_role("navigation", name="Treffer nach Art").get_by_role(
        "link", name="Dokument"
    ).click()
    page.wait_for_url("**typ=dokument")
    assert set(page.locator(".search-hit .kind-badge").all_inner_texts()) == {"Dokument"}
    assert "in der Art „Dokument“" in status.inner_text()
    # The header field keeps the query; nothing on the phone-sized page scrolls sideways.
    assert field.input_value() == "Velorouten"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert axe_violations(page) == []
    context.traffic.assert_silent()
