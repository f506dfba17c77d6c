"""The "Beispielinhalt" badge follows the content: editors see it, clear it, and replacing an
invented contact's content removes it (editorial.admin.clear_demo_badge_if_edited)."""

import pytest

from members.models import ContactPerson, Municipality
from tests.admin_helpers import admin_url, form_data, form_errors
from tests.factories import ContactPersonFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db

BADGE = 'class="demo-badge"'


def _demo_contact():
    town = MunicipalityFactory(name="Havixbeck")
    contact = ContactPersonFactory(
        municipality=town,
        name="Erika Beispiel",
        email="erika@example.org",
        is_public=True,
        is_demo=True,
    )
    return town, contact


def _post_inline(client, town, **values):
    url = admin_url(Municipality, "change", town.pk)
    data = form_data(client.get(url))
    data.update({f"contacts-0-{name}": value for name, value in values.items()})
    return client.post(url, data)


def _public_page(client, town):
    response = client.get(town.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_inline_shows_the_badge_checkbox(editor_client):
    town, _contact = _demo_contact()
    response = editor_client.get(admin_url(Municipality, "change", town.pk))
    assert 'name="contacts-0-is_demo"' in response.content.decode()


def test_replacing_a_demo_contact_in_the_inline_removes_the_badge(editor_client, client):
    town, contact = _demo_contact()
    assert BADGE in _public_page(client, town)

    response = _post_inline(
        editor_client, town, name="Jörn Möltgen", email="buergermeister@havixbeck.de"
    )

    assert response.status_code == 302, form_errors(response)
    contact.refresh_from_db()
    assert contact.name == "Jörn Möltgen"
    assert contact.is_demo is False
    page = _public_page(client, town)
    assert "Jörn Möltgen" in page
    assert BADGE not in page


def test_the_editor_clears_the_badge_without_changing_the_content(editor_client, client):
    town, contact = _demo_contact()
    url = admin_url(Municipality, "change", town.pk)
    data = form_data(editor_client.get(url))
    del data["contacts-0-is_demo"]  # the unchecked box is not posted

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    contact.refresh_from_db()
    assert contact.is_demo is False
    assert BADGE not in _public_page(client, town)


def test_a_save_without_content_change_keeps_the_badge(editor_client):
    town, contact = _demo_contact()
    response = _post_inline(editor_client, town, order="5")
    assert response.status_code == 302, form_errors(response)
    contact.refresh_from_db()
    assert contact.is_demo is True


def test_the_editor_marks_an_edited_contact_again_in_a_second_save(editor_client):
    town, contact = _demo_contact()
    _post_inline(editor_client, town, name="Anna Neu")
    contact.refresh_from_db()
    assert contact.is_demo is False

    response = _post_inline(editor_client, town, is_demo="on")

    assert response.status_code == 302, form_errors(response)
    contact.refresh_from_db()
    assert contact.is_demo is True


def test_the_contact_admin_applies_the_same_rule(editor_client):
    _town, contact = _demo_contact()
    url = admin_url(ContactPerson, "change", contact.pk)
    data = form_data(editor_client.get(url))
    data["email"] = "kontakt@havixbeck.de"

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    contact.refresh_from_db()
    assert contact.is_demo is False
    assert "automatisch" in editor_client.get(url).content.decode()
