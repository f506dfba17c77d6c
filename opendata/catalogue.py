"""The DCAT-AP.de catalogue of our datasets, in the form GovData harvests (docs/architecture.md,
"Interfaces that outside tools read"): contributorID openNRW, licence IRIs from dcat-ap.de, typed
publisher and contact point, EU file types, IANA media types, typed dates, themes.

What GovData and Open.NRW use to find and deduplicate: dct:identifier, the political geocoding of
the twelve towns by their Amtlicher Gemeindeschlüssel (with dct:spatial for each town and the
region's bounding box), accrual periodicity, temporal coverage, the attribution text and each
file's size. OParl, the calendars and the feeds are described as dcat:DataService.
"""

import datetime

from django.conf import settings
from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone
from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF

from core.licence import LICENCE_ID, LICENCE_IRI, PUBLISHER
from core.text import clean_text
from members.models import Municipality

from .datasets import Absolute, Dataset, all_datasets
from .formats import RESPONSES

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
# Editors change the data whenever something happens.
FREQUENCY = URIRef("http://publications.europa.eu/resource/authority/frequency/UPDATE_CONT")
GEOCODING = "http://dcat-ap.de/def/politicalGeocoding/"
MUNICIPALITY_KEY = GEOCODING + "municipalityKey/"
MUNICIPALITY_LEVEL = URIRef(GEOCODING + "Level/municipality")
ATTRIBUTION = f"{PUBLISHER}, {LICENCE_ID}"
LOCN = Namespace("http://www.w3.org/ns/locn#")
GEOSPARQL = Namespace("http://www.opengis.net/ont/geosparql#")
# The machine-read services besides the files: path, title, description, the standard.
SERVICES = (
    ("oparl:system", "OParl-Schnittstelle", "Gremien, Sitzungen, Tagesordnungen, Vorlagen und "
     "Dateien nach OParl 1.1.", "https://schema.oparl.org/1.1/"),
    ("governance:meeting_calendar", "Kalender der Sitzungen", "Alle Sitzungen als "
     "abonnierbarer Kalender; dazu je Gremium und je Kommune.",
     "https://www.rfc-editor.org/rfc/rfc5545"),
    ("governance:meeting_feed", "Atom-Feed der Sitzungen", "Neue und geänderte Sitzungen; "
     "Feeds auch für Dokumente, Projekte, Aktuelles und je Kommune.",
     "https://www.rfc-editor.org/rfc/rfc4287"),
)  # fmt: skip


def _date(value) -> Literal:
    return Literal(timezone.localtime(value).isoformat(timespec="seconds"), datatype=XSD.dateTime)


def _licence(dataset: Dataset) -> str:
    return dataset.licence.iri if dataset.licence else LICENCE_IRI


def _text(value: str) -> Literal:
    # XML 1.0 allows no control character: rows stored before core.text's rule must not break
    # the RDF/XML catalogue (an indicator's name, say).
    return Literal(clean_text(value), lang="de")


def _day(value) -> Literal:
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value)
    return Literal(value.isoformat(), datatype=XSD.date)


