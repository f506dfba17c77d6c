"""Public pages of the projects app: fields of action, projects with filter, working groups."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from projects.models import Project, WorkingGroup
from tests.admin_helpers import two_factor_login
from tests.factories import (
    ContactPersonFactory,
    DocumentFactory,
    FieldOfActionFactory,
    MunicipalityFactory,
    ProjectFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(django_user_model):
    # A client of its own, so the anonymous "client" fixture stays logged out in the same test.
    staff = Client()
    two_factor_login(staff, django_user_model.objects.create_user("staff", is_staff=True))
    return staff


# ---------- Fields of action ----------


def test_field_list_counts_published_items_only(client):
    field = FieldOfActionFactory(name="Mobilität", slug="mobilitaet")
    ProjectFactory.create_batch(2, field_of_action=field)
    ProjectFactory(field_of_action=field, is_published=False)
    WorkingGroupFactory(field_of_action=field)

    response = client.get(reverse("projects:field_list"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Handlungsfelder</h1>" in html
    assert '<a href="/handlungsfelder/mobilitaet/">Mobilität</a>' in html
    assert "2 Projekte · 1 Arbeitsgruppe" in html
    assert 'accesskey="u"' in html and 'id="sub-nav"' in html


def test_field_list_keeps_the_editorial_order(client):
    # Created out of order, so the database's natural order cannot pass this by chance.
    FieldOfActionFactory(name="Am Ende", order=3)
    FieldOfActionFactory(name="Zuerst", order=1)
    FieldOfActionFactory(name="Als Zweites", order=2)
    html = client.get(reverse("projects:field_list")).content.decode()
    assert html.index("Zuerst") < html.index("Als Zweites") < html.index("Am Ende")


def test_field_detail_shows_goals_groups_and_published_projects(client):
    field = FieldOfActionFactory(
        name="Klimaschutz", slug="klimaschutz", description="Die Region will **CO2-neutral** werden.",
        goals="Klima-Mindeststandards in der Bauleitplanung\n- Altbausanierung fördern",
    )  # fmt: skip
    WorkingGroupFactory(field_of_action=field, name="AK Klima", kind=WorkingGroup.Kind.ARBEITSKREIS)
    WorkingGroupFactory(field_of_action=field, name="AG Versteckt", is_published=False)
    ProjectFactory(field_of_action=field, title="Altbau-Offensive", is_demo=True)
    ProjectFactory(field_of_action=field, title="Unveröffentlicht", is_published=False)

    response = client.get(field.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Klimaschutz</h1>" in html
    assert "<strong>CO2-neutral</strong>" in html
    assert "<li>Klima-Mindeststandards in der Bauleitplanung</li>" in html
    assert "<li>Altbausanierung fördern</li>" in html
    assert "AK Klima" in html and "Arbeitskreis" in html
    assert "AG Versteckt" not in html
    assert "Altbau-Offensive" in html and "Beispielinhalt" in html
    assert "Unveröffentlicht" not in html
    assert "?handlungsfeld=klimaschutz" in html


def test_unknown_field_is_404(client):
    response = client.get("/handlungsfelder/nope/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


# ---------- Project list and its filter ----------


def test_project_list_shows_published_projects_with_status_text(client):
    ProjectFactory(title="Wohnregion 2030", status=Project.Status.PLANNED)
    ProjectFactory(title="Entwurf", is_published=False)

    response = client.get(reverse("projects:project_list"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Wohnregion 2030" in html
    assert "Status: geplant" in html
    assert "Entwurf" not in html
    assert "1 Projekt gefunden" in html
    assert '<form class="filter-form" method="get"' in html
    assert '<label for="id_status">Status</label>' in html


@pytest.mark.parametrize("param", ["handlungsfeld", "kommune", "status"])
def test_project_filter_narrows_the_list(client, param):
    field = FieldOfActionFactory(slug="wohnen")
    town = MunicipalityFactory(slug="senden")
    ProjectFactory(
        title="Treffer",
        field_of_action=field,
        municipalities=[town],
        status=Project.Status.COMPLETED,
    )
    ProjectFactory(title="Daneben", status=Project.Status.RUNNING)
    value = {"handlungsfeld": "wohnen", "kommune": "senden", "status": "abgeschlossen"}[param]

    response = client.get(reverse("projects:project_list"), {param: value})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Treffer" in html
    assert "Daneben" not in html
    assert "1 Projekt gefunden" in html


@pytest.mark.parametrize(
    "query", ["status=xyz", "kommune=nope", "handlungsfeld=gibtsnicht", "status=xyz&kommune=nope"]
)
def test_invalid_project_filter_shows_german_error_not_500(client, query):
    ProjectFactory(title="Immer da")

    response = client.get(f"{reverse('projects:project_list')}?{query}")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Mindestens eine Auswahl ist ungültig" in html
    assert "Bitte eine gültige Auswahl treffen" in html
    assert 'aria-invalid="true"' in html
    assert "Immer da" in html  # an invalid filter shows everything instead of nothing


@pytest.mark.parametrize("page", ["999", "abc", "0"])
def test_bad_page_number_is_404(client, page):
    ProjectFactory()
    response = client.get(reverse("projects:project_list"), {"page": page})
    assert response.status_code == 404


def test_pagination_keeps_the_filter(client):
    ProjectFactory.create_batch(25, status=Project.Status.RUNNING)

    response = client.get(reverse("projects:project_list"), {"status": "laufend"})

    html = response.content.decode()
    assert "25 Projekte gefunden, Seite 1 von 2" in html
    assert 'href="?status=laufend&amp;page=2"' in html
    page_two = client.get(reverse("projects:project_list"), {"status": "laufend", "page": "2"})
    assert page_two.status_code == 200
    assert page_two.content.decode().count('class="card project-card"') == 1


# ---------- Project detail ----------


def test_project_detail_shows_facts_and_documents(client):
    field = FieldOfActionFactory(name="Mobilität", slug="mobilitaet")
    group = WorkingGroupFactory(name="AG Velorouten", slug="ag-velorouten", field_of_action=field)
    town = MunicipalityFactory(name="Greven", slug="greven")
    project = ProjectFactory(
        title="Velorouten", field_of_action=field, working_group=group, municipalities=[town],
        start_date=datetime.date(2019, 3, 1), end_date=datetime.date(2020, 10, 31),
        description="14 Velorouten mit **218 km**.", location_name="Münsterland",
        website="https://www.veloregion.de/",
    )  # fmt: skip
    DocumentFactory(title="Handlungskonzept Velorouten", project=project)
    DocumentFactory(title="Geheimes Papier", project=project, is_published=False)

    response = client.get(project.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Velorouten – Stadtregion Münster</title>" in html
    assert '<a href="/handlungsfelder/mobilitaet/">Mobilität</a>' in html
    assert '<a href="/arbeitsgruppen/ag-velorouten/">AG Velorouten</a>' in html
    assert '<a href="/kommunen/greven/">Greven</a>' in html
    assert '<time datetime="2019-03-01">1. März 2019</time>' in html
    assert '<time datetime="2020-10-31">31. Oktober 2020</time>' in html
    assert "<strong>218 km</strong>" in html
    assert "Münsterland" in html
    assert "Handlungskonzept Velorouten <span" in html and "(PDF, " in html
    assert "Geheimes Papier" not in html
    assert "Video auf YouTube ansehen" not in html


def test_project_detail_links_to_video_without_loading_it(client):
    project = ProjectFactory(video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    html = client.get(project.get_absolute_url()).content.decode()
    assert "<iframe" not in html
    assert "youtube" in html.lower()


def test_project_detail_does_not_name_an_unpublished_group(client, staff_client):
    group = WorkingGroupFactory(name="AG Intern", slug="ag-intern", is_published=False)
    project = ProjectFactory(field_of_action=group.field_of_action, working_group=group)
    html = client.get(project.get_absolute_url()).content.decode()
    assert "AG Intern" not in html
    assert "<dt>Arbeitsgruppe</dt>" not in html
    # Staff preview the draft group from the project page.
    staff_html = staff_client.get(project.get_absolute_url()).content.decode()
    assert '<a href="/arbeitsgruppen/ag-intern/">AG Intern</a>' in staff_html


def test_unpublished_project_is_404_for_visitors_and_visible_to_staff(client, staff_client):
    project = ProjectFactory(title="Entwurf Wohnen", is_published=False)
    assert client.get(project.get_absolute_url()).status_code == 404
    response = staff_client.get(project.get_absolute_url())
    assert response.status_code == 200
    assert "Entwurf: Diese Seite ist nicht veröffentlicht." in response.content.decode()


def test_unknown_project_is_404(client):
    assert client.get("/projekte/unbekannt/").status_code == 404


# ---------- Working groups ----------


def test_group_list_is_grouped_by_field_and_shows_kind(client):
    wohnen = FieldOfActionFactory(name="Siedlungsentwicklung/Wohnen", slug="wohnen", order=1)
    mobil = FieldOfActionFactory(name="Mobilität", slug="mobil", order=2)
    WorkingGroupFactory(name="AG A", field_of_action=wohnen)
    WorkingGroupFactory(
        name="AG B", field_of_action=mobil, kind=WorkingGroup.Kind.ARBEITSGEMEINSCHAFT
    )
    WorkingGroupFactory(name="AG C", field_of_action=wohnen, is_demo=True)
    WorkingGroupFactory(name="AG Entwurf", field_of_action=wohnen, is_published=False)

    response = client.get(reverse("projects:group_list"))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<h2 id="field-wohnen">') == 1
    assert html.count('<h2 id="field-mobil">') == 1
    assert (
        html.index("field-wohnen")
        < html.index("AG A")
        < html.index("AG C")
        < html.index("field-mobil")
    )
    assert "Arbeitsgemeinschaft" in html
    assert "Beispielinhalt" in html
    assert "AG Entwurf" not in html


def test_group_list_keeps_fields_together_when_they_share_an_order(client):
    first, second = FieldOfActionFactory(name="A-Feld"), FieldOfActionFactory(name="B-Feld")
    WorkingGroupFactory(name="Z-Gruppe", field_of_action=first)
    WorkingGroupFactory(name="M-Gruppe", field_of_action=second)
    WorkingGroupFactory(name="A-Gruppe", field_of_action=first)

    html = client.get(reverse("projects:group_list")).content.decode()

    assert html.count(f'id="field-{first.slug}"') == 1
    assert html.count(f'id="field-{second.slug}"') == 1


def test_group_detail_shows_municipalities_projects_and_public_contacts(client):
    town = MunicipalityFactory(name="Senden", slug="senden")
    group = WorkingGroupFactory(name="AK Schulentwicklung", description="Wir planen *gemeinsam*.")
    group.municipalities.add(town)
    group.contacts.add(
        ContactPersonFactory(name="Paula Plan", municipality=town),
        ContactPersonFactory(name="Nicht Öffentlich", is_public=False),
    )
    ProjectFactory(title="Schulnetz", field_of_action=group.field_of_action, working_group=group)
    ProjectFactory(
        title="Schulnetz-Entwurf", field_of_action=group.field_of_action, working_group=group,
        is_published=False,
    )  # fmt: skip

    response = client.get(group.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>AK Schulentwicklung " in html
    assert '<a href="/kommunen/senden/">Senden</a>' in html
    assert "<em>gemeinsam</em>" in html
    assert "Paula Plan" in html and "Ansprechperson Stadtregion, Senden" in html
    assert "Nicht Öffentlich" not in html
    assert "Schulnetz" in html and "Schulnetz-Entwurf" not in html


def test_unpublished_group_is_404_for_visitors_and_visible_to_staff(client, staff_client):
    group = WorkingGroupFactory(is_published=False)
    assert client.get(group.get_absolute_url()).status_code == 404
    assert staff_client.get(group.get_absolute_url()).status_code == 200
