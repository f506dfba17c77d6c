import json
import re

import pytest

from pages.models import Page
from tests.admin_helpers import (
    AdminCase,
    admin_url,
    check_pages,
    check_save_recorded,
    form_data,
    form_errors,
    post_change,
)
from tests.factories import PageFactory, SignLanguageVideoFactory

pytestmark = pytest.mark.django_db


def _pages():
    return (
        # A draft: saves of a live page wait for their publication (tests/editorial).
        PageFactory(title="Impressum", slug="impressum", menu=Page.Menu.FOOTER, is_published=False),
        PageFactory(title="Über uns", slug="ueber-uns", menu=Page.Menu.MAIN),
    )


PAGE_CASE = AdminCase(
    _pages,
    search="Impressum",
    filters={"menu__exact": "footer"},
    change={"intro": "Angaben nach § 5 DDG."},
)


def test_editor_can_use_every_page_admin_page(editor_client):
    check_pages(editor_client, PAGE_CASE)


def test_editor_saves_to_pages_are_kept_in_history(editor_client, editor):
    check_save_recorded(editor_client, editor, PAGE_CASE)


def test_page_added_by_editor(editor_client, editor):
    url = admin_url(Page, "add")
    data = form_data(editor_client.get(url))
    data.update(title="Datenschutz", slug="datenschutz", body="## Verantwortlich\n\nStadt Münster")

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    page = Page.objects.get(slug="datenschutz")
    assert page.history.get().history_type == "+"
    assert page.history.get().history_user == editor


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        (
            "kommunen",
            "Die Adresse „/kommunen/“ ist für einen anderen Bereich der Website reserviert.",
        ),
        ("admin", "Die Adresse „/admin/“ ist für einen anderen Bereich der Website reserviert."),
        ("über uns", "Bitte ein gültiges Kürzel"),
    ],
)
def test_bad_page_slugs_get_german_errors(editor_client, slug, message):
    page = PageFactory()

    response = post_change(editor_client, page, slug=slug)

    assert response.status_code == 200
    assert any(error.startswith(message) for error in form_errors(response)), form_errors(response)
    page.refresh_from_db()
    assert page.slug != slug


def test_page_history_shows_every_version(editor_client):
    page = PageFactory(title="Erste Fassung", is_published=False)
    post_change(editor_client, page, title="Zweite Fassung")
    post_change(editor_client, page, title="Dritte Fassung")

    response = editor_client.get(admin_url(Page, "history", page.pk))

    assert response.status_code == 200
    versions = list(response.context["page_obj"].object_list)
    assert [v.title for v in versions] == ["Dritte Fassung", "Zweite Fassung", "Erste Fassung"]
    assert [v.history_user.username for v in versions[:2]] == ["redaktion", "redaktion"]
    # The diff between versions is shown, so editors see what changed.
    assert "Zweite Fassung" in response.content.decode()


def test_publish_action_on_pages(editor_client):
    draft = PageFactory(is_published=False)

    response = editor_client.post(
        admin_url(Page, "changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
        follow=True,
    )

    assert "1 Eintrag wurde veröffentlicht." in response.content.decode()
    draft.refresh_from_db()
    assert draft.is_published


# German details of the admin itself


def test_slug_script_follows_djangos_urlify(editor_client):
    content = editor_client.get(admin_url(Page, "add")).content.decode()

    assert content.index("admin/js/urlify.js") < content.index("editorial/admin-slug-de.js")


def test_selector_texts_are_german(editor_client):
    # The script embeds the catalogue as a JSON object; read it the way the browser does.
    script = editor_client.get("/admin/jsi18n/").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.DOTALL).group(1))

    assert catalog["Choose all %s"] == "%s: alle auswählen"
    assert catalog["(click to clear)"] == "(zum Zurücksetzen klicken)"


def test_editor_restores_an_old_version(editor_client, editor):
    page = PageFactory(title="Erste Fassung", is_published=False)
    post_change(editor_client, page, title="Verunglückte Fassung")
    first = page.history.last()
    url = admin_url(Page, "simple_history", page.pk, first.history_id)

    response = editor_client.post(url, form_data(editor_client.get(url)))

    assert response.status_code == 302, form_errors(response)
    page.refresh_from_db()
    assert page.title == "Erste Fassung"
    assert page.history.count() == 3
    assert page.history.first().history_user == editor


def _videos():
    return (
        SignLanguageVideoFactory(title="Navigation in Gebärdensprache", topic="navigation"),
        SignLanguageVideoFactory(title="Inhalte", topic="inhalt"),
    )


VIDEO_CASE = AdminCase(
    _videos,
    search="Navigation",
    filters={"topic__exact": "navigation"},
    change={"description": "Erklärt das Menü der Website."},
)
