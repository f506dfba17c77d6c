"""Detail pages list the newest entries of what grows (documents, projects) and link to the
full, filtered list only when there are more."""

import pytest

import governance.views
import projects.views
from tests.factories import (
    DocumentFactory,
    FieldOfActionFactory,
    MunicipalityFactory,
    ProjectFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def limit_two(monkeypatch):
    monkeypatch.setattr(governance.views, "NEWEST_DOCUMENTS", 2)
    monkeypatch.setattr(projects.views, "NEWEST_PROJECTS", 2)


def test_project_shows_newest_documents_and_links_all(client, limit_two):
    project = ProjectFactory(title="Radnetz", slug="radnetz")
    for year in (2021, 2023, 2022):
        DocumentFactory(project=project, title=f"Bericht {year}", date=f"{year}-01-01")
    DocumentFactory(title="Fremdes Dokument")

    html = client.get("/projekte/radnetz/").content.decode()
    assert html.index("Bericht 2023") < html.index("Bericht 2022")
    assert "Bericht 2021" not in html
    assert '<a class="more-link" href="/dokumente/?projekt=radnetz">' in html

    listed = client.get("/dokumente/?projekt=radnetz").content.decode()
    assert 'Dokumente zum Projekt <a href="/projekte/radnetz/">Radnetz</a>' in listed
    assert "Bericht 2021" in listed and "Fremdes Dokument" not in listed
    # The filter survives the filter form (a hidden field, so it needs no select of projects).
    assert '<input type="hidden" name="projekt" value="radnetz"' in listed
    listed = client.get("/dokumente/?projekt=radnetz&jahr=2022").content.decode()
    assert "Bericht 2022" in listed and "Bericht 2023" not in listed


def test_project_with_few_documents_has_no_link(client, limit_two):
    project = ProjectFactory(slug="radnetz")
    DocumentFactory(project=project, title="Einziger Bericht")
    html = client.get("/projekte/radnetz/").content.decode()
    assert "Einziger Bericht" in html and "?projekt=" not in html


@pytest.mark.parametrize("slug", ["gibt-es-nicht", "entwurf", "ä"])
def test_unknown_or_draft_project_filter_is_a_german_message(client, slug):
    ProjectFactory(slug="entwurf", is_published=False)
    DocumentFactory(title="Irgendein Bericht")
    response = client.get(f"/dokumente/?projekt={slug}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mindestens eine Auswahl ist ungültig" in html
    assert "Dokumente zum Projekt" not in html


def test_field_shows_newest_projects_by_title_and_links_all(client, limit_two):
    field = FieldOfActionFactory(name="Mobilität", slug="mobilitaet")
    for title in ("Zebra", "Alt", "Bahn"):  # created in this order: Alt and Bahn are newest
        ProjectFactory(field_of_action=field, title=title)
    ProjectFactory(field_of_action=field, title="Entwurf", is_published=False)

    html = client.get("/handlungsfelder/mobilitaet/").content.decode()
    assert html.index("Alt") < html.index("Bahn")
    assert "Zebra" not in html and "Entwurf" not in html
    assert "Alle Projekte im Handlungsfeld Mobilität" in html
    assert 'href="/projekte/?handlungsfeld=mobilitaet"' in html


def test_municipality_shows_newest_projects_and_links_all(client, limit_two):
    town = MunicipalityFactory(name="Havixbeck", slug="havixbeck")
    for title in ("Zebra", "Alt", "Bahn"):
        ProjectFactory(title=title, municipalities=[town])

    html = client.get("/kommunen/havixbeck/").content.decode()
    assert html.index(">Alt<") < html.index(">Bahn<") and ">Zebra<" not in html
    assert '<a class="more-link" href="/projekte/?kommune=havixbeck">' in html
    assert "Zebra" in client.get("/projekte/?kommune=havixbeck").content.decode()


def test_municipality_with_few_projects_has_no_link(client, limit_two):
    town = MunicipalityFactory(slug="havixbeck")
    ProjectFactory(title="Einziges Projekt", municipalities=[town])
    html = client.get("/kommunen/havixbeck/").content.decode()
    assert "Einziges Projekt" in html and "?kommune=havixbeck" not in html


def test_working_group_shows_newest_projects_and_links_all(client, limit_two):
    group = WorkingGroupFactory(name="AG Rad", slug="ag-rad")
    for title in ("Zebra", "Alt", "Bahn"):
        ProjectFactory(title=title, working_group=group)
    ProjectFactory(title="Fremdprojekt")

    html = client.get("/arbeitsgruppen/ag-rad/").content.decode()
    assert html.index(">Alt<") < html.index(">Bahn<") and ">Zebra<" not in html
    assert '<a class="more-link" href="/projekte/?arbeitsgruppe=ag-rad">' in html

    listed = client.get("/projekte/?arbeitsgruppe=ag-rad").content.decode()
    assert 'Projekte der Arbeitsgruppe <a href="/arbeitsgruppen/ag-rad/">AG Rad</a>' in listed
    assert "Zebra" in listed and "Fremdprojekt" not in listed
    assert '<input type="hidden" name="arbeitsgruppe" value="ag-rad"' in listed


def test_draft_working_group_filter_is_a_german_message(client):
    WorkingGroupFactory(slug="entwurf", is_published=False)
    html = client.get("/projekte/?arbeitsgruppe=entwurf").content.decode()
    assert "Mindestens eine Auswahl ist ungültig" in html
    assert "Projekte der Arbeitsgruppe" not in html
