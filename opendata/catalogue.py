"""The DCAT-AP.de catalogue of our datasets, in the form GovData harvests (docs/architecture.md,
"Interfaces that outside tools read"): contributorID openNRW, licence IRIs from dcat-ap.de, typed
publisher and contact point, EU file types, IANA media types, typed dates, themes."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF

from .datasets import Absolute, Dataset, all_datasets
from .licence import LICENCE_IRI, PUBLISHER

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
# Municipalities in NRW publish to GovData through Open.NRW; GovData assigns these IDs.
CONTRIBUTOR = URIRef("http://dcat-ap.de/def/contributors/openNRW")
THEMES = [
    URIRef("http://publications.europa.eu/resource/authority/data-theme/GOVE"),
    URIRef("http://publications.europa.eu/resource/authority/data-theme/REGI"),
]
GERMAN = URIRef("http://publications.europa.eu/resource/authority/language/DEU")
FILE_TYPES = {
    "csv": ("CSV", "text/csv"),
    "json": ("JSON", "application/json"),
    "geojson": ("GEOJSON", "application/geo+json"),
}
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
MEDIA_TYPE = "https://www.iana.org/assignments/media-types/"
SERIALISATIONS = {"turtle": "text/turtle", "xml": "application/rdf+xml"}


def _date(value) -> Literal:
    return Literal(timezone.localtime(value).isoformat(timespec="seconds"), datatype=XSD.dateTime)


def _licence(dataset: Dataset) -> str:
    return dataset.licence.iri if dataset.licence else LICENCE_IRI


def _text(value: str) -> Literal:
    return Literal(value, lang="de")


class CatalogueBuilder:
    def __init__(self, absolute: Absolute):
        self.absolute = absolute
        self.page = absolute(reverse("opendata:index"))
        self.graph = Graph()
        for prefix, namespace in [("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF)]:
            self.graph.bind(prefix, namespace)
        self.graph.bind("dcatde", DCATDE)
        self.graph.bind("vcard", VCARD)
        self.publisher = self._publisher()
        self.contact = self._contact()

    def add(self, subject, *pairs) -> None:
        for predicate, value in pairs:
            self.graph.add((subject, predicate, value))

    def _publisher(self) -> URIRef:
        node = URIRef(self.absolute("/") + "#organisation")
        self.add(node, (RDF.type, FOAF.Organization), (FOAF.name, Literal(PUBLISHER)))
        self.add(node, (FOAF.homepage, URIRef(self.absolute("/"))))
        return node

    def _contact(self) -> BNode:
        node = BNode("kontakt")
        self.add(
            node,
            (RDF.type, VCARD.Organization),
            (VCARD.fn, Literal(f"Geschäftsstelle der {PUBLISHER}")),
            (VCARD.hasEmail, URIRef(f"mailto:{settings.OPENDATA_CONTACT_EMAIL}")),
            (VCARD.hasURL, URIRef(self.page)),
        )
        return node

    def build(self) -> Graph:
        catalogue = URIRef(self.page + "#katalog")
        self.add(
            catalogue,
            (RDF.type, DCAT.Catalog),
            (DCTERMS.title, _text(f"Offene Daten der {PUBLISHER}")),
            (
                DCTERMS.description,
                _text(
                    "Kommunen, Projekte, Sitzungen, Dokumente, Gremien, Arbeitsgruppen und die "
                    f"Zahlen des Berichtswesens der {PUBLISHER} als CSV, JSON und GeoJSON."
                ),
            ),
            (DCTERMS.publisher, self.publisher),
            (DCTERMS.language, GERMAN),
            (FOAF.homepage, URIRef(self.page)),
        )
        newest = None
        for dataset in all_datasets():
            node, modified = self._dataset(dataset)
            self.add(catalogue, (DCAT.dataset, node))
            if modified and (newest is None or modified > newest):
                newest = modified
        if newest:
            self.add(catalogue, (DCTERMS.modified, _date(newest)))
        return self.graph

    def _dataset(self, dataset: Dataset):
        node = URIRef(f"{self.page}#{dataset.key}")
        issued, modified = dataset.dates()
        self.add(
            node,
            (RDF.type, DCAT.Dataset),
            (DCTERMS.title, _text(dataset.title)),
            (DCTERMS.description, _text(dataset.description)),
            (DCTERMS.publisher, self.publisher),
            (DCATDE.contributorID, CONTRIBUTOR),
            (DCAT.contactPoint, self.contact),
            (DCTERMS.license, URIRef(_licence(dataset))),
            (DCAT.landingPage, URIRef(f"{self.page}#{dataset.key}")),
            *[(DCAT.theme, theme) for theme in THEMES],
            *[(DCAT.keyword, _text(keyword)) for keyword in dataset.keywords],
        )
        dates = [(DCTERMS.issued, issued), (DCTERMS.modified, modified)]
        dates = [(predicate, _date(value)) for predicate, value in dates if value]
        self.add(node, *dates)
        for fmt in dataset.formats:
            self.add(node, (DCAT.distribution, self._distribution(dataset, fmt, dates)))
        return node, modified

    def _distribution(self, dataset: Dataset, fmt: str, dates) -> URIRef:
        url = URIRef(
            self.absolute(reverse("opendata:download", kwargs={"key": dataset.key, "fmt": fmt}))
        )
        file_type, media_type = FILE_TYPES[fmt]
        self.add(
            url,
            (RDF.type, DCAT.Distribution),
            (DCTERMS.title, _text(f"{dataset.title} ({file_type})")),
            (DCAT.accessURL, url),
            (DCAT.downloadURL, url),
            (DCTERMS.format, URIRef(FILE_TYPE + file_type)),
            (DCAT.mediaType, URIRef(MEDIA_TYPE + media_type)),
            (DCTERMS.license, URIRef(_licence(dataset))),
            *dates,
        )
        return url


def catalogue(absolute: Absolute, serialisation: str) -> str:
    return CatalogueBuilder(absolute).build().serialize(format=serialisation)
