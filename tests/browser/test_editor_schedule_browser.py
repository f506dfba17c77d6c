"""An editor's week in a real browser, with hashed static files as in production: a new article
starts as a draft, is scheduled with the admin's date and time fields, shows as "geplant" in the
changelist and its filter, goes live, and an earlier version is restored from the German
history: as a draft of the live article, which goes live when the editor publishes it."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pages.models import NewsArticle

pytestmark = pytest.mark.browser


@pytest.fixture
def live_server(hashed_live_server):
    return hashed_live_server


def test_draft_schedule_publish_and_restore(site, editor, staff_context, new_context):
    context = staff_context(editor)
    page = context.new_page()
    visitor = new_context(stub_foreign=False).new_page()

    page.goto("/admin/pages/newsarticle/add/")
    expect(page.locator("#id_is_published")).not_to_be_checked()  # new content is a draft
    page.fill("#id_title", "Viertes Rätetreffen")
    page.fill("#id_teaser", "Die Räte der zwölf Kommunen treffen sich wieder.")
    page.fill("#id_text", "## Programm\n\n- Wohnen\n- Mobilität")
    page.check("#id_is_published")
    soon = timezone.localtime() + datetime.timedelta(days=2)
    page.fill("#id_publish_from_0", soon.strftime("%d.%m.%Y"))
    page.fill("#id_publish_from_1", "9.00")  # typed as editors do
    page.get_by_role("button", name="Sichern", exact=True).click()
    expect(page.locator(".messagelist").first).to_contain_text("erfolgreich hinzugefügt")

    article = NewsArticle.objects.get(title="Viertes Rätetreffen")
    assert timezone.localtime(article.publish_from).strftime("%d.%m.%Y %H:%M") == (
        soon.strftime("%d.%m.%Y") + " 09:00"
    )
    row = page.locator("#result_list tr", has_text="Viertes Rätetreffen")
    expect(row).to_contain_text(f"geplant ab {soon.strftime('%d.%m.%Y')} 09:00")
    page.get_by_role("link", name="geplant", exact=True).click()  # the status filter
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    assert visitor.goto(article.get_absolute_url()).status == 404

    page.goto(f"/admin/pages/newsarticle/{article.pk}/change/")
    page.fill("#id_publish_from_0", "")
    page.fill("#id_publish_from_1", "")
    page.fill("#id_title", "Viertes Rätetreffen in Telgte")
    page.get_by_role("button", name="Sichern", exact=True).click()
    assert visitor.goto(article.get_absolute_url()).status == 200
    expect(visitor.locator("h1")).to_have_text("Viertes Rätetreffen in Telgte")

    page.goto(f"/admin/pages/newsarticle/{article.pk}/history/")
    history = page.locator("#change-history")
    expect(history).to_contain_text("Titel")
    expect(history).not_to_contain_text("CHANGES")
    page.locator("#change-history a", has_text="Viertes Rätetreffen").last.click()
    expect(page.locator("#id_title")).to_have_value("Viertes Rätetreffen")
    # The old version brings its schedule back too; the editor keeps the article public.
    expect(page.locator("#id_publish_from_0")).to_have_value(soon.strftime("%d.%m.%Y"))
    page.fill("#id_publish_from_0", "")
    page.fill("#id_publish_from_1", "")
    page.get_by_role("button", name="Wiederherstellen").click()
    expect(page.locator(".messagelist").first).to_contain_text("als ausstehende Änderung")
    visitor.reload()
    expect(visitor.locator("h1")).to_have_text("Viertes Rätetreffen in Telgte")  # not yet
    page.locator(".pending-version").get_by_role("link", name="Änderung veröffentlichen …").click()
    page.get_by_role("button", name="Jetzt veröffentlichen").click()
    expect(page.locator(".messagelist").first).to_contain_text("jetzt veröffentlicht")
    visitor.reload()
    expect(visitor.locator("h1")).to_have_text("Viertes Rätetreffen")

    context.traffic.assert_silent()
