"""Working groups and projects: the real Leitprojekte plus clearly marked demo examples."""

import datetime
from dataclasses import dataclass
from decimal import Decimal as D
from functools import partial

from members.models import Municipality
from projects.models import FieldOfAction, Project, WorkingGroup

from .base import SeedLog
from .members import MEMBERS

ALL = tuple(member.slug for member in MEMBERS)
_CENTRES = {member.slug: (D(member.latitude), D(member.longitude)) for member in MEMBERS}
_NAMES = {member.slug: member.name for member in MEMBERS}

WG = WorkingGroup.Kind
# No working group's name or membership is in the public sources, so all of them are demo.
WORKING_GROUPS = [
    ("ag-wohnregion-2030", "Arbeitsgruppe Wohnregion 2030", WG.ARBEITSGRUPPE, "wohnen", ALL,
     ("referat", "muenster"),
     "Begleitet das Leitprojekt „Wohnregion 2030“ und bereitet Beschlüsse vor."),
    ("ak-wohnungsmarktbeobachtung", "Arbeitskreis Wohnungsmarktbeobachtung", WG.ARBEITSKREIS,
     "wohnen", ALL, ("geschaeftsstelle",),
     "Stimmt Daten und Kennzahlen für die gemeinsame Wohnungsmarktbeobachtung ab."),
    ("ag-velorouten", "Arbeitsgruppe Velorouten", WG.ARBEITSGRUPPE, "mobilitaet", ALL,
     ("referat", "greven"),
     "Koordiniert Planung, Beschilderung und Pflege der Velorouten."),
    ("ak-mobilstationen", "Arbeitskreis Mobilstationen", WG.ARBEITSKREIS, "mobilitaet",
     ("senden", "ascheberg", "drensteinfurt", "sendenhorst", "muenster"), ("senden",),
     "Tauscht Erfahrungen zu Stationen aus, an denen man zwischen Rad, Bus und Auto wechselt."),
    ("arge-klimaschutzregion", "Arbeitsgemeinschaft Energie- und Klimaschutzregion",
     WG.ARBEITSGEMEINSCHAFT, "klimaschutz", ALL, ("geschaeftsstelle", "telgte"),
     "Steuert die gemeinsame Arbeit im European Energy Award."),
    ("ak-altbausanierung", "Arbeitskreis Altbausanierung", WG.ARBEITSKREIS, "klimaschutz",
     ("sendenhorst", "drensteinfurt", "telgte", "everswinkel", "ostbevern", "muenster"),
     ("sendenhorst",),
     "Plant Beratungsangebote für Eigentümerinnen und Eigentümer älterer Gebäude."),
    ("arge-schulentwicklungsplanung", "Arbeitsgemeinschaft Schulentwicklungsplanung",
     WG.ARBEITSGEMEINSCHAFT, "schulentwicklung",
     ("muenster", "havixbeck", "nottuln", "senden", "ascheberg", "altenberge", "greven"),
     ("havixbeck",),
     "Die Schulträger tauschen Daten und Planungen zur Schulentwicklung aus."),
]  # fmt: skip


def load_working_groups(log, fields, municipalities, contacts) -> dict[str, WorkingGroup]:
    groups = {}
    for slug, name, kind, field_slug, members, contact_keys, summary in WORKING_GROUPS:
        group = log.upsert(
            WorkingGroup,
            {"slug": slug},
            {
                "name": name,
                "kind": kind,
                "field_of_action": fields[field_slug],
                "summary": summary,
                "description": summary,
                "is_demo": True,
                "is_published": True,
            },
        )
        log.set_related(group, "municipalities", [municipalities[s] for s in members])
        log.set_related(group, "contacts", [contacts[key] for key in contact_keys])
        groups[slug] = group
    return groups


@dataclass
class ProjectData:
    slug: str
    title: str
    field: str
    status: str
    summary: str
    description: str
    group: str | None = None
    members: tuple[str, ...] = ALL
    start: datetime.date | None = None
    end: datetime.date | None = None
    place: str = ""  # a municipality slug: the marker sits on its town centre
    website: str = ""
    is_demo: bool = False


