"""The promise in a real browser: no request to another host until the visitor agrees."""

import re

import pytest

from privacy.consent import CONSENT_COOKIE, Category, site_cookies
from tests.browser.axe import EVERY_PAGE, axe_violations
from tests.crawl import internal_links, one_per_route

pytestmark = pytest.mark.browser

TILE_HOST = "tile.openstreetmap.org"
VIDEO_HOST = "www.youtube-nocookie.com"
CRAWL_LIMIT = 300  # a bound for runaway links; the crawl must finish well below it
NECESSARY = {c.name for c in site_cookies() if c.category == Category.NECESSARY}


def banner(page):
    return page.locator("#consent-banner")


def map_frame(page):
    return page.frame_locator("iframe.embed-frame").first


def wait_for_tiles(page):
    frame = map_frame(page)
    frame.locator(".leaflet-tile-loaded").first.wait_for()
    frame.locator(".map-marker").first.wait_for()
    return frame


def consent_value(context):
    cookie = next((c for c in context.cookies() if c["name"] == CONSENT_COOKIE), None)
    return cookie and cookie["value"]


def test_first_visit_of_every_public_page_talks_to_no_other_host_and_passes_axe(site, new_context):
    # One context, cookies cleared before every page: each page is a first visit. The traffic
    # record spans the whole crawl, so even a late request would fail the next check.
    # axe (WCAG 2.1 AA) runs here too: a crawl of its own for the same state, banner open,
    # would cost the suite's slowest test once more. page.evaluate is not bound by the CSP, so
    # the policy stays in force and its violations are caught.
    axe_paths = set(site.pages) if EVERY_PAGE else set(one_per_route(site.pages))
    context = new_context(stub_foreign=False)  # nothing foreign may load
    page = context.new_page()
    queue, seen, visited, violations = ["/"], {"/"}, [], []
    while queue and len(visited) < CRAWL_LIMIT:
        url = queue.pop(0)
        context.clear_cookies()
        response = page.goto(url)
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        visited.append(url)
        assert response.status == 200, url
        context.traffic.assert_silent()
        # The settings page is the form itself, everywhere else the banner asks.
        on_settings_page = url == "/datenschutz-einstellungen/"
        assert page.locator("#consent-banner").is_visible() is not on_settings_page, url
        assert page.locator("iframe").count() == 0, url
        # Before a choice only necessary cookies, and only where a form needs its CSRF token.
        cookies = {c["name"] for c in context.cookies()}
        assert cookies <= NECESSARY, url
        assert not cookies or page.locator("[name=csrfmiddlewaretoken]").count(), url
        if url in axe_paths:
            violations += axe_violations(page)
        for link in internal_links(page.content()):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    page.wait_for_load_state("networkidle")
    context.traffic.assert_silent()
    assert not queue, f"crawl stopped after {len(visited)} pages, before reaching every page"
    paths = set(visited)
    # The crawl reached the pages that hold maps and videos.
    assert {"/", "/karte/", "/datenschutz/", "/kommunen/telgte/"} <= paths
    assert site.video_project_url in paths
    assert len(visited) >= 40
    assert axe_paths <= paths, "axe missed pages"
    assert violations == [], "\n".join(violations)


def test_only_necessary_stays_silent_across_reloads(site, new_context):
    context = new_context()
    page = context.new_page()
    page.goto("/")
    page.get_by_role("button", name="Nur notwendige").first.click()
    expect_hidden(banner(page))
    assert re.search(r"osm:nein\|youtube:nein", consent_value(context))
    # One tab per page, loaded side by side: their waits for network idle (500 ms without a
    # request) overlap instead of adding up, and each load still gets its full wait.
    tabs = [context.new_page() for _ in range(4)]
    paths = ["/", "/karte/", site.video_project_url, "/kommunen/muenster/"]
    for tab, path in zip(tabs, paths, strict=True):
        tab.goto(path)
    wait_for_network_idle(tabs)
    for tab in tabs:
        tab.reload()
    wait_for_network_idle(tabs)
    for tab, path in zip(tabs, paths, strict=True):
        assert not banner(tab).is_visible(), path
        assert tab.locator("iframe").count() == 0, path
        assert tab.locator("[data-embed] .embed-placeholder").first.is_visible(), path
    context.traffic.assert_silent()


