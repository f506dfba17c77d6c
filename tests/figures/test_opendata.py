import csv
import io
import json

import pytest
from django.conf import settings
from django.urls import reverse
from rdflib import Graph, URIRef
from rdflib import namespace as ns

from figures.models import Licence

from .conftest import fill, make_indicator

pytestmark = pytest.mark.django_db


def download(client, indicator, fmt):
    key = f"zahlen-{indicator.slug}"
    return client.get(reverse("opendata:download", kwargs={"key": key, "fmt": fmt}))


def test_csv_has_every_town_and_year_with_unit_source_licence_and_key(client, towns):
    indicator = make_indicator(is_demo=True)
    fill(indicator, towns, [2022, 2023])
    response = download(client, indicator, "csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 8
    first = rows[0]
    assert first["kommune"] == "Muenster" and first["gemeindeschluessel"] == "05515000"
    assert (first["jahr"], first["wert"], first["einheit"]) == ("2022", "1022", "Personen")
    assert first["quelle"] == "IT.NRW, Landesdatenbank NRW, Tabelle 12411-01i"
    assert first["lizenz"].startswith("Datenlizenz Deutschland")
    assert first["beispielwerte"] == "ja"


def test_json_states_the_licence_and_marks_demo_values_in_the_title(client, towns):
    indicator = make_indicator(is_demo=True, licence=Licence.CC_BY)
    fill(indicator, towns, [2023])
    data = json.loads(download(client, indicator, "json").content)
    assert "Beispielwerte" in data["titel"]
    assert data["lizenz"]["url"] == "http://dcat-ap.de/def/licenses/cc-by/4.0"
    assert len(data["daten"]) == 4 and data["daten"][0]["wert"] == 1023


def test_unknown_indicator_or_format_is_404(client, indicator):
    assert client.get("/opendaten/zahlen-gibt-es-nicht.csv").status_code == 404
    assert download(client, indicator, "geojson").status_code == 404


def test_catalogue_lists_each_indicator_with_its_distributions_and_licence(client, towns):
    indicator = make_indicator(licence=Licence.DL_ZERO)
    fill(indicator, towns, [2023])
    graph = Graph().parse(
        data=client.get(reverse("opendata:catalogue_ttl")).content, format="turtle"
    )
    page = settings.SITE_URL + reverse("opendata:index")  # URIs on the configured address
    dataset = URIRef(f"{page}#zahlen-{indicator.slug}")
    assert (dataset, ns.RDF.type, ns.DCAT.Dataset) in graph
    assert (None, ns.DCAT.dataset, dataset) in graph
    licence = URIRef("http://dcat-ap.de/def/licenses/dl-zero-de/2.0")
    assert (dataset, ns.DCTERMS.license, licence) in graph
    distributions = set(graph.objects(dataset, ns.DCAT.distribution))
    assert {str(d).rsplit(".", 1)[1] for d in distributions} == {"csv", "json"}
    for distribution in distributions:
        assert (distribution, ns.DCTERMS.license, licence) in graph


def test_open_data_page_links_the_indicator_files(client, indicator):
    html = client.get(reverse("opendata:index")).content.decode()
    assert f"zahlen-{indicator.slug}.csv" in html and "Zahlen des Berichtswesens" in html


def test_site_search_finds_indicators(client, indicator):
    html = client.get("/suche/", {"q": "Einwohnerzahl"}).content.decode()
    assert indicator.get_absolute_url() in html


def test_the_files_and_the_catalogue_cost_the_same_for_any_number_of_values(client, towns):
    """Each file is read in one query, whatever it holds; the catalogue renders every file
    (dcat:byteSize), so a query per row would make it cost thousands."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    indicator = make_indicator()

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    fill(indicator, towns, [2022])
    csv_url = reverse("opendata:download", kwargs={"key": f"zahlen-{indicator.slug}", "fmt": "csv"})
    few = queries(csv_url), queries(reverse("opendata:catalogue_ttl"))
    fill(indicator, towns, range(2000, 2022))
    assert (queries(csv_url), queries(reverse("opendata:catalogue_ttl"))) == few
