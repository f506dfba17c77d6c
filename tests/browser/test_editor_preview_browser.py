"""The Redaktion's preview in a real browser, with hashed static files as in production: preview a
draft, hand a signed link to a colleague without an account, keep a change to a published article
pending and publish it."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import NewsArticleFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def live_server(hashed_live_server):
    return hashed_live_server


def test_preview_link_and_pending_change(site, editor, staff_context, new_context):
    draft = NewsArticleFactory(is_published=False, title="Entwurf fürs Bürgermeisterbüro")
    article = NewsArticleFactory(title="Alter Titel der Meldung")
    context = staff_context(editor)
    page = context.new_page()

    page.goto(f"/admin/pages/newsarticle/{draft.pk}/change/")
    page.fill("#id_title", "Noch nicht gespeichert")
    # The preview shows the form as typed, in its own tab; the form keeps the typing.
    with context.expect_page() as opened:
        page.get_by_role("button", name="Vorschau (neuer Tab)").click()
    preview = opened.value
    expect(preview.locator(".preview-notice")).to_contain_text(
        "Vorschau – so sieht die Öffentlichkeit diese Seite nach der Veröffentlichung"
    )
    expect(preview.locator("h1")).to_have_text("Noch nicht gespeichert")
    preview.close()
    expect(page.locator("#id_title")).to_have_value("Noch nicht gespeichert")

    # Leaving the changed form asks first (browsers ask only after a real keystroke).
    page.locator("#id_title").press("End")
    page.keyboard.type("!")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("link", name="Vorschaulink erstellen").click()
    expect(page.locator("#id_title")).to_have_value("Noch nicht gespeichert!")
    page.fill("#id_title", draft.title)
    page.get_by_role("link", name="Vorschaulink erstellen").click()
    page.get_by_role("button", name="Vorschaulink erstellen").click()
    expect(page.get_by_text(re.compile(r"Gültig bis \d"))).to_be_visible()
    link = page.locator("#preview-link").input_value()

    visitor = new_context(stub_foreign=False)
    public = visitor.new_page()
    public.goto(link)
    expect(public.locator("h1")).to_have_text(draft.title)
    expect(public.locator(".preview-notice")).to_contain_text("Dieser Vorschaulink gilt bis")

    page.goto(f"/admin/pages/newsarticle/{article.pk}/change/")
    page.fill("#id_title", "Neuer Titel der Meldung")
    page.keyboard.press("Enter")  # saves a draft, never publishes
    expect(page.locator(".messagelist").first).to_contain_text("als ausstehende Änderung")
    page.goto(f"/admin/pages/newsarticle/{article.pk}/change/")
    expect(page.locator(".pending-version")).to_contain_text("Ausstehende Änderung von redaktion")
    expect(page.locator("#id_title")).to_have_value("Neuer Titel der Meldung")
    public.goto(article.get_absolute_url())
    expect(public.locator("h1")).to_have_text("Alter Titel der Meldung")

    page.locator(".pending-version").get_by_role("link", name="Änderung veröffentlichen …").click()
    expect(page.locator(".version-conflict")).to_contain_text("Neuer Titel der Meldung")
    page.get_by_role("button", name="Jetzt veröffentlichen").click()
    expect(page.locator(".messagelist").first).to_contain_text("jetzt veröffentlicht")
    public.reload()
    expect(public.locator("h1")).to_have_text("Neuer Titel der Meldung")

    context.traffic.assert_silent()
    visitor.traffic.assert_silent()
