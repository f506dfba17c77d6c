"""History that people read: one entry per save, inline rows named in the parent's entry,
restores named, no "pk=None" and no empty CR LF change (editorial.history_entries)."""

import re

import pytest

from governance.models import AgendaItem, Meeting
from projects.models import Project
from tests.admin_helpers import add_inline_row, admin_url, form_data, form_errors, post_change
from tests.factories import (
    AgendaItemFactory,
    ContactPersonFactory,
    DocumentFactory,
    MeetingFactory,
    MunicipalityFactory,
    PageFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def _history_text(client, obj) -> str:
    response = client.get(admin_url(type(obj), "history", obj.pk))
    assert response.status_code == 200
    html = response.content.decode().split('id="content-main"', 1)[1]
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_one_save_with_changed_towns_writes_one_entry(editor_client):
    ahaus, borken = MunicipalityFactory(name="Ahaus"), MunicipalityFactory(name="Borken")
    project = ProjectFactory(title="Radweg", is_published=False)
    project.municipalities.set([ahaus])
    versions = project.history.count()

    response = post_change(
        editor_client, project, title="Radweg neu", municipalities=[str(borken.pk)]
    )

    assert response.status_code == 302, form_errors(response)
    assert project.history.count() == versions + 1
    latest = project.history.first()
    assert latest.title == "Radweg neu"
    assert [m.municipality_id for m in latest.municipalities.all()] == [borken.pk]
    text = _history_text(editor_client, project)
    assert "Radweg → Radweg neu" in text
    assert "Ahaus → Borken" in text


def test_a_new_object_with_towns_has_one_entry(editor_client):
    town = MunicipalityFactory()
    project = ProjectFactory.build()
    data = form_data(editor_client.get(admin_url(Project, "add")))
    data.update(
        title="Neues Projekt",
        slug="neues-projekt",
        field_of_action=str(ProjectFactory().field_of_action_id),
        municipalities=[str(town.pk)],
        summary=project.summary or "Kurz.",
    )
    response = editor_client.post(admin_url(Project, "add"), data)
    assert response.status_code == 302, form_errors(response)
    created = Project.objects.get(slug="neues-projekt")
    assert [r.history_type for r in created.history.all()] == ["+"]


def test_agenda_changes_appear_in_the_meetings_history(editor_client):
    meeting = MeetingFactory(title="Beirat", is_published=False)
    AgendaItemFactory(meeting=meeting, number="1", title="Eröffnung")
    versions = meeting.history.count()
    url = admin_url(Meeting, "change", meeting.pk)
    data = form_data(editor_client.get(url))
    add_inline_row(
        data, "agenda_items", number="2", title="Haushalt 2027", order="2", is_public="on"
    )

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    assert meeting.history.count() == versions + 1
    reason = meeting.history.first().history_change_reason
    assert reason == "Tagesordnungspunkte: 2. Haushalt 2027 hinzugefügt"
    assert "Haushalt 2027 hinzugefügt" in _history_text(editor_client, meeting)


def test_contact_changes_appear_in_the_towns_history(admin_client):
    town = MunicipalityFactory(name="Havixbeck")
    contact = ContactPersonFactory(municipality=town, name="Erika Muster")
    versions = town.history.count()
    url = admin_url(type(town), "change", town.pk)
    data = form_data(admin_client.get(url))
    row = next(k for k, v in data.items() if k.endswith("-id") and v == str(contact.pk))
    data[row.removesuffix("-id") + "-DELETE"] = "on"

    response = admin_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    assert town.history.count() == versions + 1
    reason = town.history.first().history_change_reason
    assert reason == "Ansprechpersonen: Erika Muster (Havixbeck) gelöscht"


def test_a_restore_is_named_with_the_versions_date(editor_client):
    meeting = MeetingFactory(title="Erste Fassung", is_published=False)
    post_change(editor_client, meeting, title="Zweite Fassung")
    first = meeting.history.last()
    url = admin_url(Meeting, "simple_history", meeting.pk, first.history_id)

    response = editor_client.post(url, form_data(editor_client.get(url)))

    assert response.status_code == 302, form_errors(response)
    latest = meeting.history.first()
    assert latest.title == "Erste Fassung"
    assert latest.history_change_reason.startswith("Fassung vom ")
    assert latest.history_change_reason.endswith(" Uhr wiederhergestellt")
    assert "wiederhergestellt" in _history_text(editor_client, meeting)


def test_a_new_paper_is_not_named_a_deleted_document(editor_client):
    item = AgendaItemFactory(meeting=MeetingFactory(is_published=False))
    paper = DocumentFactory(title="Vorlage Radweg", kind="vorlage")
    response = post_change(editor_client, item, paper=str(paper.pk))
    assert response.status_code == 302, form_errors(response)

    text = _history_text(editor_client, item)
    assert "pk=" not in text and "Gelöscht" not in text
    assert "Vorlage: – → Vorlage Radweg" in text
    assert AgendaItem.objects.get(pk=item.pk).paper == paper


def test_a_change_of_line_endings_only_is_not_listed(editor_client):
    page = PageFactory(title="Impressum", is_published=False, body="Zeile eins\nZeile zwei")
    # An entry written before line endings were normalised holds the browser's CR LF.
    page.history.filter(history_type="+").update(body="Zeile eins\r\nZeile zwei")
    post_change(editor_client, page, title="Impressum neu")

    text = _history_text(editor_client, page)
    assert "Impressum → Impressum neu" in text
    assert "Inhalt" not in text