S = Project.Status
Demo = partial(ProjectData, is_demo=True)


def real_projects() -> list[ProjectData]:
    # Start and end days are not in the public sources, so the real projects carry none.
    return [
        ProjectData(
            "wohnregion-2030", "Leitprojekt „Wohnregion 2030“", "wohnen", S.RUNNING,
            "Die zwölf Kommunen entwickeln das Wohnen in der Region gemeinsam weiter.",
            "Das Leitprojekt gehört zum Handlungskonzept, das alle zwölf Räte Ende 2018 "
            "beraten haben, als sie den Kontrakt beschlossen.",
            group="ag-wohnregion-2030",
        ),
        ProjectData(
            "velorouten", "Leitprojekt „Velorouten“", "mobilitaet", S.RUNNING,
            "14 Velorouten mit zusammen 218 Kilometern verbinden Münster mit dem Umland.",
            "Die Velorouten sind Teil des Handlungskonzepts von 2018. Seit Oktober 2020 "
            "stellt die Website veloregion.de alle 14 Routen vor.",
            group="ag-velorouten", website="https://www.veloregion.de",
        ),
        ProjectData(
            "ewomab", "Entwicklungsorientierte Wohnungsmarktbeobachtung (eWoMaB)", "wohnen",
            S.COMPLETED,
            "Ein gemeinsamer Bericht über die Wohnungsmärkte der Region mit 45 lokalen Profilen.",
            "Der Bericht wurde 2022 in allen zwölf Räten vorgestellt und beraten.",
            group="ak-wohnungsmarktbeobachtung",
        ),
        ProjectData(
            "klimaschutz-mindeststandards-bauleitplanung",
            "Klimaschutz-Mindeststandards in der Bauleitplanung", "klimaschutz", S.RUNNING,
            "Gemeinsame Mindeststandards für den Klimaschutz in neuen Bebauungsplänen.",
            "Ein Projekt der Energie- und Klimaschutzregion auf dem Weg zur CO₂-Neutralität "
            "bis 2050.",
            group="arge-klimaschutzregion",
        ),
        ProjectData(
            "altbausanierung", "Altbausanierung", "klimaschutz", S.RUNNING,
            "Ältere Gebäude energetisch sanieren: ein gemeinsames Anliegen der Region.",
            "Ein Projekt der Energie- und Klimaschutzregion. Ein großer Teil der Emissionen "
            "entsteht beim Heizen älterer Gebäude.",
            group="ak-altbausanierung",
        ),
        ProjectData(
            "european-energy-award", "European Energy Award Stadtregion", "klimaschutz",
            S.RUNNING,
            "Seit dem 19. Juni 2015 ist die Stadtregion „Energie- und Klimaschutzregion“.",
            "Die Stadtregion Münster erhielt als erste Region in Deutschland das Label des "
            '<span lang="en">European Energy Award</span>. Ziel ist eine CO₂-neutrale Region '
            "bis 2050.",
            group="arge-klimaschutzregion",
        ),
    ]  # fmt: skip


