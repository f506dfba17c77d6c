"""The admin's Markdown editor as an editor uses it, with static files as production serves
them: toolbar, keyboard shortcut, live preview from the server, an image from the library, and
the saved article showing the previewed HTML."""

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from django.contrib.auth.models import Group

from pages.models import NewsArticle
from stadtregion.permissions import EDITOR_GROUP_NAME
from tests.browser.axe import ADMIN_OPTIONS, OPTIONS
from tests.factories import ImageFactory

pytestmark = pytest.mark.browser
AXE_PROSE = """options => axe.run({include: [["article .prose"]]}, options)
    .then(results => results.violations)"""
# axe on what this feature adds (the rest is Django's admin): the editor and the open dialog, by
# the back office's standard (WCAG 2.2 AA; Django's buttons stay below AAA contrast).
AXE_EDITOR = """options => axe.run(
    {include: [[".markdown-editor"], ["#markdown-image-dialog"]]}, options
).then(results => results.violations)"""
WITHOUT_HINTS = """prose => {
    const copy = prose.cloneNode(true);
    copy.querySelectorAll(".table-scroll-hint").forEach(hint => hint.remove());
    return copy.innerHTML;
}"""


@pytest.fixture
def live_server(hashed_live_server):
    return hashed_live_server


def test_editor_writes_with_toolbar_preview_and_library_image(
    transactional_db, staff_context, django_user_model
):
    image = ImageFactory(alt_text="Radweg an der Werse", credit="Foto: Stadt Telgte")
    editor = django_user_model.objects.create_user("redaktion", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR_GROUP_NAME))
    context = staff_context(editor)
    page = context.new_page()
    page.goto("/admin/pages/newsarticle/add/")
    module = "script[type=module][src^='/static/vendor/markdown-toolbar-element/markdown-tool"
    assert page.locator(module + "bar-element.'][src$='.js']").count() == 1  # hashed name

    page.get_by_label("Titel").fill("Neue Velorouten")
    page.get_by_label("Anreißer").fill("Zwei neue Routen verbinden die Region.")
    text = page.locator("#id_text")
    toolbar = page.get_by_role("toolbar", name="Formatierung")
    text.fill("Radverkehr")
    toolbar.get_by_role("button", name="Überschrift", exact=True).click()
    text.press("End")
    text.press("Enter")
    text.press("Enter")
    text.press_sequentially("wichtig")
    text.press("Shift+Home")
    text.press("Control+b")
    text.press("End")
    text.press("Enter")
    text.press("Enter")
    # Keyboard: one tab stop back into the toolbar, arrow keys to "Liste", space applies it.
    text.press("Shift+Tab")
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    assert toolbar.get_by_role("button", name="Liste", exact=True).evaluate(
        "el => el === document.activeElement"
    )
    page.keyboard.press(" ")
    text.press_sequentially("erste Route")
    assert text.input_value() == "## Radverkehr\n\n**wichtig**\n\n- erste Route"

    preview = page.locator("[data-markdown-preview]")
    preview.locator("li", has_text="erste Route").wait_for()
    assert preview.locator("h2").inner_text() == "Radverkehr"
    assert preview.locator("strong").inner_text() == "wichtig"
    toolbar.get_by_role("button", name="Tabelle").click()
    preview.get_by_role("group", name="Tabelle 1").get_by_role("columnheader").first.wait_for()

    toolbar.get_by_role("button", name="Bild einfügen").click()
    dialog = page.get_by_role("dialog", name="Bild aus der Bibliothek einfügen")
    choice = dialog.get_by_role("button", name=f"{image.title} Alternativtext: {image.alt_text}")
    choice.wait_for()
    assert choice.evaluate("el => el === document.activeElement")  # keyboard users start here
    context.traffic.assert_silent()
    page.evaluate(AXE_SCRIPT)
    violations = page.evaluate(AXE_EDITOR, ADMIN_OPTIONS)
    assert violations == [], [(v["id"], v["nodes"][0]["target"]) for v in violations]
    context.traffic.clear()  # axe's own inline styles, which the CSP rightly refuses
    page.keyboard.press("Enter")
    assert not dialog.is_visible()
    assert text.input_value().endswith(f"| Inhalt | Inhalt |\n\n{image.markdown}\n\n")
    figure = preview.locator("figure")
    figure.wait_for()
    assert figure.locator("figcaption").inner_text() == "Foto: Stadt Telgte"
    assert figure.locator("img").evaluate("el => el.complete && el.naturalWidth > 0")
    previewed = preview.inner_html()

    page.get_by_label("veröffentlicht").check()
    page.get_by_role("button", name="Sichern", exact=True).click()
    page.locator(".messagelist .success").wait_for()
    context.traffic.assert_silent()

    page.goto(NewsArticle.objects.get().get_absolute_url())
    # The site's tables.js adds its scrolling hint before wide tables; the rest is as previewed.
    assert page.locator("article .prose").evaluate(WITHOUT_HINTS) == previewed
    context.traffic.assert_silent()
    page.evaluate(AXE_SCRIPT)
    assert page.evaluate(AXE_PROSE, OPTIONS) == []  # the public table and figure