class CatalogueBuilder:
    def __init__(self, absolute: Absolute):
        self.absolute = absolute
        self.page = absolute(reverse("opendata:index"))
        self.graph = Graph()
        for prefix, namespace in [("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("locn", LOCN)]:
            self.graph.bind(prefix, namespace)
        self.graph.bind("dcatde", DCATDE)
        self.graph.bind("vcard", VCARD)
        self.publisher = self._publisher()
        self.contact = self._contact()
        self.spatial = self._spatial()

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

    def _spatial(self) -> list[tuple]:
        """Each town by its key (political geocoding, dct:spatial) and the region as a
        location with the bounding box of the towns: one query."""
        # Only well-formed keys become URIs (a row older than the field's validation might not be).
        keyed = Municipality.objects.filter(ags__regex=r"^[0-9]{8}$")
        towns = keyed.aggregate(
            south=Min("latitude"), north=Max("latitude"), west=Min("longitude"),
            east=Max("longitude"),
        )  # fmt: skip
        keys = keyed.order_by("ags").values_list("ags", flat=True)
        pairs = [(DCATDE.politicalGeocodingLevelURI, MUNICIPALITY_LEVEL)]
        for ags in keys:
            uri = URIRef(MUNICIPALITY_KEY + ags)
            pairs += [(DCATDE.politicalGeocodingURI, uri), (DCTERMS.spatial, uri)]
        if towns["south"] is not None:
            region = URIRef(self.page + "#region")
            s, n, w, e = (float(towns[k]) for k in ("south", "north", "west", "east"))
            box = f"POLYGON(({w} {s}, {e} {s}, {e} {n}, {w} {n}, {w} {s}))"
            self.add(
                region,
                (RDF.type, DCTERMS.Location),
                (LOCN.geographicName, _text(PUBLISHER)),
                (DCAT.bbox, Literal(box, datatype=GEOSPARQL.wktLiteral)),
            )
            pairs.append((DCTERMS.spatial, region))
        return pairs

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
        for service in SERVICES:
            self.add(catalogue, (DCAT.service, self._service(*service)))
        return self.graph

    def _service(self, name: str, title: str, description: str, standard: str) -> URIRef:
        endpoint = URIRef(self.absolute(reverse(name)))
        self.add(
            endpoint,
            (RDF.type, DCAT.DataService),
            (DCTERMS.title, _text(title)),
            (DCTERMS.description, _text(description)),
            (DCAT.endpointURL, endpoint),
            (DCTERMS.conformsTo, URIRef(standard)),
            (DCTERMS.publisher, self.publisher),
            (DCAT.contactPoint, self.contact),
            (DCTERMS.license, URIRef(LICENCE_IRI)),
            (DCATDE.licenseAttributionByText, _text(ATTRIBUTION)),
            (DCAT.landingPage, URIRef(self.page)),
        )
        return endpoint

    def _dataset(self, dataset: Dataset):
        node = URIRef(f"{self.page}#{dataset.key}")
        dates = dataset.dates()
        issued, modified = dates["issued"], dates["modified"]
        self.add(
            node,
            (RDF.type, DCAT.Dataset),
            # The dataset's URI, on the configured address: what harvesters deduplicate by.
            (DCTERMS.identifier, Literal(str(node))),
            (DCTERMS.title, _text(dataset.title)),
            (DCTERMS.description, _text(dataset.description)),
            (DCTERMS.publisher, self.publisher),
            (DCATDE.contributorID, CONTRIBUTOR),
            (DCAT.contactPoint, self.contact),
            (DCTERMS.license, URIRef(_licence(dataset))),
            (DCAT.landingPage, URIRef(f"{self.page}#{dataset.key}")),
            *[(DCAT.theme, theme) for theme in THEMES],
            *[(DCAT.keyword, _text(keyword)) for keyword in dataset.keywords],
            (DCTERMS.accrualPeriodicity, FREQUENCY),
            *self.spatial,
        )
        if dates.get("begin"):
            period = BNode(f"zeitraum-{dataset.key}")
            self.add(period, (RDF.type, DCTERMS.PeriodOfTime))
            self.add(period, (DCAT.startDate, _day(dates["begin"])))
            self.add(period, (DCAT.endDate, _day(dates["end"] or dates["begin"])))
            self.add(node, (DCTERMS.temporal, period))
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
            # Our attribution for our licence; a statistics office's figures name their source
            # in the description.
            *(
                [(DCATDE.licenseAttributionByText, _text(ATTRIBUTION))]
                if not dataset.licence
                else []
            ),
            # The file as it is served uncompressed (rendered here; the catalogue itself is
            # cached per content version and answered 304 when unchanged). xsd:decimal, as the
            # DCAT-AP 2 shapes GovData applies demand (DCAT itself says nonNegativeInteger).
            (DCAT.byteSize, Literal(self._size(dataset, fmt), datatype=XSD.decimal)),
            *dates,
        )
        return url

    def _size(self, dataset: Dataset, fmt: str) -> int:
        return len(RESPONSES[fmt](dataset, self.absolute).content)


def catalogue(absolute: Absolute, serialisation: str) -> str:
    return CatalogueBuilder(absolute).build().serialize(format=serialisation)
