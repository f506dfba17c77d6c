"""The DCAT-AP.de catalogue, parsed with rdflib and held to what GovData's SHACL shapes demand
(docs/architecture.md, "Interfaces that outside tools read")."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns

from opendata.catalogue import DCATDE, VCARD
from opendata.datasets import DATASETS
from projects.models import Project
from tests.factories import MeetingFactory, MunicipalityFactory, ProjectFactory

pytestmark = pytest.mark.django_db

LICENCE = URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
OPEN_NRW = URIRef("http://dcat-ap.de/def/contributors/openNRW")
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
DATA_THEME = "http://publications.europa.eu/resource/authority/data-theme/"
MEDIA_TYPE = "https://www.iana.org/assignments/media-types/"


def catalogue(client, name="opendata:catalogue_ttl", fmt="turtle") -> Graph:
    response = client.get(reverse(name))
    assert response.status_code == 200
    return Graph().parse(data=response.content.decode("utf-8"), format=fmt)


def one(graph, subject, predicate):
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, f"{subject} has {len(values)} {predicate}"
    return values[0]


def assert_typed_date(graph, subject, predicate):
    value = one(graph, subject, predicate)
    assert isinstance(value, Literal) and value.datatype in (ns.XSD.date, ns.XSD.dateTime)


def assert_publisher(graph, subject):
    publisher = one(graph, subject, ns.DCTERMS.publisher)
    assert (publisher, ns.RDF.type, ns.FOAF.Organization) in graph
    assert str(one(graph, publisher, ns.FOAF.name)) == "Stadtregion Münster"


@pytest.fixture
def content(db):
    MunicipalityFactory()
    ProjectFactory()
    MeetingFactory()


def test_the_catalogue_and_every_dataset_and_distribution_have_what_govdata_requires(
    client, content
):
    graph = catalogue(client)
    [catalog] = graph.subjects(ns.RDF.type, ns.DCAT.Catalog)
    one(graph, catalog, ns.DCTERMS.title)
    one(graph, catalog, ns.DCTERMS.description)
    assert_publisher(graph, catalog)

    datasets = list(graph.subjects(ns.RDF.type, ns.DCAT.Dataset))
    assert set(graph.objects(catalog, ns.DCAT.dataset)) == set(datasets)
    assert len(datasets) == len(DATASETS)
    for dataset in datasets:
        one(graph, dataset, ns.DCTERMS.title)
        one(graph, dataset, ns.DCTERMS.description)
        assert_publisher(graph, dataset)
        assert one(graph, dataset, DCATDE.contributorID) == OPEN_NRW
        assert one(graph, dataset, ns.DCTERMS.license) == LICENCE
        contact = one(graph, dataset, ns.DCAT.contactPoint)
        assert (contact, ns.RDF.type, VCARD.Organization) in graph
        assert str(one(graph, contact, VCARD.hasEmail)).startswith("mailto:")
        one(graph, dataset, ns.DCAT.landingPage)
        themes = list(graph.objects(dataset, ns.DCAT.theme))
        assert themes and all(str(theme).startswith(DATA_THEME) for theme in themes)
        assert list(graph.objects(dataset, ns.DCAT.keyword))

        distributions = list(graph.objects(dataset, ns.DCAT.distribution))
        assert len(distributions) >= 2
        for distribution in distributions:
            assert (distribution, ns.RDF.type, ns.DCAT.Distribution) in graph
            assert isinstance(one(graph, distribution, ns.DCAT.accessURL), URIRef)
            one(graph, distribution, ns.DCAT.downloadURL)
            assert one(graph, distribution, ns.DCTERMS.license) == LICENCE
            assert str(one(graph, distribution, ns.DCTERMS.format)).startswith(FILE_TYPE)
            assert str(one(graph, distribution, ns.DCAT.mediaType)).startswith(MEDIA_TYPE)
            one(graph, distribution, ns.DCTERMS.title)


def test_datasets_with_content_carry_typed_dates(client, content):
    graph = catalogue(client)
    for key in ("kommunen", "projekte", "sitzungen"):
        dataset = URIRef(f"{settings.SITE_URL}/opendaten/#{key}")
        assert_typed_date(graph, dataset, ns.DCTERMS.modified)
        assert_typed_date(graph, dataset, ns.DCTERMS.issued)
        for distribution in graph.objects(dataset, ns.DCAT.distribution):
            assert_typed_date(graph, distribution, ns.DCTERMS.modified)


def test_download_urls_answer_with_their_media_type(client, content):
    graph = catalogue(client)
    for distribution in graph.subjects(ns.RDF.type, ns.DCAT.Distribution):
        url = str(one(graph, distribution, ns.DCAT.downloadURL))
        response = client.get(url.removeprefix(settings.SITE_URL))
        media_type = str(one(graph, distribution, ns.DCAT.mediaType)).removeprefix(MEDIA_TYPE)
        assert response.status_code == 200
        assert response["Content-Type"].split(";")[0] == media_type


def test_rdf_xml_holds_the_same_graph(client, content):
    turtle = catalogue(client)
    xml = catalogue(client, "opendata:catalogue_rdf", "xml")
    response = client.get(reverse("opendata:catalogue_rdf"))
    assert response["Content-Type"] == "application/rdf+xml; charset=utf-8"
    assert len(xml) == len(turtle)
    assert set(xml.subjects(ns.RDF.type, ns.DCAT.Dataset)) == set(
        turtle.subjects(ns.RDF.type, ns.DCAT.Dataset)
    )


def test_the_catalogue_costs_the_same_however_much_is_published(client, db):
    """Dates per dataset, the towns' keys and each file's size (its rows): a fixed count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for _ in range(2):
        MunicipalityFactory()
        ProjectFactory(municipalities=[MunicipalityFactory()])
        MeetingFactory()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("opendata:catalogue_ttl")).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_draft_does_not_move_the_modified_date(client, db):
    published = ProjectFactory()
    draft = ProjectFactory(is_published=False)
    Project.objects.filter(pk=draft.pk).update(updated_at=published.updated_at + timedelta(days=1))
    graph = catalogue(client)
    modified = one(graph, URIRef(f"{settings.SITE_URL}/opendaten/#projekte"), ns.DCTERMS.modified)
    assert modified.toPython() == published.updated_at.replace(microsecond=0)
