"""The change history reads as German for the Redaktion, and a save without a change adds
no entry (core/history.py, templates/simple_history/)."""

import re

import pytest

from members.models import Municipality
from pages.models import Page
from tests.admin_helpers import admin_url, form_data, form_errors, post_change
from tests.factories import MunicipalityFactory, PageFactory

pytestmark = pytest.mark.django_db

LONG_BODY = "\n\n".join(
    f"Absatz {n}: " + "Die Stadtregion arbeitet zusammen. " * 8 for n in range(8)
)
ENGLISH = [
    "Historical",
    "historical",
    "CHANGES",
    "Changes",
    "Object",
    "Date/time",
    "Changed by",
    "Change reason",
    "Comment",
    "Revert",
    "None",
    "False",
    "True",
    "chars]",
    "entries",
]


def _visible_text(html: str) -> str:
    """The page without tags, scripts and attribute values: what a reader sees."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def _main(html: str) -> str:
    return _visible_text(html.split('id="content-main"', 1)[1])


def _history(client, obj) -> str:
    response = client.get(admin_url(type(obj), "history", obj.pk))
    assert response.status_code == 200
    return response.content.decode()


def test_a_save_without_a_change_adds_no_entry(editor_client):
    page = PageFactory(title="Impressum")
    versions = page.history.count()

    response = post_change(editor_client, page)  # the form as it is

    assert response.status_code == 302, form_errors(response)
    assert page.history.count() == versions
    page.refresh_from_db()
    page.save()  # nor does a save in code
    assert page.history.count() == versions
    page.title = "Impressum der Stadtregion"
    page.save()
    assert page.history.count() == versions + 1


def test_the_history_shows_german_labels_and_values(editor_client):
    page = PageFactory(title="Impressum", is_published=False, body=LONG_BODY)
    new_body = LONG_BODY.replace("Absatz 3: Die", "Absatz 3: Seit 2018 die")

    response = post_change(
        editor_client, page, title="Impressum neu", is_published="on", menu="footer", body=new_body
    )

    assert response.status_code == 302, form_errors(response)
    html = _history(editor_client, page)
    text = _main(html)
    for word in ENGLISH:
        assert word not in text, word
    assert "Titel:" in text and "Impressum → Impressum neu" in " ".join(text.split())
    assert "Veröffentlicht:" in text and "nein → ja" in " ".join(text.split())
    assert "Verlinkt in:" in text and "nirgends verlinken → Fußzeile" in " ".join(text.split())
    assert "Inhalt:" in text and "Text geändert" in text
    assert "Seit 2018 die" in text
    assert "Absatz 5" not in text  # unchanged paragraphs are not repeated
    assert "Bearbeitet von" in text and "redaktion" in text
    assert 'style="' not in html.split('id="content-main"', 1)[1]  # the admin's CSP forbids it


def test_empty_values_and_numbers_read_as_on_the_site(admin_client):
    town = MunicipalityFactory(name="Havixbeck", joined_year=None, latitude=None, longitude=None)
    url = admin_url(Municipality, "change", town.pk)
    data = form_data(admin_client.get(url))
    data.update(joined_year="2001", latitude="51.9781", longitude="7.4168")
    response = admin_client.post(url, data)
    assert response.status_code == 302, form_errors(response)

    text = " ".join(_main(_history(admin_client, town)).split())
    assert "– → 2001" in text
    assert "– → 51,97810" in text
    assert "None" not in text


def test_the_old_version_page_is_german(editor_client):
    page = PageFactory(title="Erste Fassung", is_published=False)
    post_change(editor_client, page, title="Zweite Fassung")
    first = page.history.last()

    response = editor_client.get(admin_url(Page, "simple_history", page.pk, first.history_id))

    assert response.status_code == 200
    html = response.content.decode()
    text = _visible_text(html.split("<body", 1)[1])  # breadcrumbs included
    assert "Historical" not in html and "historical" not in html  # nor in ids and classes
    for word in ["Revert", "Press the", "Pages"]:
        assert word not in text, word
    assert "Wiederherstellen" in response.content.decode()

    # Restoring still works and adds exactly one entry.
    url = admin_url(Page, "simple_history", page.pk, first.history_id)
    response = editor_client.post(url, form_data(editor_client.get(url)))
    assert response.status_code == 302, form_errors(response)
    page.refresh_from_db()
    assert page.title == "Erste Fassung"
    assert page.history.count() == 3


def test_feedback_history_is_german_too(admin_client):
    from accessibility.models import AccessibilityFeedback
    from tests.factories import AccessibilityFeedbackFactory

    feedback = AccessibilityFeedbackFactory()
    response = post_change(admin_client, feedback, status="in_bearbeitung", staff_note="Geprüft.")
    assert response.status_code == 302, form_errors(response)

    text = " ".join(_main(_history(admin_client, feedback)).split())
    assert "Bearbeitungsstand: neu → in Bearbeitung" in text
    first = feedback.history.last()
    html = admin_client.get(
        admin_url(AccessibilityFeedback, "simple_history", feedback.pk, first.history_id)
    ).content.decode()
    assert "historical" not in html.lower()
