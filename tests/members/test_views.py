"""Public pages of the members app: the list of the twelve towns and each town's page."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse

from projects.models import Project
from tests.factories import (
    BodyFactory,
    ContactPersonFactory,
    MembershipFactory,
    MunicipalityFactory,
    ProjectFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db


def test_list_shows_figures_in_german_format(client):
    MunicipalityFactory(
        name="Münster", slug="muenster", district="kreisfreie Stadt", population=320946,
        population_year=2022, area_km2=Decimal("302.89"),
    )  # fmt: skip
    MunicipalityFactory(
        name="Everswinkel", slug="everswinkel", population=9800, population_year=2023,
        population_approximate=True, area_km2=Decimal("69.12"),
    )  # fmt: skip

    response = client.get(reverse("members:list"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Kommunen</h1>" in html
    assert '<a href="/kommunen/muenster/">Münster</a>' in html
    assert "kreisfreie Stadt" in html
    assert "320.946" in html
    assert "(Stand 2022)" in html
    assert "Fläche in km²" in html and ">302,89<" in html
    assert "rund 9.800" in html
    assert "rund 330.746" in html  # the total row
    assert "<caption" in html and 'scope="col"' in html and 'scope="row"' in html


def test_list_title_and_breadcrumb(client):
    response = client.get(reverse("members:list"))
    html = response.content.decode()
    assert "<title>Kommunen – Stadtregion Münster</title>" in html
    assert 'aria-current="page">Kommunen</a>' in html


def test_detail_shows_facts_links_and_public_contacts_only(client):
    town = MunicipalityFactory(
        name="Havixbeck", slug="havixbeck", district="Kreis Coesfeld", population=12357,
        population_year=2024, area_km2=Decimal("53.17"), joined_year=2001,
        website="https://www.havixbeck.de/", service_portal_url="https://service.havixbeck.de/",
        description="Die Gemeinde liegt in den **Baumbergen**.",
    )  # fmt: skip
    ContactPersonFactory(municipality=town, name="Anna Beispiel", is_demo=True)
    ContactPersonFactory(municipality=town, name="Geheime Person", is_public=False)

    response = client.get(town.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Havixbeck</h1>" in html
    assert "<title>Havixbeck – Stadtregion Münster</title>" in html
    assert "<dt>Kreis</dt><dd>Kreis Coesfeld</dd>" in html
    assert "12.357" in html and "(Stand 2024)" in html
    assert "53,17\u00a0km²" in html
    assert (
        '<a href="https://www.havixbeck.de/" rel="noopener">Internetseite von Havixbeck</a>' in html
    )
    assert "Serviceportal von Havixbeck" in html
    assert "<strong>Baumbergen</strong>" in html
    assert "Anna Beispiel" in html
    assert "Geheime Person" not in html
    assert 'class="demo-badge"' in html


def test_detail_shows_coat_of_arms_with_alt_text(client):
    town = MunicipalityFactory(
        coat_of_arms="wappen/telgte.png", coat_of_arms_alt="Wappen der Stadt Telgte"
    )
    html = client.get(town.get_absolute_url()).content.decode()
    assert 'src="/media/wappen/telgte.png" alt="Wappen der Stadt Telgte"' in html


def test_detail_lists_published_projects_groups_and_current_memberships(client):
    town = MunicipalityFactory(name="Telgte", slug="telgte")
    ProjectFactory(title="Velorouten", municipalities=[town])
    ProjectFactory(title="Geheimer Entwurf", municipalities=[town], is_published=False)
    ProjectFactory(title="Fremdes Projekt")
    group = WorkingGroupFactory(name="AG Mobilität", kind="arbeitskreis")
    group.municipalities.add(town)
    hidden = WorkingGroupFactory(name="AG Entwurf", is_published=False)
    hidden.municipalities.add(town)
    beirat = BodyFactory(name="Beirat Stadtregion", slug="beirat")
    MembershipFactory(body=beirat, municipality=town, person_name="Bea Botschafterin")
    MembershipFactory(
        body=beirat, municipality=town, person_name="Ehemaliger Botschafter",
        start_date=datetime.date(2015, 1, 1), end_date=datetime.date(2019, 12, 31),
    )  # fmt: skip

    html = client.get(town.get_absolute_url()).content.decode()

    assert "Velorouten" in html
    assert "Status: laufend" in html
    assert "Geheimer Entwurf" not in html
    assert "Fremdes Projekt" not in html
    assert "AG Mobilität" in html and "Arbeitskreis" in html
    assert "AG Entwurf" not in html
    assert "Bea Botschafterin" in html
    assert '<a href="/gremien/beirat/">Beirat Stadtregion</a>' in html
    assert "Ehemaliger Botschafter" not in html


def test_detail_empty_sections_say_so(client):
    town = MunicipalityFactory(name="Ostbevern", slug="ostbevern", service_portal_url="")
    html = client.get(town.get_absolute_url()).content.decode()
    assert "Ostbevern ist zurzeit an keinem veröffentlichten Projekt beteiligt." in html
    assert "Für Ostbevern ist hier keine Ansprechperson veröffentlicht." in html


def test_unknown_municipality_is_german_404(client):
    response = client.get("/kommunen/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


@pytest.mark.parametrize(
    ("tag", "library"),
    [
        ("projects_of_municipality", "projects_tags"),
        ("working_groups_of_municipality", "projects_tags"),
        ("memberships_of_municipality", "governance_tags"),
    ],
)
def test_each_inclusion_tag_costs_exactly_one_query(django_assert_num_queries, tag, library):
    town = MunicipalityFactory()
    for _ in range(3):
        ProjectFactory(municipalities=[town])
        WorkingGroupFactory().municipalities.add(town)
        MembershipFactory(municipality=town)
    template = Template(f"{{% load {library} %}}{{% {tag} municipality %}}")

    with django_assert_num_queries(1):
        html = template.render(Context({"municipality": town}))

    assert html.count("<li>") == 3 or html.count("<tr>") == 4  # 3 rows plus the header row


def test_project_status_is_shown_as_text(client):
    town = MunicipalityFactory()
    ProjectFactory(municipalities=[town], status=Project.Status.COMPLETED)
    assert "Status: abgeschlossen" in client.get(town.get_absolute_url()).content.decode()
