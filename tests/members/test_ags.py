"""The Amtlicher Gemeindeschlüssel: eight digits, unique, in the admin (read-only for a town's own
editors), the town page's JSON-LD, OParl and the datasets."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from tests.factories import MembershipFactory, MunicipalityFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["5558020", "055580201", "05558O20", "05 558 020"])
def test_only_eight_digits_are_a_key(value):
    town = MunicipalityFactory.build(ags=value)
    with pytest.raises(ValidationError) as raised:
        town.full_clean(exclude=["slug", "name"])
    assert "ags" in raised.value.message_dict


def test_a_key_belongs_to_one_town():
    MunicipalityFactory(ags="05558020")
    with pytest.raises(IntegrityError):
        MunicipalityFactory(ags="05558020")


def test_town_page_json_ld_names_the_key(client):
    town = MunicipalityFactory(slug="havixbeck", ags="05558020")

    html = client.get(town.get_absolute_url()).content.decode()

    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(html[start : html.index("</script>", start)])
    assert data["areaServed"]["identifier"] == {
        "@type": "PropertyValue",
        "propertyID": "AGS",
        "name": "Amtlicher Gemeindeschlüssel",
        "value": "05558020",
    }


def test_oparl_membership_names_the_key(client):
    town = MunicipalityFactory(ags="05558020")
    MembershipFactory(municipality=town)

    [membership] = client.get("/oparl/v1/body/stadtregion/membership/").json()["data"]

    assert membership["stadtregion:municipalityAgs"] == "05558020"


def test_datasets_name_the_keys_and_a_stable_id(client):
    town = MunicipalityFactory(ags="05558020")
    project = ProjectFactory(municipalities=[town])

    towns = client.get("/opendaten/kommunen.json").json()["daten"]
    projects = client.get("/opendaten/projekte.json").json()["daten"]
    geojson = client.get("/opendaten/kommunen.geojson").json()["features"]

    assert (towns[0]["id"], towns[0]["gemeindeschluessel"]) == (town.pk, "05558020")
    assert (projects[0]["id"], projects[0]["kommunen_gemeindeschluessel"]) == (
        project.pk,
        ["05558020"],
    )
    assert geojson[0]["properties"]["ags"] == "05558020"
    csv = client.get("/opendaten/kommunen.csv").content.decode()
    assert csv.splitlines()[0].startswith("id,kuerzel,")


def test_every_dataset_starts_with_the_stable_id(client):
    from opendata.datasets import DATASETS

    for dataset in DATASETS:
        assert dataset.column_names[:2] == ["id", "kuerzel"], dataset.key
