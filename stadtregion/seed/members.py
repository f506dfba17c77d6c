"""The twelve member municipalities (public statistics) and demo contact persons."""

import math
from decimal import Decimal as D
from typing import NamedTuple

from members.models import ContactPerson, Municipality

from .base import SeedLog

KREISFREI = "kreisfreie Stadt"
COE, ST, WAF = "Kreis Coesfeld", "Kreis Steinfurt", "Kreis Warendorf"
# Official names: these five are towns (Städte), the other seven Gemeinden.
STAEDTE = {"drensteinfurt", "greven", "muenster", "sendenhorst", "telgte"}


class Member(NamedTuple):
    name: str
    slug: str
    district: str
    population: int
    population_year: int
    area_km2: str
    latitude: str  # town centre, WGS84
    longitude: str
    domain: str
    # Amtlicher Gemeindeschlüssel, from the Gemeindeverzeichnis of Destatis (GV-ISys): Kreis
    # prefix (05515 Münster, 05558 Coesfeld, 05566 Steinfurt, 05570 Warendorf) + number.
    ags: str

    @property
    def kind(self) -> str:
        return "Stadt" if self.slug in STAEDTE else "Gemeinde"


# Figures: Wikipedia infoboxes / IT.NRW; Everswinkel's population is rounded ("rund").
# fmt: off
MEMBERS = [
    Member("Altenberge", "altenberge", ST, 10438, 2023, "62.96", "52.0455", "7.4653", "altenberge.de", "05566004"),
    Member("Ascheberg", "ascheberg", COE, 16012, 2023, "106.32", "51.7889", "7.6203", "ascheberg.de", "05558004"),
    Member("Drensteinfurt", "drensteinfurt", WAF, 15865, 2023, "106.6", "51.7950", "7.7394", "drensteinfurt.de", "05570016"),
    Member("Everswinkel", "everswinkel", WAF, 9800, 2023, "69.12", "51.9253", "7.8478", "everswinkel.de", "05570024"),
    Member("Greven", "greven", ST, 38321, 2023, "140.26", "52.0917", "7.6083", "greven.net", "05566012"),
    Member("Havixbeck", "havixbeck", COE, 12357, 2024, "53.17", "51.9781", "7.4168", "havixbeck.de", "05558020"),
    Member("Münster", "muenster", KREISFREI, 320946, 2022, "302.89", "51.9625", "7.6256", "stadt-muenster.de", "05515000"),
    Member("Nottuln", "nottuln", COE, 19672, 2021, "85.64", "51.9281", "7.3531", "nottuln.de", "05558032"),
    Member("Ostbevern", "ostbevern", WAF, 11116, 2020, "89.65", "52.0390", "7.8460", "ostbevern.de", "05570032"),
    Member("Senden", "senden", COE, 20991, 2023, "109.1", "51.8572", "7.4828", "senden-westfalen.de", "05558044"),
    Member("Sendenhorst", "sendenhorst", WAF, 14167, 2024, "96.95", "51.8433", "7.8278", "sendenhorst.de", "05570040"),
    Member("Telgte", "telgte", WAF, 20301, 2023, "90.9", "51.9817", "7.7858", "telgte.de", "05570044"),
]
# fmt: on
APPROXIMATE = {"everswinkel"}
FOUNDED, OSTBEVERN_JOINED = 2001, 2007

MUENSTER_TEXT = (
    "Münster ist kreisfreie Stadt und Oberzentrum der Region. Bei der Stadt Münster ist die "
    "Geschäftsstelle der Stadtregion angesiedelt."
)


_DIRECTIONS = [
    "östlich",
    "nordöstlich",
    "nördlich",
    "nordwestlich",
    "westlich",
    "südwestlich",
    "südlich",
    "südöstlich",
]


def direction_from_muenster(latitude: D, longitude: D) -> str:
    """Compass direction of a town centre seen from Münster's (eight sectors)."""
    # A degree of longitude is ~0.62 of a degree of latitude at 52° N.
    dy = float(latitude) - 51.9625
    dx = (float(longitude) - 7.6256) * 0.616
    sector = round(math.degrees(math.atan2(dy, dx)) / 45) % 8
    return _DIRECTIONS[sector]


def _description(member: Member) -> str:
    if member.slug == "muenster":
        return MUENSTER_TEXT
    position = direction_from_muenster(D(member.latitude), D(member.longitude))
    text = f"Die {member.kind} {member.name} im {member.district} liegt {position} von Münster."
    if member.slug == "ostbevern":
        return f"{text} Ostbevern gehört seit 2007 zur Stadtregion."
    return f"{text} {member.name} arbeitet seit 2001 in der Stadtregion mit."


def municipality_values(order: int, member: Member) -> dict:
    return {
        "name": member.name,
        "official_name": f"{member.kind} {member.name}",
        "district": member.district,
        "ags": member.ags,
        "population": member.population,
        "population_year": member.population_year,
        "population_approximate": member.slug in APPROXIMATE,
        "area_km2": D(member.area_km2),
        "latitude": D(member.latitude),
        "longitude": D(member.longitude),
        "website": f"https://www.{member.domain}",
        # Plausible address on the municipality's own domain; to be verified by the office.
        "service_portal_url": f"https://www.{member.domain}/serviceportal",
        "description": _description(member),
        # Founding members since 2001, Ostbevern joined in 2007 (public chronology).
        "joined_year": OSTBEVERN_JOINED if member.slug == "ostbevern" else FOUNDED,
        "order": order,
    }


def load_municipalities(log: SeedLog) -> dict[str, Municipality]:
    return {
        member.slug: log.upsert(
            Municipality, {"slug": member.slug}, municipality_values(order, member)
        )
        for order, member in enumerate(MEMBERS, start=1)
    }


# Invented phone numbers from the block the Bundesnetzagentur keeps free for film and fiction
# (0221 4710 000 to 999), so no demo number reaches a real line. Real numbers replace them when
# a town publishes its contact's.
DEMO_PHONE = "0221 4710 {:03d}"

OFFICE_CONTACTS = [
    ("Beispiel-Leitung der Geschäftsstelle", "Leitung der Geschäftsstelle", "geschaeftsstelle"),
    ("Beispiel-Referentin der Geschäftsstelle", "Referentin Stadtregion", "referat"),
]


def load_contacts(
    log: SeedLog, municipalities: dict[str, Municipality]
) -> dict[str, ContactPerson]:
    """One demo contact per member administration and two for the Geschäftsstelle.

    Names, addresses and phone numbers are invented (example.org, DEMO_PHONE), never real
    people's details; the contacts are marked as demo content.
    """
    contacts = {}
    for municipality in municipalities.values():
        contacts[municipality.slug] = log.upsert(
            ContactPerson,
            {"name": f"Beispiel-Ansprechperson {municipality.name}", "municipality": municipality},
            {
                "role": "Ansprechperson Stadtregion",
                "email": f"stadtregion.{municipality.slug}@example.org",
                "phone": DEMO_PHONE.format(100 + municipality.order),
                "is_public": True,
                "is_demo": True,
                "order": municipality.order,
            },
        )
    for order, (name, role, mailbox) in enumerate(OFFICE_CONTACTS, start=1):
        contacts[mailbox] = log.upsert(
            ContactPerson,
            {"name": name, "municipality": None},
            {
                "role": role,
                "email": f"stadtregion.{mailbox}@example.org",
                "phone": DEMO_PHONE.format(order),
                "is_public": True,
                "is_demo": True,
                "order": order,
            },
        )
    return contacts
