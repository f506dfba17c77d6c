"""What towns and citizens do with the interfaces in a real browser: the widget snippet on a
narrow phone page, and copying a calendar's subscription address."""

import html
import re

import pytest

from members.models import Municipality
from tests.browser.axe import axe_violations
from tests.browser.other_origin import serve

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("variant", ["widget-code", "widget-compact-code"])
def test_the_snippet_fits_a_320_pixel_phone_page(town, new_context, variant):
    context = new_context(stub_foreign=False, viewport={"width": 320, "height": 640})
    snippets = context.new_page()
    snippets.goto("/kommunen/havixbeck/einbinden/")
    snippet = snippets.locator(f"#{variant}").input_value()
    body = "<!DOCTYPE html><html lang='de'><meta name='viewport' content='width=device-width'>"
    server = serve(f"{body}<title>Gemeinde</title><h1>Gemeinde</h1>{snippet}</html>".encode())
    try:
        origin = f"http://localhost:{server.server_port}"
        Municipality.objects.filter(pk=town.pk).update(embed_origins=origin)
        page = context.new_page()
        page.goto(f"{origin}/")
        widget = page.frame_locator("iframe")
        widget.locator("h1").wait_for()

        # No horizontal scrolling on the town's page; the meetings are within the frame.
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        frame = page.locator("iframe").bounding_box()
        assert frame["width"] <= 320
        meetings = widget.get_by_text("Beiratssitzung").bounding_box()
        assert meetings["y"] + meetings["height"] <= frame["y"] + frame["height"]
        assert page.frames[1].evaluate("document.documentElement.scrollWidth") <= frame["width"]
    finally:
        server.shutdown()
        server.server_close()


def test_the_calendar_address_is_copied(town, new_context):
    context = new_context(stub_foreign=False, permissions=["clipboard-write"])
    page = context.new_page()
    page.goto("/kommunen/havixbeck/")

    page.get_by_role("button", name="Adresse kopieren").click()

    page.locator("#calendar-address-status").get_by_text("Die Adresse ist kopiert.").wait_for()
    # The site's permissions policy keeps the clipboard from being read; the field is the text.
    copied = page.locator("#calendar-address").input_value()
    assert re.fullmatch(r"http://[^/]+/kommunen/havixbeck/kalender\.ics", copied)
    link = page.get_by_role("link", name=re.compile("Kalender abonnieren")).get_attribute("href")
    assert html.unescape(link) == copied.replace("http://", "webcal://")
    page.get_by_text("So abonnieren Sie den Kalender").click()  # the help, opened
    assert axe_violations(page) == []
    context.traffic.assert_silent()
