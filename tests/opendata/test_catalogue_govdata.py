"""What GovData and Open.NRW use to find and deduplicate our datasets: identifier, political
geocoding by Gemeindeschlüssel, spatial and temporal coverage, periodicity, attribution, sizes,
and the interfaces as data services; URIs on the configured address, whatever the host."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns

from opendata.catalogue import DCATDE, LOCN
from opendata.datasets import DATASETS
from tests.factories import MeetingFactory, MunicipalityFactory, ProjectFactory

pytestmark = pytest.mark.django_db
SITE = "https://www.stadtregion-muenster.de"
KEY = "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/"


@pytest.fixture
def graph(client, settings):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["testserver", "andere.example.org"]
    havixbeck = MunicipalityFactory(ags="05558020", latitude=51.9781, longitude=7.4168)
    telgte = MunicipalityFactory(ags="05570044", latitude=51.9817, longitude=7.7858)
    ProjectFactory(municipalities=[havixbeck, telgte])
    MeetingFactory(start=timezone.make_aware(datetime.datetime(2025, 3, 4, 17)))
    MeetingFactory(start=timezone.make_aware(datetime.datetime(2027, 6, 12, 17)))
    response = client.get(reverse("opendata:catalogue_ttl"), HTTP_HOST="andere.example.org")
    return Graph().parse(data=response.content.decode(), format="turtle")


def dataset(key):
    return URIRef(f"{SITE}/opendaten/#{key}")


def test_each_dataset_has_its_uri_as_identifier(graph):
    for item in DATASETS:
        assert list(graph.objects(dataset(item.key), ns.DCTERMS.identifier)) == [
            Literal(str(dataset(item.key)))
        ]
    assert not [s for s in graph.all_nodes() if "andere.example.org" in str(s)]


def test_political_geocoding_and_spatial_name_each_town_and_the_region(graph):
    node = dataset("kommunen")
    towns = {URIRef(KEY + "05558020"), URIRef(KEY + "05570044")}
    assert set(graph.objects(node, DCATDE.politicalGeocodingURI)) == towns
    assert list(graph.objects(node, DCATDE.politicalGeocodingLevelURI)) == [
        URIRef("http://dcat-ap.de/def/politicalGeocoding/Level/municipality")
    ]
    spatial = set(graph.objects(node, ns.DCTERMS.spatial))
    region = URIRef(f"{SITE}/opendaten/#region")
    assert spatial == towns | {region}
    assert (region, ns.RDF.type, ns.DCTERMS.Location) in graph
    assert str(graph.value(region, LOCN.geographicName)) == "Stadtregion Münster"
    assert str(graph.value(region, ns.DCAT.bbox)).startswith("POLYGON((7.4168 51.9781")


def test_periodicity_and_temporal_coverage(graph):
    frequency = URIRef("http://publications.europa.eu/resource/authority/frequency/UPDATE_CONT")
    for item in DATASETS:
        assert graph.value(dataset(item.key), ns.DCTERMS.accrualPeriodicity) == frequency
    period = graph.value(dataset("sitzungen"), ns.DCTERMS.temporal)
    assert (period, ns.RDF.type, ns.DCTERMS.PeriodOfTime) in graph
    assert str(graph.value(period, ns.DCAT.startDate)) == "2025-03-04"
    assert str(graph.value(period, ns.DCAT.endDate)) == "2027-06-12"


def test_distributions_carry_attribution_and_their_true_size(client, graph):
    for distribution in graph.subjects(ns.RDF.type, ns.DCAT.Distribution):
        attribution = graph.value(distribution, DCATDE.licenseAttributionByText)
        assert str(attribution) == "Stadtregion Münster, dl-de/by-2-0"
        size = graph.value(distribution, ns.DCAT.byteSize)
        assert size.datatype == ns.XSD.decimal  # GovData's DCAT-AP 2 shapes accept no other
        body = client.get(str(distribution).removeprefix(SITE)).content
        assert int(size.toPython()) == len(body), distribution


def test_oparl_calendars_and_feeds_are_data_services(client, graph):
    [catalog] = graph.subjects(ns.RDF.type, ns.DCAT.Catalog)
    services = set(graph.objects(catalog, ns.DCAT.service))
    assert {str(s) for s in services} == {
        f"{SITE}/oparl/v1/",
        f"{SITE}/termine/kalender.ics",
        f"{SITE}/termine/atom.xml",
    }
    for service in services:
        assert (service, ns.RDF.type, ns.DCAT.DataService) in graph
        assert graph.value(service, ns.DCAT.endpointURL) == service
        assert graph.value(service, ns.DCTERMS.title)
        assert graph.value(service, ns.DCTERMS.license)
        assert graph.value(service, ns.DCTERMS.conformsTo)
        assert client.get(str(service).removeprefix(SITE)).status_code == 200
