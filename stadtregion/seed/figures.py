"""Demo figures for the stadtregionales Berichtswesen: the starter indicators with invented
values for 2014 to 2023, each indicator flagged "Beispielwerte" on every page and in every file.

The values are made up but plausible: they start from each town's population as the members
table states it and grow by small fixed rates. Indicators are the editors' once they exist (a
real import replaces the demo values and clears the flag), so the seed only creates what is
missing, and adds values only to indicators that are still marked as demo.
"""

import datetime
import math
from dataclasses import dataclass
from decimal import Decimal

from simple_history.utils import bulk_create_with_history

from figures.models import Aggregation, Indicator, Value
from governance.models import Document
from members.models import Municipality
from projects.models import FieldOfAction

from .base import SeedLog

YEARS = range(2014, 2024)
LDB = "IT.NRW, Landesdatenbank NRW"
LDB_URL = "https://www.landesdatenbank.nrw.de/"
COMMUTER_NOTE = (
    "Ein Teil der Einpendlerinnen und Einpendler einer Kommune wohnt in einer anderen Kommune "
    "der Stadtregion. Die Summe der Kommunen würde dieses Pendeln innerhalb der Region doppelt "
    "zählen; sie ist deshalb kein Wert der Region."
)


@dataclass(frozen=True)
class Spec:
    slug: str
    name: str
    subject: str
    explanation: str
    unit: str
    field: str
    source_name: str
    source_table: str = ""
    source_url: str = LDB_URL
    aggregation: str = Aggregation.SUM
    aggregation_note: str = ""
    genesis_code: str = ""
    plural: bool = False
    reports: tuple[str, ...] = ()


SPECS = (
    Spec(
        "bevoelkerung", "Bevölkerung", "Die Einwohnerzahl",
        "Wie viele Menschen mit Hauptwohnsitz in der Kommune leben, jeweils am 31. Dezember.",
        "Personen", "wohnen", LDB, "12411-01i", genesis_code="BEVSTD",
        reports=("bericht-ewomab-2022",),
    ),
    Spec(
        "bevoelkerungsveraenderung", "Veränderung der Bevölkerung", "Die Veränderung der Einwohnerzahl",
        "Um wie viele Menschen die Einwohnerzahl gegenüber dem Vorjahr gewachsen (oder, mit "
        "Minuszeichen, geschrumpft) ist: Geburten, Sterbefälle, Zu- und Fortzüge zusammen.",
        "Personen", "wohnen", f"{LDB} (Statistik 12411, eigene Berechnung)",
    ),
    Spec(
        "bevoelkerung-unter-18", "Bevölkerung unter 18 Jahren", "Die Zahl der Kinder und Jugendlichen",
        "Wie viele Einwohnerinnen und Einwohner jünger als 18 Jahre sind.",
        "Personen", "schulentwicklung", f"{LDB} (Statistik 12411)",
    ),
    Spec(
        "bevoelkerung-18-bis-64", "Bevölkerung von 18 bis 64 Jahren",
        "Die Zahl der Menschen im erwerbsfähigen Alter",
        "Wie viele Einwohnerinnen und Einwohner 18 bis 64 Jahre alt sind.",
        "Personen", "wohnen", f"{LDB} (Statistik 12411)",
    ),
    Spec(
        "bevoelkerung-ab-65", "Bevölkerung ab 65 Jahren", "Die Zahl der Menschen ab 65 Jahren",
        "Wie viele Einwohnerinnen und Einwohner 65 Jahre oder älter sind.",
        "Personen", "wohnen", f"{LDB} (Statistik 12411)",
    ),
    Spec(
        "baufertigstellungen", "Fertiggestellte Wohnungen", "Die Zahl der fertiggestellten Wohnungen",
        "Wie viele Wohnungen im Jahr in neuen und umgebauten Gebäuden fertig geworden sind.",
        "Wohnungen", "wohnen", f"{LDB} (Statistik 31121, Baufertigstellungen)",
        reports=("bericht-ewomab-2022",),
    ),
    Spec(
        "baugenehmigungen", "Genehmigte Wohnungen", "Die Zahl der genehmigten Wohnungen",
        "Für wie viele Wohnungen die Bauaufsicht im Jahr eine Genehmigung erteilt hat; sie "
        "zeigen, was in den nächsten Jahren gebaut wird.",
        "Wohnungen", "wohnen", f"{LDB} (Statistik 31111, Baugenehmigungen)",
        reports=("bericht-ewomab-2022",),
    ),
    Spec(
        "einpendler", "Einpendlerinnen und Einpendler", "Die Zahl der Einpendlerinnen und Einpendler",
        "Wie viele Erwerbstätige in der Kommune arbeiten, aber anderswo wohnen (am 30. Juni).",
        "Personen", "mobilitaet", "IT.NRW, Pendlerrechnung Nordrhein-Westfalen",
        aggregation=Aggregation.NONE, aggregation_note=COMMUTER_NOTE,
    ),
    Spec(
        "auspendler", "Auspendlerinnen und Auspendler", "Die Zahl der Auspendlerinnen und Auspendler",
        "Wie viele Erwerbstätige in der Kommune wohnen, aber anderswo arbeiten (am 30. Juni).",
        "Personen", "mobilitaet", "IT.NRW, Pendlerrechnung Nordrhein-Westfalen",
        aggregation=Aggregation.NONE, aggregation_note=COMMUTER_NOTE,
    ),
    Spec(
        "schueler-grundschulen", "Schülerinnen und Schüler an Grundschulen",
        "Die Zahl der Schülerinnen und Schüler an Grundschulen",
        "Wie viele Kinder die Grundschulen in der Kommune besuchen, gezählt am Schulort.",
        "Personen", "schulentwicklung", f"{LDB} (Statistik 21111, Allgemeinbildende Schulen)",
    ),
    Spec(
        "schueler-weiterfuehrende-schulen", "Schülerinnen und Schüler an weiterführenden Schulen",
        "Die Zahl der Schülerinnen und Schüler an weiterführenden Schulen",
        "Wie viele Schülerinnen und Schüler die Haupt-, Real-, Sekundar- und Gesamtschulen und "
        "Gymnasien in der Kommune besuchen, gezählt am Schulort.",
        "Personen", "schulentwicklung", f"{LDB} (Statistik 21111, Allgemeinbildende Schulen)",
    ),
    Spec(
        "photovoltaik-leistung", "Installierte Photovoltaik-Leistung", "Die installierte Leistung der Photovoltaikanlagen",
        "Die Spitzenleistung aller in Betrieb befindlichen Solaranlagen in der Kommune am "
        "Jahresende, in Kilowatt peak.",
        "kWp", "klimaschutz", "Bundesnetzagentur, Marktstammdatenregister",
        source_url="https://www.marktstammdatenregister.de/",
    ),
)  # fmt: skip


