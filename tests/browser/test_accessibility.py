"""WCAG 2.1 AA (axe-core in real Chromium) and keyboard access.

axe runs on one page per URL pattern, where templates differ, in three states: first visit
with the banner open (in the crawl of test_consent_browser.py, on every page in CI), consent
given with maps and videos shown, and 320 px wide. Titles, headings and skip links are read
from the HTML (tests/site/test_public_pages.py).
"""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import axe_violations
from tests.crawl import one_per_route

pytestmark = pytest.mark.browser


def test_pages_with_consent_banner_closed_and_map_shown_have_no_axe_violations(site, new_context):
    context = new_context()
    page = context.new_page()
    page.goto("/")
    page.get_by_role("button", name="Alle akzeptieren").first.click()
    # The banner closes once the choice is stored: leaving earlier lost it on a busy machine.
    expect(page.locator("#consent-banner")).to_be_hidden()
    # Consent changes only pages with maps or videos; elsewhere it just hides the banner.
    embedding = {path: html for path, html in site.pages.items() if "data-embed" in html}
    violations, framed = [], set()
    for path in sorted({*one_per_route(embedding), site.video_project_url}):
        page.goto(path)
        violations += axe_violations(page)
        if page.locator("iframe.embed-frame").count():
            framed.add(path)
    assert {"/karte/", site.video_project_url} <= framed, "consent did not show map and video"
    assert violations == [], "\n".join(violations)


def test_mobile_layout_has_no_axe_violations_and_no_horizontal_scrolling(site, new_context):
    # Banner open, no consent: nothing foreign loads (the crawl of test_consent_browser.py).
    context = new_context(stub_foreign=False, viewport={"width": 320, "height": 640})
    page = context.new_page()
    violations, overflowing = [], []
    for path in one_per_route(site.pages):
        page.goto(path)
        violations += axe_violations(page)
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            overflowing.append(path)
    assert violations == [], "\n".join(violations)
    assert overflowing == [], f"horizontal scrolling at 320 px: {overflowing}"


def test_skip_links_are_the_first_tab_stops_and_move_focus(site, new_context):
    page = new_context().new_page()
    for path in ["/", "/projekte/"]:
        page.goto(path)
        focused = []
        for _ in range(2):
            page.keyboard.press("Tab")
            focused.append(page.evaluate("document.activeElement.getAttribute('accesskey')"))
        assert focused == ["c", "h"], path
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    page.keyboard.press("Tab")
    # The next tab stop lies inside the content, not back in the header.
    assert page.evaluate("document.getElementById('main-content').contains(document.activeElement)")


def test_focus_is_visible_on_every_interactive_element_of_the_home_page(site, new_context):
    page = new_context().new_page()
    page.goto("/")
    invisible = []
    for _ in range(60):
        page.keyboard.press("Tab")
        outline = page.evaluate(
            """() => { const el = document.activeElement; if (el === document.body) return null;
            const s = getComputedStyle(el);
            return [el.tagName + ' ' + (el.textContent || '').trim().slice(0, 30),
                    s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none'] }"""
        )
        if outline and not outline[1]:
            invisible.append(outline[0])
    assert invisible == [], invisible


def test_main_navigation_works_without_javascript_on_a_phone(site, new_context):
    context = new_context(java_script_enabled=False, viewport={"width": 375, "height": 700})
    page = context.new_page()
    page.goto("/")
    nav = page.locator("#main-nav")
    if not nav.get_by_role("link", name="Projekte").is_visible():
        nav.locator("summary").click()
    nav.get_by_role("link", name="Projekte").click()
    assert page.url.endswith("/projekte/")


def test_print_shows_the_content_without_navigation_or_banner(site, new_context):
    page = new_context().new_page()
    page.goto("/projekte/")
    page.emulate_media(media="print")
    assert page.locator("#main-content h1").is_visible()
    for chrome in ["#main-nav", ".skip-links", ".site-footer", "#consent-banner", ".breadcrumbs"]:
        assert not page.locator(chrome).first.is_visible(), chrome
    page.emulate_media(media="screen")
    assert page.locator("#main-nav").is_visible()
