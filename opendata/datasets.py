"""The datasets of /opendaten/: what each contains, its documented columns, and its rows.

One row function per dataset returns a dict keyed by exactly the documented columns, with
JSON's types (numbers, booleans, lists); the CSV writer turns the same dicts into text. Only
published content appears, each dataset with a fixed number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import Max, Min, Prefetch, QuerySet
from django.utils import timezone

from figures.models import Indicator, Licence, Value
from governance.models import Body, Document, Meeting, SeatQuota
from maps.geo import located_municipalities, located_projects, municipality_feature, project_feature
from members.models import Municipality
from projects.models import Project, WorkingGroup

Absolute = Callable[[str], str]  # a path of ours -> its absolute URL


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    # How a JSON value becomes one CSV cell, where str() and the defaults do not fit.
    to_csv: Callable | None = None


@dataclass(frozen=True)
class Dataset:
    key: str  # the file name: /opendaten/<key>.csv
    title: str
    description: str
    columns: tuple[Column, ...]
    queryset: Callable[[], QuerySet]
    row: Callable[[object, Absolute], dict]
    keywords: tuple[str, ...]
    # GeoJSON features of the places, built by the map's own code (maps.geo).
    features: Callable[[], list[dict]] | None = None
    # The fields whose earliest and latest values span the time the data covers (dct:temporal).
    temporal: tuple[str, str] | None = None
    # A licence other than our own (figures from a statistics office): its dcat-ap.de IRI.
    licence: Licence | None = None

    @property
    def formats(self) -> tuple[str, ...]:
        return ("csv", "json", "geojson") if self.features else ("csv", "json")

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    def rows(self, absolute: Absolute) -> tuple[list[dict], datetime | None]:
        """The rows and when the newest of them changed."""
        objects = list(self.queryset())
        modified = max((obj.updated_at for obj in objects), default=None)
        return [self.row(obj, absolute) for obj in objects], modified

    def dates(self) -> dict:
        """issued (first created), modified (last changed) and, with ``temporal``, begin and
        end of the time covered, of the published objects: one query."""
        span = {}
        if self.temporal:
            span = {"begin": Min(self.temporal[0]), "end": Max(self.temporal[1])}
        return self.queryset().aggregate(
            issued=Min("created_at"), modified=Max("updated_at"), **span
        )


def _iso(value: date | datetime | None) -> str | None:
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat() if value else None


def _number(value) -> float | None:
    return float(value) if value is not None else None


def _seats_csv(seats: list[dict]) -> str:
    return "; ".join(f"{seat['kommune']}: {seat['sitze']}" for seat in seats)


URL = Column("url", "Adresse der Seite auf stadtregion-muenster.de")
# The primary key: the one column that never changes; the slug is the editors' to rename.
ID = Column("id", "Nummer des Eintrags; bleibt immer gleich, auch wenn sich das Kürzel ändert")
SLUG = Column("kuerzel", "Kürzel in der Adresse; kann sich ändern (dann gilt die id)")
AGS = Column("gemeindeschluessel", "Amtlicher Gemeindeschlüssel (8 Ziffern, Destatis)")
TOWN_KEYS = Column(
    "kommunen_gemeindeschluessel",
    "Amtliche Gemeindeschlüssel der beteiligten Kommunen, in derselben Reihenfolge wie „kommunen“ "
    "(CSV: durch „; “ getrennt)",
)
DEMO = Column("beispielinhalt", "ja, wenn der Eintrag ein erfundener Beispielinhalt ist")
LATITUDE = Column("breitengrad", "WGS84, Dezimalgrad")
LONGITUDE = Column("laengengrad", "WGS84, Dezimalgrad")


def _municipality_row(town: Municipality, absolute: Absolute) -> dict:
    return {
        "id": town.pk,
        "kuerzel": town.slug,
        "name": town.name,
        "amtlicher_name": town.official_name,
        "kreis": town.district,
        "gemeindeschluessel": town.ags,
        "einwohner": town.population,
        "einwohner_stand": town.population_year,
        "einwohner_gerundet": town.population_approximate,
        "flaeche_km2": _number(town.area_km2),
        "mitglied_seit": town.joined_year,
        "breitengrad": _number(town.latitude),
        "laengengrad": _number(town.longitude),
        "internetseite": town.website,
        "url": absolute(town.get_absolute_url()),
    }


def _project_row(project: Project, absolute: Absolute) -> dict:
    return {
        "id": project.pk,
        "kuerzel": project.slug,
        "titel": project.title,
        "kurztext": project.summary,
        "handlungsfeld": project.field_of_action.name,
        "arbeitsgruppe": project.working_group.name if project.working_group else None,
        "stand": project.get_status_display(),
        "beginn": _iso(project.start_date),
        "ende": _iso(project.end_date),
        "ort": project.location_name,
        "breitengrad": _number(project.latitude),
        "laengengrad": _number(project.longitude),
        "kommunen": [town.name for town in project.municipalities.all()],
        "kommunen_gemeindeschluessel": [town.ags for town in project.municipalities.all()],
        "projektseite": project.website,
        "beispielinhalt": project.is_demo,
        "url": absolute(project.get_absolute_url()),
    }


def _meeting_row(meeting: Meeting, absolute: Absolute) -> dict:
    return {
        "id": meeting.pk,
        "kuerzel": meeting.slug,
        "titel": meeting.title,
        "gremium": meeting.body.name,
        "beginn": _iso(meeting.start),
        "ende": _iso(meeting.end),
        "ort": meeting.location,
        "anschrift": meeting.address,
        "abgesagt": meeting.cancelled,
        "beispielinhalt": meeting.is_demo,
        "url": absolute(meeting.get_absolute_url()),
    }


def _document_row(document: Document, absolute: Absolute) -> dict:
    return {
        "id": document.pk,
        "kuerzel": document.slug,
        "titel": document.title,
        "art": document.get_kind_display(),
        "datum": _iso(document.date),
        "beschreibung": document.description,
        "gremium": document.body.name if document.body else None,
        "sitzung": document.meeting.title if document.meeting else None,
        "projekt": document.project.title if document.project else None,
        "handlungsfeld": document.field_of_action.name if document.field_of_action else None,
        "datei": absolute(document.get_download_url()),
        "beispielinhalt": document.is_demo,
        "url": absolute(document.get_absolute_url()),
    }


def _body_row(body: Body, absolute: Absolute) -> dict:
    return {
        "id": body.pk,
        "kuerzel": body.slug,
        "name": body.name,
        "art": body.get_kind_display(),
        "kurztext": body.summary,
        "sitze": [
            {
                "kommune": quota.municipality.name,
                "gemeindeschluessel": quota.municipality.ags,
                "sitze": quota.seats,
            }
            for quota in body.seat_quotas.all()
        ],
        "url": absolute(body.get_absolute_url()),
    }


def _group_row(group: WorkingGroup, absolute: Absolute) -> dict:
    return {
        "id": group.pk,
        "kuerzel": group.slug,
        "name": group.name,
        "art": group.get_kind_display(),
        "handlungsfeld": group.field_of_action.name,
        "kurztext": group.summary,
        "kommunen": [town.name for town in group.municipalities.all()],
        "kommunen_gemeindeschluessel": [town.ags for town in group.municipalities.all()],
        "beispielinhalt": group.is_demo,
        "url": absolute(group.get_absolute_url()),
    }


def _towns():
    return Prefetch("municipalities", queryset=Municipality.objects.only("name", "ags"))


def _projects():
    return (
        Project.objects.published()
        .select_related("field_of_action")
        .prefetch_related(
            _towns(), Prefetch("working_group", queryset=WorkingGroup.objects.published())
        )
        .order_by("title")
    )


DATASETS = (
    Dataset(
        key="kommunen",
        title="Kommunen der Stadtregion Münster",
        description="Die Mitglieder der Stadtregion Münster mit Kreis, Einwohnerzahl und "
        "Stand, Fläche, Beitrittsjahr und Lage.",
        columns=(
            ID,
            SLUG,
            Column("name", "Name der Stadt oder Gemeinde"),
            Column("amtlicher_name", "amtlicher Name, z. B. „Gemeinde Havixbeck“"),
            Column("kreis", "Kreis oder „kreisfreie Stadt“"),
            AGS,
            Column("einwohner", "Einwohnerzahl"),
            Column("einwohner_stand", "Jahr, auf das sich die Einwohnerzahl bezieht"),
            Column("einwohner_gerundet", "ja, wenn die Einwohnerzahl gerundet ist"),
            Column("flaeche_km2", "Fläche in Quadratkilometern"),
            Column("mitglied_seit", "Jahr des Beitritts zur Stadtregion"),
            LATITUDE,
            LONGITUDE,
            Column("internetseite", "Internetseite der Kommune"),
            URL,
        ),
        queryset=lambda: Municipality.objects.order_by("order", "name"),
        row=_municipality_row,
        keywords=("Kommunen", "Einwohner", "Fläche", "Stadtregion Münster"),
        features=lambda: [municipality_feature(town) for town in located_municipalities()],
    ),
    Dataset(
        key="projekte",
        title="Projekte der Stadtregion Münster",
        description="Die veröffentlichten Projekte mit Handlungsfeld, Arbeitsgruppe, Stand, "
        "Zeitraum, Ort und beteiligten Kommunen.",
        columns=(
            ID,
            SLUG,
            Column("titel", "Titel des Projekts"),
            Column("kurztext", "Kurzbeschreibung"),
            Column("handlungsfeld", "Handlungsfeld"),
            Column("arbeitsgruppe", "zuständige Arbeitsgruppe, falls veröffentlicht"),
            Column("stand", "geplant, laufend oder abgeschlossen"),
            Column("beginn", "Beginn (JJJJ-MM-TT)"),
            Column("ende", "Ende (JJJJ-MM-TT)"),
            Column("ort", "Name des Projektstandorts"),
            LATITUDE,
            LONGITUDE,
            Column("kommunen", "beteiligte Kommunen; leer: alle (CSV: durch „; “ getrennt)"),
            TOWN_KEYS,
            Column("projektseite", "eigene Internetseite des Projekts"),
            DEMO,
            URL,
        ),
        queryset=_projects,
        row=_project_row,
        temporal=("start_date", "end_date"),
        keywords=("Projekte", "Wohnen", "Mobilität", "Klimaschutz", "Schulentwicklung"),
        features=lambda: [project_feature(project) for project in located_projects()],
    ),
    Dataset(
        key="sitzungen",
        title="Sitzungen und Termine der Stadtregion Münster",
        description="Die veröffentlichten Sitzungen der Gremien mit Zeit, Ort und Absagen.",
        columns=(
            ID,
            SLUG,
            Column("titel", "Titel der Sitzung"),
            Column("gremium", "Gremium, das tagt"),
            Column("beginn", "Beginn (ISO 8601 mit Zeitzone)"),
            Column("ende", "Ende (ISO 8601 mit Zeitzone)"),
            Column("ort", "Sitzungsort"),
            Column("anschrift", "Anschrift des Sitzungsorts"),
            Column("abgesagt", "ja, wenn die Sitzung abgesagt ist"),
            DEMO,
            URL,
        ),
        queryset=lambda: Meeting.objects.published().select_related("body").order_by("start"),
        row=_meeting_row,
        temporal=("start", "start"),
        keywords=("Sitzungen", "Termine", "Gremien"),
    ),
    Dataset(
        key="dokumente",
        title="Dokumente der Stadtregion Münster",
        description="Die veröffentlichten Dokumente (Kontrakt, Berichte, Vorlagen, "
        "Niederschriften, Beschlüsse) mit Art, Datum und Zusammenhang.",
        columns=(
            ID,
            SLUG,
            Column("titel", "Titel des Dokuments"),
            Column("art", "Art, z. B. Bericht, Vorlage oder Beschluss"),
            Column("datum", "Datum (JJJJ-MM-TT)"),
            Column("beschreibung", "Beschreibung"),
            Column("gremium", "Gremium"),
            Column("sitzung", "Sitzung, zu der das Dokument gehört"),
            Column("projekt", "Projekt, zu dem das Dokument gehört"),
            Column("handlungsfeld", "Handlungsfeld"),
            Column("datei", "Adresse der PDF-Datei"),
            DEMO,
            URL,
        ),
        queryset=lambda: Document.objects.published().for_list(AnonymousUser()),
        row=_document_row,
        temporal=("date", "date"),
        keywords=("Dokumente", "Beschlüsse", "Berichte", "Vorlagen"),
    ),
    Dataset(
        key="gremien",
        title="Gremien der Stadtregion Münster",
        description="Die Gremien der Zusammenarbeit mit ihrer Art und den Sitzen, die jede "
        "Kommune in ihnen hat.",
        columns=(
            ID,
            SLUG,
            Column("name", "Name des Gremiums"),
            Column("art", "Art des Gremiums"),
            Column("kurztext", "Kurzbeschreibung"),
            Column(
                "sitze",
                "Sitze je Kommune (JSON: Liste aus kommune, gemeindeschluessel und sitze; CSV: "
                "„Kommune: Sitze“, "
                "durch „; “ getrennt); leer: das Gremium legt keine Sitze je Kommune fest",
                to_csv=_seats_csv,
            ),
            URL,
        ),
        queryset=lambda: Body.objects.prefetch_related(
            Prefetch(
                "seat_quotas",
                queryset=SeatQuota.objects.select_related("municipality").order_by(
                    "municipality__order", "municipality__name"
                ),
            )
        ),
        row=_body_row,
        keywords=("Gremien", "Sitzverteilung", "Organisation"),
    ),
    Dataset(
        key="arbeitsgruppen",
        title="Arbeitsgruppen der Stadtregion Münster",
        description="Die veröffentlichten Arbeitsgruppen, Arbeitskreise und "
        "Arbeitsgemeinschaften mit Handlungsfeld und beteiligten Kommunen.",
        columns=(
            ID,
            SLUG,
            Column("name", "Name"),
            Column("art", "Arbeitsgruppe, Arbeitskreis oder Arbeitsgemeinschaft"),
            Column("handlungsfeld", "Handlungsfeld"),
            Column("kurztext", "Kurzbeschreibung"),
            Column("kommunen", "beteiligte Kommunen (CSV: durch „; “ getrennt)"),
            TOWN_KEYS,
            DEMO,
            URL,
        ),
        queryset=lambda: (
            WorkingGroup.objects.published()
            .select_related("field_of_action")
            .prefetch_related(_towns())
        ),
        row=_group_row,
        keywords=("Arbeitsgruppen", "Arbeitskreise", "Zusammenarbeit"),
    ),
)
BY_KEY = {dataset.key: dataset for dataset in DATASETS}

INDICATOR_PREFIX = "zahlen-"  # /opendaten/zahlen-<indicator slug>.csv
INDICATOR_COLUMNS = (
    ID,
    Column("kennzahl", "Kürzel der Zahl; bleibt stabil"),
    Column("name", "Name der Zahl"),
    Column("kommune", "Name der Stadt oder Gemeinde"),
    Column("gemeindeschluessel", "Amtlicher Gemeindeschlüssel (8 Stellen)"),
    Column("jahr", "Jahr, auf das sich der Wert bezieht"),
    Column("wert", "der Wert (Dezimalpunkt)"),
    Column("einheit", "Einheit des Werts, z. B. Personen"),
    Column("quelle", "Quelle mit Tabelle"),
    Column("lizenz", "Lizenz der Quelle"),
    Column("stand_der_daten", "Stand der Daten der Quelle (JJJJ-MM-TT)"),
    Column("beispielwerte", "ja, wenn die Werte erfunden sind (Vorführung)"),
)


def _indicator_row(indicator: Indicator):
    def row(value: Value, absolute: Absolute) -> dict:
        return {
            "id": value.pk,
            "kennzahl": indicator.slug,
            "name": indicator.name,
            "kommune": value.municipality.name,
            "gemeindeschluessel": value.municipality.ags,
            "jahr": value.year,
            "wert": int(value.value)
            if value.value == value.value.to_integral()
            else float(value.value),
            "einheit": indicator.unit,
            "quelle": indicator.source,
            "lizenz": indicator.get_licence_display(),
            "stand_der_daten": _iso(indicator.data_date),
            "beispielwerte": indicator.is_demo,
        }

    return row


def indicator_dataset(indicator: Indicator) -> Dataset:
    """One indicator's values for all towns and years, as a dataset of its own."""
    demo = " (Beispielwerte, erfunden)" if indicator.is_demo else ""
    return Dataset(
        key=INDICATOR_PREFIX + indicator.slug,
        title=f"{indicator.name} in den Kommunen der Stadtregion Münster{demo}",
        description=f"{indicator.explanation.strip()} Einheit: {indicator.unit}. Quelle: "
        f"{indicator.source}. Je Kommune und Jahr.",
        columns=INDICATOR_COLUMNS,
        queryset=lambda: (
            Value.objects.filter(indicator=indicator)
            .select_related("municipality")
            .only(
                "year",
                "value",
                "created_at",
                "updated_at",
                "municipality__name",
                "municipality__ags",
            )
            .order_by("year", "municipality__order", "municipality__name")
        ),
        row=_indicator_row(indicator),
        keywords=("Statistik", "Berichtswesen", indicator.field_of_action.name, indicator.name),
        licence=Licence(indicator.licence),
    )


def indicator_datasets() -> list[Dataset]:
    return [indicator_dataset(i) for i in Indicator.objects.for_list()]


def all_datasets() -> list[Dataset]:
    return [*DATASETS, *indicator_datasets()]


def find_dataset(key: str) -> Dataset | None:
    if key in BY_KEY:
        return BY_KEY[key]
    if key.startswith(INDICATOR_PREFIX):
        slug = key.removeprefix(INDICATOR_PREFIX)
        indicator = Indicator.objects.select_related("field_of_action").filter(slug=slug).first()
        return indicator_dataset(indicator) if indicator else None
    return None