def _population(town: Municipality, index: int, year: int) -> float:
    """Back from the town's stated population by a fixed demo growth rate per year."""
    rate = 0.008 if town.slug == "muenster" else 0.003 + (index % 5) * 0.001
    return town.population / (1 + rate) ** (town.population_year - year)


def _values(spec: Spec, town: Municipality, index: int, year: int) -> float:
    people = _population(town, index, year)
    centre = town.slug == "muenster"
    wave = 1 + 0.15 * math.sin(year + index)  # building and permits go up and down
    aging = 1 + 0.012 * (year - YEARS[0])
    commuting = 1 + 0.015 * (year - YEARS[0])
    young, old = (0.15, 0.18) if centre else (0.185, 0.2)
    match spec.slug:
        case "bevoelkerung":
            return people
        case "bevoelkerungsveraenderung":
            return round(people) - round(_population(town, index, year - 1))
        case "bevoelkerung-unter-18":
            return people * young
        case "bevoelkerung-ab-65":
            return people * old * aging
        case "bevoelkerung-18-bis-64":
            return round(people) - round(people * young) - round(people * old * aging)
        case "baufertigstellungen":
            return people * 0.004 * wave
        case "baugenehmigungen":
            return people * 0.0046 * (1 + 0.15 * math.sin(year + index + 1))
        case "einpendler":
            return people * (0.33 if centre else 0.12) * commuting
        case "auspendler":
            return people * (0.12 if centre else 0.24) * commuting
        case "schueler-grundschulen":
            return people * 0.037
        case "schueler-weiterfuehrende-schulen":
            return people * (0.085 if centre else 0.058)
        case "photovoltaik-leistung":
            per_person = (0.08 if centre else 0.25) * 1.13 ** (year - YEARS[0])
            return people * per_person * (1.2 if year >= 2021 else 1)
    raise ValueError(spec.slug)


def _indicator_values(spec, indicator, towns) -> list[Value]:
    return [
        Value(
            indicator=indicator,
            municipality=town,
            year=year,
            value=Decimal(round(_values(spec, town, index, year))),
        )
        for index, town in enumerate(towns)
        for year in YEARS
    ]


def load_figures(
    log: SeedLog,
    fields: dict[str, FieldOfAction],
    municipalities: dict[str, Municipality],
    documents: dict[str, Document],
) -> dict[str, Indicator]:
    towns = list(municipalities.values())
    indicators = {}
    for order, spec in enumerate(SPECS, start=1):
        indicator = log.create_missing(
            Indicator,
            {"slug": spec.slug},
            {
                "name": spec.name,
                "subject": spec.subject,
                "subject_plural": spec.plural,
                "explanation": spec.explanation,
                "unit": spec.unit,
                "field_of_action": fields[spec.field],
                "source_name": spec.source_name,
                "source_table": spec.source_table,
                "source_url": spec.source_url,
                "data_date": datetime.date(2024, 6, 30),
                "aggregation": spec.aggregation,
                "aggregation_note": spec.aggregation_note,
                "genesis_code": spec.genesis_code,
                "order": order,
                "is_demo": True,
            },
        )
        indicators[spec.slug] = indicator
        if (Indicator, indicator.pk) in log._new:
            log.set_related(indicator, "reports", [documents[slug] for slug in spec.reports])
        if not indicator.is_demo:
            continue
        existing = set(
            Value.objects.filter(indicator=indicator).values_list("municipality_id", "year")
        )
        missing = [
            value
            for value in _indicator_values(spec, indicator, towns)
            if (value.municipality_id, value.year) not in existing
        ]
        if missing:
            bulk_create_with_history(missing, Value, default_change_reason="Beispielwerte")
            log.created[Value] += len(missing)
    return indicators
