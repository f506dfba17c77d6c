"""axe on the back-office pages editors use (WCAG 2.2 AA, as BITV asks through EN 301 549): change
forms with inlines, the scheduling fields, the Markdown editor, preview, history, the user and the
Kommune form, and the selector widgets of "filter_horizontal"."""

import pytest
from playwright.sync_api import expect

from governance.models import Meeting
from members.models import Municipality, MunicipalityEditor
from tests.browser.axe import axe_violations
from tests.factories import NewsArticleFactory

pytestmark = pytest.mark.browser

UNDERLINED = "el => getComputedStyle(el).textDecorationLine"


def test_editor_pages_pass_axe(site, editor, staff_context, django_user_model):
    boss = django_user_model.objects.create_superuser("chefin", "chefin@example.org", "x")
    town = MunicipalityEditor.objects.create(
        user=editor, municipality=Municipality.objects.get(slug="havixbeck")
    )
    article = NewsArticleFactory(title="Meldung mit Verlauf")
    meeting = Meeting.objects.filter(agenda_items__isnull=False).first()
    page = staff_context(boss).new_page()
    found = []

    # Scheduling: date and time each named with the field; the editor with its preview shown.
    page.goto("/admin/pages/newsarticle/add/")
    expect(page.get_by_label("Veröffentlichen ab: Datum")).to_have_count(1)
    expect(page.get_by_label("Veröffentlichen ab: Uhrzeit")).to_have_count(1)
    page.locator("#id_text").fill("- eins\n- zwei\n\n[Start](/)")
    page.locator("[data-markdown-preview] a").wait_for()
    found += axe_violations(page, admin=True)

    page.goto(f"/admin/governance/meeting/{meeting.pk}/change/")
    expect(page.get_by_label("Beginn: Uhrzeit")).to_have_count(1)
    found += axe_violations(page, admin=True)

    # The Kommune's tabular contacts: every input named by its column, each row's "Löschen?".
    page.goto(f"/admin/members/municipality/{town.municipality.pk}/change/")
    contacts = page.locator("#contacts-group")
    expect(contacts.get_by_label("E-Mail", exact=True).first).to_be_editable()
    expect(contacts.get_by_role("checkbox", name="löschen").first).to_be_visible()
    found += axe_violations(page, admin=True)

    # The user form: the Kommune select of the town assignment, the groups' selector filter.
    page.goto(f"/admin/auth/user/{editor.pk}/change/")
    expect(page.get_by_role("combobox", name="Kommune")).to_have_value(str(town.municipality.pk))
    found += axe_violations(page, admin=True)

    for url in [
        f"/admin/pages/newsarticle/{article.pk}/change/",
        f"/admin/pages/newsarticle/{article.pk}/vorschau/",
        f"/admin/pages/newsarticle/{article.pk}/history/",
        f"/admin/pages/newsarticle/{article.pk}/vorschaulink/",
        "/admin/auth/group/add/",
    ]:
        page.goto(url)
        found += axe_violations(page, admin=True)

    # The editor's own view: a pending change on the form, the dashboard.
    page = staff_context(editor).new_page()
    page.goto(f"/admin/pages/newsarticle/{article.pk}/change/")
    page.fill("#id_title", "Neuer Titel")
    page.keyboard.press("Enter")
    page.locator(".messagelist").first.wait_for()
    for url in [f"/admin/pages/newsarticle/{article.pk}/change/", "/admin/"]:
        page.goto(url)
        found += axe_violations(page, admin=True)
    assert found == []

    # Links differ from the text around them by more than colour (1.4.1).
    page.goto(f"/admin/pages/newsarticle/{article.pk}/vorschaulink/")
    breadcrumb = page.locator(".breadcrumbs a").first
    assert "underline" in breadcrumb.evaluate(UNDERLINED)
    back = page.get_by_role("link", name="Zurück zur Bearbeitung")
    assert "underline" in back.evaluate(UNDERLINED)