def demo_projects(today: datetime.date) -> list[ProjectData]:
    # Planned projects start next year, whenever the seed runs, so they stay "planned".
    next_year = today.year + 1
    return [
        Demo(
            "rastplaetze-velorouten", "Rastplätze an den Velorouten", "mobilitaet", S.PLANNED,
            "Bänke, Radbügel und Infotafeln an den Startpunkten der Velorouten.",
            "Die Kommunen im Norden und Westen planen einheitlich gestaltete Rastplätze.",
            group="ag-velorouten", members=("greven", "altenberge", "havixbeck", "nottuln"),
            start=datetime.date(next_year, 4, 1), end=datetime.date(next_year + 1, 10, 31),
            place="greven",
        ),
        Demo(
            "mobilstationen-umland", "Mobilstationen im Umland", "mobilitaet", S.PLANNED,
            "Umsteigen zwischen Rad, Bus und Auto an gut erreichbaren Stationen.",
            "Ein erster Standort soll im Ortskern von Senden entstehen.",
            group="ak-mobilstationen", members=("senden", "ascheberg", "drensteinfurt"),
            start=datetime.date(next_year, 9, 1), place="senden",
        ),
        Demo(
            "modellquartier-gemeinschaftliches-wohnen",
            "Modellquartier gemeinschaftliches Wohnen", "wohnen", S.RUNNING,
            "Ein Wohnquartier für Jung und Alt mit gemeinsam genutzten Räumen.",
            "Everswinkel und Ostbevern erproben, wie gemeinschaftliches Wohnen im ländlichen "
            "Raum gelingt, und teilen ihre Erfahrungen mit der Region.",
            group="ag-wohnregion-2030", members=("everswinkel", "ostbevern"),
            start=datetime.date(2024, 3, 1), place="everswinkel",
        ),
        Demo(
            "energieberatungstage-altbau-2023", "Energieberatungstage Altbau 2023",
            "klimaschutz", S.COMPLETED,
            "Kostenlose Erstberatung für Eigentümerinnen und Eigentümer älterer Häuser.",
            "An vier Orten im Osten der Region gab es Beratungstage zur Sanierung.",
            group="ak-altbausanierung",
            members=("sendenhorst", "drensteinfurt", "telgte", "everswinkel"),
            start=datetime.date(2023, 2, 1), end=datetime.date(2023, 11, 30),
            place="sendenhorst",
        ),
        Demo(
            "datengrundlage-schulentwicklungsplanung",
            "Gemeinsame Datengrundlage für die Schulentwicklungsplanung", "schulentwicklung",
            S.RUNNING,
            "Schülerzahlen und Schulwege werden einheitlich erfasst und ausgewertet.",
            "Die beteiligten Schulträger nutzen dieselben Kennzahlen und Prognosen.",
            group="arge-schulentwicklungsplanung",
            members=("muenster", "havixbeck", "nottuln", "senden", "ascheberg"),
            start=datetime.date(2025, 1, 1), place="havixbeck",
        ),
        Demo(
            "schulwege-ueber-gemeindegrenzen",
            "Schulwege über Gemeindegrenzen – Bestandsaufnahme", "schulentwicklung",
            S.COMPLETED,
            "Wie viele Kinder besuchen eine Schule in der Nachbarkommune?",
            "Die Bestandsaufnahme zeigt die Schulwege zwischen den beteiligten Kommunen.",
            group="arge-schulentwicklungsplanung",
            members=("altenberge", "greven", "ostbevern", "telgte", "muenster"),
            start=datetime.date(2023, 8, 1), end=datetime.date(2024, 7, 31),
        ),
    ]  # fmt: skip


def _project_values(data: ProjectData, fields, groups) -> dict:
    latitude, longitude = _CENTRES[data.place] if data.place else (None, None)
    return {
        "title": data.title,
        "field_of_action": fields[data.field],
        "working_group": groups[data.group] if data.group else None,
        "status": data.status,
        "start_date": data.start,
        "end_date": data.end,
        "summary": data.summary,
        "description": data.description,
        "location_name": f"{_NAMES[data.place]}, Ortsmitte" if data.place else "",
        "latitude": latitude,
        "longitude": longitude,
        "website": data.website,
        "is_demo": data.is_demo,
        "is_published": True,
    }


def load_projects(
    log: SeedLog,
    fields: dict[str, FieldOfAction],
    groups: dict[str, WorkingGroup],
    municipalities: dict[str, Municipality],
    today: datetime.date,
) -> dict[str, Project]:
    projects = {}
    for data in real_projects() + demo_projects(today):
        project = log.upsert(Project, {"slug": data.slug}, _project_values(data, fields, groups))
        log.set_related(project, "municipalities", [municipalities[s] for s in data.members])
        projects[data.slug] = project
    return projects
