"""The Berichtswesen's chart pages in a real browser: axe, 320 px, forced colours, CSP."""

import pytest

from tests.browser.axe import axe_violations

pytestmark = pytest.mark.browser
PAGES = ["/zahlen/", "/zahlen/bevoelkerung/", "/zahlen/einpendler/", "/kommunen/havixbeck/"]


def test_figures_pages_have_no_axe_violations_at_desktop_and_320_px(site, new_context):
    violations, overflowing = [], []
    for viewport in ({"width": 1280, "height": 900}, {"width": 320, "height": 640}):
        context = new_context(viewport=viewport)
        page = context.new_page()
        for path in PAGES:
            page.goto(path)
            violations += axe_violations(page)
            if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
                overflowing.append(f"{path} at {viewport['width']} px")
        assert context.traffic.csp_violations == []
    assert violations == [], "\n".join(violations)
    assert overflowing == []


def test_charts_fit_the_screen_and_take_system_colours_in_forced_colours(site, new_context):
    context = new_context(viewport={"width": 320, "height": 640}, forced_colors="active")
    page = context.new_page()
    page.goto("/zahlen/bevoelkerung/")
    chart = page.get_by_role("img", name="Entwicklung: Bevölkerung")
    box = chart.bounding_box()
    assert 0 < box["width"] <= 320
    bar = page.locator(".chart-bar").first
    fill = bar.evaluate("element => getComputedStyle(element).fill")
    canvas_text = page.evaluate(
        "() => { const s = document.createElement('span'); s.style.color = 'CanvasText';"
        " document.body.append(s); return getComputedStyle(s).color; }"
    )
    assert fill == canvas_text
