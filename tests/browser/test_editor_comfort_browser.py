"""Editing comfort in a real browser: lists continue on Enter, the admin's preview shows lists as
the site does, and preview links have a copy button."""

import pytest
from playwright.sync_api import expect

from pages.models import NewsArticle
from tests.factories import NewsArticleFactory

pytestmark = pytest.mark.browser

# What makes a list look like one: its marker, and the indent the marker stands in.
LIST_LOOK = """list => {
    const item = getComputedStyle(list.querySelector("li"));
    return [item.display, item.listStyleType, getComputedStyle(list).paddingInlineStart];
}"""


def test_lists_continue_on_enter_and_the_preview_shows_them_as_the_site_does(
    transactional_db, editor, staff_context
):
    context = staff_context(editor)
    page = context.new_page()
    page.goto("/admin/pages/newsarticle/add/")
    page.get_by_label("Titel").fill("Listen")
    page.get_by_label("Anreißer").fill("Zwei Listen.")
    text = page.locator("#id_text")
    text.click()
    text.press_sequentially("- a")
    text.press("Shift+Enter")  # a plain line break
    assert text.input_value() == "- a\n"
    text.fill("")
    text.press_sequentially("- eins")
    text.press("Enter")
    text.press_sequentially("zwei")
    text.press("Enter")
    assert text.input_value() == "- eins\n- zwei\n- "
    text.press("Enter")  # an empty item ends the list
    assert text.input_value() == "- eins\n- zwei\n"
    text.press("Enter")
    text.press_sequentially("9. neun")
    text.press("Enter")
    text.press_sequentially("zehn")
    text.press("Enter")
    text.press("Enter")
    text.press("Enter")
    text.press_sequentially("Schluss")
    assert text.input_value() == "- eins\n- zwei\n\n9. neun\n10. zehn\n\nSchluss"
    # Enter in the middle of an item splits it into two items.
    text.press("Control+Home")
    text.press("End")
    text.press("ArrowLeft")
    text.press("ArrowLeft")
    text.press("Enter")
    assert text.input_value().startswith("- ei\n- ns\n- zwei\n")
    text.press("Control+z")  # the browser's undo takes the continuation back
    assert text.input_value().startswith("- eins\n- zwei\n")

    preview = page.locator("[data-markdown-preview]")
    preview.locator("ol li", has_text="zehn").wait_for()
    in_preview = [preview.locator(tag).evaluate(LIST_LOOK) for tag in ("ul", "ol")]
    page.get_by_label("veröffentlicht").check()
    page.get_by_role("button", name="Sichern", exact=True).click()
    page.locator(".messagelist .success").wait_for()

    page.goto(NewsArticle.objects.get().get_absolute_url())
    prose = page.locator("article .prose")
    on_site = [prose.locator(tag).evaluate(LIST_LOOK) for tag in ("ul", "ol")]
    assert on_site == [["list-item", "disc", "40px"], ["list-item", "decimal", "40px"]]
    assert in_preview == on_site
    context.traffic.assert_silent()


def test_preview_link_of_the_pending_version_by_default_with_a_copy_button(
    transactional_db, editor, staff_context, new_context
):
    article = NewsArticleFactory(title="Alter Titel")
    context = staff_context(editor)
    context.grant_permissions(["clipboard-write"])
    page = context.new_page()
    page.goto(f"/admin/pages/newsarticle/{article.pk}/change/")
    page.fill("#id_title", "Neuer Titel")
    page.keyboard.press("Enter")  # a pending change: the live article keeps its title
    expect(page.locator(".messagelist").first).to_contain_text("als ausstehende Änderung")

    page.goto(f"/admin/pages/newsarticle/{article.pk}/vorschaulink/")
    version = page.get_by_role("group", name="Der Link zeigt")
    expect(version.get_by_label("die ausstehende Änderung")).to_be_checked()
    expect(version.get_by_label("die veröffentlichte Fassung")).not_to_be_checked()
    page.get_by_role("button", name="Vorschaulink erstellen").click()
    link = page.get_by_label("Link zum Weitergeben").input_value()
    status = page.get_by_role("status")
    expect(status).to_be_empty()
    page.get_by_role("button", name="Link kopieren").click()
    expect(status).to_have_text("Der Link ist in die Zwischenablage kopiert.")
    # The site's permissions policy keeps scripts from reading the clipboard; pasting does.
    page.evaluate("document.body.append(document.createElement('textarea'))")
    page.locator("body > textarea").press("Control+v")
    assert page.locator("body > textarea").input_value() == link
    context.traffic.assert_silent()

    visitor = new_context(stub_foreign=False).new_page()
    visitor.goto(link)
    expect(visitor.locator("h1")).to_have_text("Neuer Titel")

    # Without the Clipboard API (an address without HTTPS), the link is selected for Strg+C.
    page.add_init_script("delete Navigator.prototype.clipboard")
    page.reload()
    page.get_by_role("button", name="Weiteren Vorschaulink erstellen").click()
    field = page.get_by_label("Link zum Weitergeben")
    page.get_by_role("button", name="Link kopieren").click()
    expect(page.get_by_role("status")).to_contain_text("bitte mit Strg+C kopieren")
    assert field.evaluate(
        "el => el === document.activeElement && el.selectionStart === 0"
        " && el.selectionEnd === el.value.length"
    )
    context.traffic.assert_silent()
