"""Beyond the minimum (issue 22): the map by keyboard and touch, WCAG 2.2 inside the map frame,
forms, phones and text spacing, in a real browser."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import axe_violations

pytestmark = pytest.mark.browser


def consented_map(page, path="/karte/"):
    page.goto(path)
    accept = page.get_by_role("button", name="Alle akzeptieren").first
    if accept.is_visible():
        accept.click()
    frame_element = page.locator("iframe.embed-frame").first
    frame_element.wait_for()
    frame = frame_element.element_handle().content_frame()
    frame.locator(".map-marker-projekt").first.wait_for()
    frame.locator(".leaflet-control-layers").wait_for()
    return frame


def test_map_frame_passes_axe_wcag22_and_its_targets_never_overlap(site, new_context):
    page = new_context().new_page()
    for path in ["/karte/", "/kommunen/telgte/"]:
        frame = consented_map(page, path)
        violations = axe_violations(frame, frame=True)
        assert violations == [], "\n".join(violations)
        boxes = frame.evaluate(
            """() => [...document.querySelectorAll('.map-marker')].map(e => {
                const r = e.getBoundingClientRect();
                return [r.left, r.top, r.right, r.bottom]; })"""
        )
        assert boxes
        for i, a in enumerate(boxes):
            assert a[2] - a[0] >= 24 and a[3] - a[1] >= 24, a
            for b in boxes[i + 1 :]:
                apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
                assert apart, (path, a, b)


def test_map_controls_speak_german(site, new_context):
    page = new_context().new_page()
    frame = consented_map(page)
    labels = frame.evaluate(
        """() => [...document.querySelectorAll('[title], [aria-label]')].map(
            e => (e.getAttribute('title') || '') + ' ' + (e.getAttribute('aria-label') || ''))"""
    )
    english = [t for t in labels if any(w in t for w in ["Zoom", "Layers", "JavaScript library"])]
    assert english == []
    expect(frame.get_by_role("button", name="Vergrößern")).to_have_count(1)
    frame.locator(".map-marker-kommune").first.click()
    # The popup opens a moment after the click: wait for it, as a reader would.
    expect(frame.get_by_role("button", name="Schließen")).to_have_count(1)


def test_map_popup_takes_focus_is_a_named_dialog_and_escape_returns_to_its_marker(
    site, new_context
):
    page = new_context().new_page()
    frame = consented_map(page)
    marker = frame.locator(".map-marker-kommune").first
    name = marker.get_attribute("title")
    marker.focus()
    page.keyboard.press("Enter")
    dialog = frame.get_by_role("dialog", name=name)
    dialog.wait_for()
    frame.wait_for_function("document.activeElement.closest('[role=dialog]') !== null")
    page.keyboard.press("Tab")
    assert frame.evaluate("document.activeElement.textContent") == "Zur Seite der Kommune"
    page.keyboard.press("Escape")
    dialog.wait_for(state="detached")
    frame.wait_for_function(
        "name => document.activeElement.getAttribute('title') === name", arg=name
    )


def test_one_finger_scrolls_the_page_on_touch_screens(site, new_context):
    context = new_context(viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    frame = consented_map(page)
    container = frame.locator(".leaflet-container")
    # Leaflet's drag handler claims every touch (touch-action: none); without it, one finger
    # scrolls, two fingers pan and zoom.
    assert "leaflet-touch-drag" not in container.get_attribute("class")
    assert frame.evaluate("getComputedStyle(document.getElementById('map')).touchAction") != "none"
    assert frame.locator(".map-touch-hint").text_content() == (
        "Zum Verschieben der Karte zwei Finger benutzen"
    )


def test_feedback_from_the_footer_knows_the_page_and_a_failed_send_focuses_the_summary(
    site, new_context
):
    page = new_context(stub_foreign=False).new_page()
    page.goto("/projekte/")
    page.locator(".site-footer").get_by_role("link", name="Barriere melden").click()
    assert page.get_by_label("betroffene Seite").input_value() == "/projekte/"
    page.get_by_label("E-Mail für die Antwort").fill("keine-adresse")
    page.get_by_role("button", name="Nachricht senden").click()
    page.wait_for_load_state()
    assert page.title().startswith("Fehler: ")
    assert page.evaluate("document.activeElement.id") == "form-errors"
    page.locator("#form-errors").get_by_role("link").last.click()
    assert page.evaluate("document.activeElement.id") == "id_email"


PHONE = {"width": 375, "height": 740}


def test_consent_banner_leaves_half_a_phone_screen_and_the_site_name_in_view(site, new_context):
    page = new_context(stub_foreign=False, viewport=PHONE).new_page()
    for path in ["/", "/termine/", "/karte/"]:
        page.goto(path)
        height = page.locator("#consent-banner").bounding_box()["height"]
        assert height <= PHONE["height"] / 2, (path, height)
        name = page.locator(".site-logo-text").bounding_box()
        assert name["y"] + name["height"] <= PHONE["height"], path


def test_next_meetings_are_reachable_from_the_first_phone_screen(site, new_context):
    page = new_context(stub_foreign=False, viewport=PHONE).new_page()
    page.goto("/")
    page.get_by_role("button", name="Nur notwendige").click()
    # Measured once the choice is made and the page is laid out with its own fonts: on a busy
    # machine the box was read while the banner was still being taken away.
    expect(page.locator("#consent-banner")).to_be_hidden()
    page.wait_for_load_state()
    page.evaluate("document.fonts.ready.then(() => true)")
    link = page.get_by_role("link", name="Nächste Termine")
    box = link.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"]
    link.click()
    expect(page.locator("#meetings-title")).to_be_in_viewport()


def test_tables_wider_than_a_phone_say_so_and_keep_their_caption_in_view(site, new_context):
    page = new_context(stub_foreign=False, viewport=PHONE).new_page()
    page.goto("/gremien/beirat/")
    box = page.locator(".table-scroll").first
    hint = page.locator(".table-scroll-hint").first
    expect(hint).to_be_visible()
    assert box.get_attribute("role") == "group"  # no landmark
    caption = box.locator(".caption-text")
    box.evaluate("box => { box.scrollLeft = box.scrollWidth; }")
    page.wait_for_function("() => document.querySelector('.table-scroll').scrollLeft > 0")
    assert caption.bounding_box()["x"] >= 0
    assert caption.bounding_box()["x"] < PHONE["width"] / 2
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/kommunen/")
    expect(page.locator(".table-scroll-hint").first).to_be_hidden()


# The text-spacing bookmarklet of WCAG 1.4.12's understanding document, added through the CSSOM
# (the CSP refuses style elements, rightly).
TEXT_SPACING = [
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    " word-spacing: 0.16em !important; }",
    "p { margin-bottom: 2em !important; }",
]


def test_no_overflow_with_wcag_text_spacing_at_320_px(site, new_context):
    from tests.crawl import one_per_route

    page = new_context(stub_foreign=False, viewport={"width": 320, "height": 640}).new_page()
    overflowing = []
    for path in one_per_route(site.pages):
        page.goto(path)
        page.evaluate(
            "rules => rules.forEach(r => document.styleSheets[0].insertRule(r, 0))", TEXT_SPACING
        )
        found = page.evaluate(
            """() => {
              const out = [];
              if (document.documentElement.scrollWidth > window.innerWidth) out.push('page');
              for (const el of document.querySelectorAll('main *')) {
                if (el.closest('.table-scroll, pre, code')) continue;
                const r = el.getBoundingClientRect();
                if (r.width && (r.right > window.innerWidth + 1 || r.left < -1))
                  out.push(el.className || el.tagName);
              }
              return out.slice(0, 3);
            }"""
        )
        if found:
            overflowing.append((path, found))
    assert overflowing == []