def test_accept_all_loads_the_map_without_reload(site, new_context, live_server):
    context = new_context()
    page = context.new_page()
    page.goto("/", wait_until="networkidle")
    context.traffic.assert_silent()
    page.evaluate("window.__samePage = true")
    page.get_by_role("button", name="Alle akzeptieren").click()
    frame = wait_for_tiles(page)
    assert page.evaluate("window.__samePage") is True, "the page was reloaded"
    expect_hidden(banner(page))
    assert "gespeichert" in page.locator("#consent-status").text_content()
    assert frame.locator(".map-marker-kommune").count() == 12
    assert "OpenStreetMap" in frame.locator(".leaflet-control-attribution").text_content()
    assert frame.locator(".leaflet-control-layers").is_visible()
    assert context.traffic.foreign_hosts() == {TILE_HOST}
    # Only the origin travels to the tile server, never the path of the page.
    for url, headers in context.traffic.foreign:
        assert headers.get("referer") == live_server.url + "/", url
    assert context.traffic.csp_violations == [] and context.traffic.page_errors == []


def test_consent_survives_reload_and_is_withdrawn_from_the_footer(site, new_context):
    context = new_context()
    page = context.new_page()
    page.goto("/karte/")
    page.get_by_role("button", name="Alle akzeptieren").click()
    wait_for_tiles(page)
    page.reload()
    assert not banner(page).is_visible()
    wait_for_tiles(page)  # the frame is in the page from the server now

    footer_link = page.locator("footer a[data-consent-open]")
    footer_link.click()
    assert banner(page).is_visible()
    assert page.evaluate("document.activeElement.id") == "consent-banner-title"
    banner(page).get_by_role("button", name="Nur notwendige").click()
    expect_hidden(banner(page))
    assert page.locator("iframe").count() == 0
    assert page.locator(".embed-placeholder").is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-consent-open')")

    context.traffic.clear()
    home = context.new_page()
    page.reload()
    home.goto("/")
    wait_for_network_idle([page, home])
    context.traffic.assert_silent()


def test_load_once_and_allow_permanently_from_the_placeholder(site, new_context):
    context = new_context()
    page = context.new_page()
    page.goto("/karte/")
    page.get_by_role("button", name="Karte laden").click()
    wait_for_tiles(page)
    assert consent_value(context) is None, "a one-time load stores nothing"
    assert context.traffic.foreign_hosts() == {TILE_HOST}

    context.traffic.clear()
    page.goto(site.video_project_url, wait_until="networkidle")
    context.traffic.assert_silent()  # the next page asks again
    page.get_by_role("button", name="Video laden").click()
    player = page.frame_locator("iframe.embed-frame").frame_locator("iframe.video-player")
    player.locator("text=external stub").wait_for()
    assert context.traffic.foreign_hosts() == {VIDEO_HOST}
    assert consent_value(context) is None

    context.traffic.clear()
    page.goto("/", wait_until="networkidle")
    context.traffic.assert_silent()
    page.get_by_role("button", name="OpenStreetMap immer erlauben").click()
    wait_for_tiles(page)
    assert re.search(r"osm:ja\|youtube:nein", consent_value(context))
    # The banner's choice was made by the placeholder; the page never reloaded for it.
    page.goto("/kommunen/telgte/")
    wait_for_tiles(page)


def test_without_javascript(site, new_context):
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto("/kommunen/")
    banner(page).get_by_role("button", name="Nur notwendige").click()
    page.wait_for_url("**/kommunen/")
    assert not banner(page).is_visible()
    assert (
        "Ihre Privatsphäre-Einstellung wurde gespeichert"
        in page.locator(".messages").text_content()
    )
    assert "osm:nein" in consent_value(context)

    # Per-service choice from the banner's "Einstellungen" on a first visit.
    context.clear_cookies()
    page.goto("/karte/")
    banner(page).locator("summary", has_text="Einstellungen").click()
    banner(page).get_by_label("OpenStreetMap").check()
    banner(page).get_by_role("button", name="Auswahl speichern").click()
    page.wait_for_url("**/karte/")
    assert "osm:ja|youtube:nein" in consent_value(context)
    assert page.locator("iframe.embed-frame").count() == 1

    # The footer link leads to the settings page; withdrawing is one button.
    page.get_by_role("link", name="Privatsphäre-Einstellung").click()
    page.wait_for_url("**/datenschutz-einstellungen/")
    assert "OpenStreetMap: erlaubt" in page.content()
    page.locator("main").get_by_role("button", name="Nur notwendige").click()
    page.wait_for_url("**/karte/")
    assert page.locator("iframe").count() == 0
    assert "osm:nein" in consent_value(context)
    context.traffic.assert_silent()


