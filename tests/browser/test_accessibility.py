"""WCAG 2.1 AA on every public page (axe-core in real Chromium) and keyboard access."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client

from tests.crawl import crawl

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def public_paths(site):
    client = Client()

    def fetch(path):
        response = client.get(path)
        return response.status_code, response.content.decode()

    paths = sorted(crawl(fetch))
    assert len(paths) > 40, paths
    return paths


def axe_violations(page) -> list[str]:
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(
            node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
            for node in v["nodes"][:3]
        )
        for v in results.response["violations"]
    ]


def test_every_public_page_has_no_axe_violations(public_paths, new_context):
    # axe is injected with page.evaluate; bypass_csp lets it run under our strict policy.
    context = new_context(bypass_csp=True)
    page = context.new_page()
    violations = []
    for path in public_paths:
        page.goto(path)
        violations += axe_violations(page)
    assert violations == [], "\n".join(violations)


def test_pages_with_consent_banner_closed_and_map_shown_have_no_axe_violations(site, new_context):
    context = new_context(bypass_csp=True)
    page = context.new_page()
    page.goto("/")
    page.get_by_role("button", name="Alle akzeptieren").first.click()
    violations = []
    for path in ["/", "/karte/", "/kommunen/telgte/", site["video_project"].get_absolute_url()]:
        page.goto(path, wait_until="networkidle")
        violations += axe_violations(page)
    assert violations == [], "\n".join(violations)


def test_mobile_layout_has_no_axe_violations_and_no_horizontal_scrolling(public_paths, new_context):
    context = new_context(bypass_csp=True, viewport={"width": 320, "height": 640})
    page = context.new_page()
    violations, overflowing = [], []
    for index, path in enumerate(public_paths):
        page.goto(path)
        if index % 3 == 0:  # axe on a third of the pages; the reflow check on all of them
            violations += axe_violations(page)
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            overflowing.append(path)
    assert violations == [], "\n".join(violations)
    assert overflowing == [], f"horizontal scrolling at 320 px: {overflowing}"


def test_skip_links_come_first_and_access_key_targets_exist(public_paths, new_context):
    context = new_context()
    page = context.new_page()
    missing = []
    for path in public_paths:
        page.goto(path)
        page.keyboard.press("Tab")
        first = page.evaluate(
            "[document.activeElement.textContent.trim(), document.activeElement.getAttribute('accesskey')]"
        )
        if first != ["Zum Inhalt (Access key c)", "c"]:
            missing.append(f"{path}: first tab stop is {first}")
        page.keyboard.press("Tab")
        second = page.evaluate("document.activeElement.getAttribute('accesskey')")
        if second != "h":
            missing.append(f"{path}: second tab stop has accesskey {second}")
        for key, target in [("c", "#main-content"), ("h", "#main-nav"), ("u", "#sub-nav")]:
            link = page.locator(f'a[accesskey="{key}"]')
            if key != "u" and link.count() != 1:
                missing.append(f"{path}: no access key {key}")
            if link.count() and (
                link.get_attribute("href") != target or page.locator(target).count() != 1
            ):
                missing.append(f"{path}: access key {key} does not lead to {target}")
        if page.locator("h1").count() != 1:
            missing.append(f"{path}: {page.locator('h1').count()} h1 elements")
        if not page.title().endswith(" – Stadtregion Münster"):
            missing.append(f"{path}: title {page.title()!r}")
    assert missing == [], "\n".join(missing)


def test_skip_link_moves_focus_to_the_content(site, new_context):
    page = new_context().new_page()
    page.goto("/projekte/")
    page.keyboard.press("Tab")
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
