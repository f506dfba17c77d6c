"""/opendaten/: the datasets as CSV, JSON and GeoJSON, with licence, documented columns, only
published content, safe cells and a fixed number of queries."""

import csv
import io
import json

import pytest
from django.conf import settings
from django.urls import reverse

from members.models import Municipality
from opendata.datasets import BY_KEY, DATASETS
from opendata.formats import csv_cell
from tests.factories import (
    BodyFactory,
    DocumentFactory,
    MeetingFactory,
    MunicipalityFactory,
    ProjectFactory,
    SeatQuotaFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db

LICENCE_URL = "https://www.govdata.de/dl-de/by-2-0"
# Queries per download, whatever the amount of data (rows plus their prefetched relations).
QUERIES = {"kommunen": 1, "projekte": 3, "sitzungen": 1, "dokumente": 3, "gremien": 2}
QUERIES["arbeitsgruppen"] = 2


def download(client, key, fmt):
    return client.get(reverse("opendata:download", kwargs={"key": key, "fmt": fmt}))


def read_csv(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")  # strict: fails on anything but UTF-8
    assert not text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def content():
    """Two of everything: one published, one draft (where the type has drafts)."""
    town = MunicipalityFactory(name="Havixbeck", slug="havixbeck", joined_year=2018)
    group = WorkingGroupFactory(name="AG Wohnen")
    group.municipalities.add(town)
    WorkingGroupFactory(name="AG Entwurf", is_published=False)
    project = ProjectFactory(
        title="Radwege", municipalities=[town], working_group=None, location_name="Bahnhof"
    )
    project.working_group = group
    project.field_of_action = group.field_of_action
    project.save()
    ProjectFactory(title="Geheimprojekt", is_published=False, municipalities=[town])
    body = BodyFactory(name="Beirat")
    SeatQuotaFactory(body=body, municipality=town, seats=3)
    meeting = MeetingFactory(body=body, title="Beiratssitzung", cancelled=True)
    MeetingFactory(body=body, title="Entwurfssitzung", is_published=False)
    DocumentFactory(title="Bericht 2024", meeting=meeting)
    DocumentFactory(title="Entwurfsdokument", is_published=False)
    return town


def test_the_page_documents_every_column_and_the_licence(client, content):
    response = client.get(reverse("opendata:index"))
    html = response.content.decode()
    assert response.status_code == 200
    for dataset in DATASETS:
        for column in dataset.columns:
            assert f"<code>{column.name}</code>" in html
        for fmt in dataset.formats:
            assert reverse("opendata:download", kwargs={"key": dataset.key, "fmt": fmt}) in html
    assert LICENCE_URL in html and "dl-de/by-2-0" in html
    assert (
        f'<link rel="alternate" type="text/turtle" href="{reverse("opendata:catalogue_ttl")}"'
        in html
    )
    assert 'type="application/rdf+xml"' in html


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.key)
def test_csv_has_the_documented_columns_and_the_licence_link(client, content, dataset):
    response = download(client, dataset.key, "csv")
    rows = read_csv(response)
    assert response["Link"] == f'<{LICENCE_URL}>; rel="license"'
    assert response["Content-Disposition"] == f'attachment; filename="{dataset.key}.csv"'
    assert list(rows[0]) == dataset.column_names
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.key)
def test_json_has_the_licence_and_the_documented_fields(client, content, dataset):
    response = download(client, dataset.key, "json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content.decode("utf-8"))
    assert data["lizenz"]["url"] == LICENCE_URL
    assert data["lizenz"]["kennung"] == "dl-de/by-2-0"
    assert data["quelle"].endswith(f"/opendaten/#{dataset.key}")
    assert data["daten"], "the fixture publishes one of each"
    assert all(list(row) == dataset.column_names for row in data["daten"])


def test_values_as_documented(client, content):
    town = read_csv(download(client, "kommunen", "csv"))[0]
    assert town["name"] == "Havixbeck"
    assert town["einwohner"] == "12000"
    assert town["einwohner_stand"] == "2023"
    assert town["flaeche_km2"] == "55.5"
    assert town["mitglied_seit"] == "2018"
    assert town["einwohner_gerundet"] == "nein"
    assert town["url"] == f"{settings.SITE_URL}/kommunen/havixbeck/"

    project = json.loads(download(client, "projekte", "json").content)["daten"][0]
    assert project["kommunen"] == ["Havixbeck"]
    assert project["arbeitsgruppe"] == "AG Wohnen"
    assert project["beginn"] == "2024-01-01"

    meeting = read_csv(download(client, "sitzungen", "csv"))[0]
    assert meeting["abgesagt"] == "ja"
    assert meeting["gremium"] == "Beirat"

    body = json.loads(download(client, "gremien", "json").content)["daten"][0]
    ags = Municipality.objects.get(slug="havixbeck").ags
    assert body["sitze"] == [{"kommune": "Havixbeck", "gemeindeschluessel": ags, "sitze": 3}]
    assert read_csv(download(client, "gremien", "csv"))[0]["sitze"] == "Havixbeck: 3"

    document = read_csv(download(client, "dokumente", "csv"))[0]
    assert document["sitzung"] == "Beiratssitzung"
    assert document["datei"].startswith(f"{settings.SITE_URL}/")


def test_drafts_and_their_names_stay_out(client, content):
    text = "".join(
        download(client, dataset.key, fmt).content.decode()
        for dataset in DATASETS
        for fmt in dataset.formats
    )
    for draft in ("Geheimprojekt", "AG Entwurf", "Entwurfssitzung", "Entwurfsdokument"):
        assert draft not in text
    assert "Radwege" in text and "Bericht 2024" in text


def test_a_draft_working_group_is_not_named_by_its_project(client, content):
    ProjectFactory(
        title="Mit Entwurfsgruppe", working_group=WorkingGroupFactory(is_published=False)
    )
    rows = json.loads(download(client, "projekte", "json").content)["daten"]
    assert {row["titel"]: row["arbeitsgruppe"] for row in rows}["Mit Entwurfsgruppe"] is None


def test_geojson_reuses_the_map_features_with_absolute_urls_and_licence(client, content):
    response = download(client, "kommunen", "geojson")
    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert data["lizenz"]["url"] == LICENCE_URL
    feature = data["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [7.4168, 51.9781]}
    assert feature["properties"]["url"] == f"{settings.SITE_URL}/kommunen/havixbeck/"
    projects = json.loads(download(client, "projekte", "geojson").content)
    assert [f["properties"]["name"] for f in projects["features"]] == []  # none has a location


def test_cells_that_spreadsheets_would_run_as_formulas_get_an_apostrophe(client, db):
    MunicipalityFactory(name='=HYPERLINK("http://evil.example")', official_name="@SUM(A1)")
    ProjectFactory(title="+1 Radweg", summary="-2 Stellplätze")
    town = read_csv(download(client, "kommunen", "csv"))[0]
    assert town["name"] == '\'=HYPERLINK("http://evil.example")'
    assert town["amtlicher_name"] == "'@SUM(A1)"
    project = read_csv(download(client, "projekte", "csv"))[0]
    assert (project["titel"], project["kurztext"]) == ("'+1 Radweg", "'-2 Stellplätze")
    # JSON carries the text as it is; numbers never get an apostrophe.
    assert json.loads(download(client, "projekte", "json").content)["daten"][0]["titel"] == (
        "+1 Radweg"
    )
    assert csv_cell(-7.5) == "-7.5"
    assert csv_cell("\tTab") == "'\tTab"


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.key)
def test_queries_per_dataset_are_fixed(client, content, dataset, django_assert_num_queries):
    for _ in range(3):  # more rows and relations must not mean more queries
        town = MunicipalityFactory()
        project = ProjectFactory(
            municipalities=[town], latitude=town.latitude, longitude=town.longitude
        )
        group = WorkingGroupFactory()
        group.municipalities.add(town)
        body = BodyFactory()
        SeatQuotaFactory(body=body, municipality=town)
        meeting = MeetingFactory(body=body)
        DocumentFactory(meeting=meeting, project=project)
        group.municipalities.add(MunicipalityFactory())
    for fmt in dataset.formats:
        queries = (
            QUERIES[dataset.key]
            if fmt != "geojson"
            else {"kommunen": 1, "projekte": 2}[dataset.key]
        )
        with django_assert_num_queries(queries):
            assert download(client, dataset.key, fmt).status_code == 200


@pytest.mark.parametrize(
    "path", ["/opendaten/gibtsnicht.csv", "/opendaten/sitzungen.geojson", "/opendaten/kommunen.xls"]
)
def test_unknown_dataset_or_format_is_a_404(client, db, path):
    assert client.get(path).status_code == 404


def test_every_dataset_is_listed_once():
    assert len(BY_KEY) == len(DATASETS) == 6


def test_harvesters_may_check_a_download_with_head(client, content):
    response = client.head(reverse("opendata:download", kwargs={"key": "kommunen", "fmt": "csv"}))
    assert response.status_code == 200
    assert client.post(reverse("opendata:catalogue_ttl")).status_code == 405


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.key)
def test_excel_variant_of_every_csv(client, content, dataset):
    response = client.get(reverse("opendata:download_excel", args=[dataset.key]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="{dataset.key}-excel.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads UTF-8 only with the BOM
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == dataset.column_names
    plain = read_csv(download(client, dataset.key, "csv"))
    assert len(rows) - 1 == len(plain)


def test_excel_variant_writes_decimal_commas(client, content):
    text = client.get(reverse("opendata:download_excel", args=["kommunen"])).content.decode()
    header, row = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))[:2]
    town = dict(zip(header, row, strict=True))
    assert town["flaeche_km2"] == "55,5"
    assert town["einwohner"] == "12000"
    assert client.get("/opendaten/excel/gibt-es-nicht.csv").status_code == 404