def test_every_cookie_after_accepting_all_is_named_on_the_datenschutz_page(site, new_context):
    context = new_context()
    page = context.new_page()
    page.goto("/")
    page.get_by_role("button", name="Alle akzeptieren").click()
    wait_for_tiles(page)
    tabs = []
    for path in [
        site.video_project_url,
        "/barrierefreiheit/feedback/",
        "/karte/",
        "/datenschutz-einstellungen/",
    ]:
        tabs.append(context.new_page())
        tabs[-1].goto(path)
    wait_for_network_idle(tabs)
    names = {cookie["name"] for cookie in context.cookies()}
    assert CONSENT_COOKIE in names
    page.goto("/datenschutz/")
    listed = set(page.locator("#cookies code").all_text_contents())
    assert names <= listed, f"not on the Datenschutz page: {names - listed}"


def test_refusal_weighs_the_same_as_acceptance(site, new_context):
    page = new_context().new_page()
    page.goto("/")
    looks = """button => {
        const style = getComputedStyle(button);
        const box = button.getBoundingClientRect();
        return [style.color, style.backgroundColor, style.fontSize, style.fontWeight,
                style.borderColor, Math.round(box.height)];
    }"""
    accept = banner(page).get_by_role("button", name="Alle akzeptieren")
    refuse = banner(page).get_by_role("button", name="Nur notwendige")
    assert accept.evaluate(looks) == refuse.evaluate(looks)
    assert accept.bounding_box()["y"] == refuse.bounding_box()["y"]  # side by side, first layer


def test_banner_by_keyboard_alone(site, new_context):
    context = new_context()
    page = context.new_page()
    page.goto("/")
    focused = []
    for _ in range(10):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.textContent.trim()"))
        if focused[-1] == "Einstellungen":
            break
    assert focused[-3:] == ["Alle akzeptieren", "Nur notwendige", "Einstellungen"], focused
    page.keyboard.press("Enter")  # opens the per-service choice
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "osm"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Auswahl speichern"
    page.keyboard.press("Enter")
    expect_hidden(banner(page))
    assert page.evaluate("document.activeElement.id") == "main-content"
    wait_for_tiles(page)
    assert "osm:ja|youtube:nein" in consent_value(context)

    # Reopen from the footer, leave with Escape: focus returns to the link.
    page.locator("footer a[data-consent-open]").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "consent-banner-title"
    page.keyboard.press("Escape")
    expect_hidden(banner(page))
    assert page.evaluate("document.activeElement.hasAttribute('data-consent-open')")

    # Withdraw by keyboard: Tab from the heading to "Nur notwendige".
    page.keyboard.press("Enter")
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Nur notwendige":
            break
    page.keyboard.press("Enter")
    expect_hidden(banner(page))
    assert page.locator("iframe").count() == 0
    assert page.evaluate("document.activeElement.hasAttribute('data-consent-open')")


def test_map_is_no_keyboard_trap(site, new_context):
    context = new_context()
    page = context.new_page()
    page.goto("/karte/")
    page.get_by_role("button", name="Alle akzeptieren").click()
    frame = wait_for_tiles(page)
    frame.locator(".map-marker-kommune").first.focus()
    page.keyboard.press("Enter")
    popup_link = frame.locator(".leaflet-popup-content a")
    assert popup_link.get_attribute("href").startswith("/kommunen/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") != "IFRAME":
            break
    assert page.evaluate("document.activeElement.tagName") != "IFRAME", "focus stayed in the map"


def expect_hidden(locator):
    locator.wait_for(state="hidden")


def wait_for_network_idle(pages):
    """Network idle in every page; for pages loaded side by side, one wait serves them all."""
    for page in pages:
        page.wait_for_load_state("networkidle")
