"""A town's website frames our widget: Chromium shows it only on the origins the editors entered
(CSP frame-ancestors), and it sets no cookie and asks no other host for anything.

The town's page comes from a server on another origin (tests/browser/other_origin.py).
"""

import pytest

from members.models import Municipality
from tests.browser.axe import axe_violations
from tests.browser.other_origin import serve

pytestmark = pytest.mark.browser


@pytest.fixture
def town_site(live_server):
    """The origin of a town's website whose one page frames our widget of Havixbeck."""
    widget_url = f"{live_server.url}/kommunen/havixbeck/widget/"
    page = (
        "<!DOCTYPE html><html lang='de'><title>Gemeinde</title><h1>Gemeinde</h1>"
        f"<iframe src='{widget_url}' title='Stadtregion Münster' width='360' height='480'>"
        "</iframe></html>"
    ).encode()

    server = serve(page)
    yield f"http://localhost:{server.server_port}"
    server.shutdown()
    server.server_close()


def allow(town, origins: str) -> None:
    # Saved without validation: the test's origin is http, the admin accepts https only.
    Municipality.objects.filter(pk=town.pk).update(embed_origins=origins)


def test_the_allowed_origin_shows_the_widget_and_nothing_else_happens(town, town_site, new_context):
    allow(town, town_site)
    context = new_context(stub_foreign=False)  # the town's page comes from its own server
    page = context.new_page()
    page.goto(f"{town_site}/gemeinde/")
    widget = page.frame_locator("iframe")
    widget.locator("h1").wait_for()
    assert "Radschnellweg" in widget.locator("main").inner_text()
    assert "Beiratssitzung" in widget.locator("main").inner_text()
    page.wait_for_load_state("networkidle")

    page.keyboard.press("Tab")  # the keyboard reaches the widget's first link
    focused = page.frames[1].evaluate("document.activeElement.textContent")
    assert focused.startswith("Havixbeck in der Stadtregion")

    assert context.traffic.foreign_urls() == [f"{town_site}/gemeinde/"]
    assert context.traffic.csp_violations == [] and context.traffic.page_errors == []
    assert context.cookies() == []


def test_another_origin_gets_no_widget(town, town_site, new_context):
    allow(town, "https://www.havixbeck.de")
    context = new_context(stub_foreign=False)  # the town's page comes from its own server
    page = context.new_page()
    with page.expect_event("console", lambda message: "frame-ancestors" in message.text):
        page.goto(f"{town_site}/gemeinde/")
    assert page.frame_locator("iframe").locator("main").count() == 0
    assert context.cookies() == []


def test_the_widget_passes_axe(town, new_context):
    context = new_context(stub_foreign=False)
    page = context.new_page()
    page.goto("/kommunen/havixbeck/widget/")
    assert axe_violations(page) == []
    context.traffic.assert_silent()


def test_the_copy_button_copies_the_snippet(town, new_context):
    context = new_context(stub_foreign=False, permissions=["clipboard-write"])
    page = context.new_page()
    page.goto("/kommunen/havixbeck/einbinden/")
    page.get_by_role("button", name="Code des Widgets kopieren").click()
    page.locator("#widget-status").get_by_text("Der Code ist kopiert.").wait_for()
    context.traffic.assert_silent()
