"""The search's first synonyms: words citizens type for the region's topics, and the words the
portal uses for them. Editors own the list once it exists (admin "Synonyme")."""

from search.models import Synonym

from .base import SeedLog

# term: the words it finds as well
SYNONYMS = {
    "Radweg": "Veloroute, Radverkehr",
    "Fahrradweg": "Veloroute, Radverkehr",
    "Fahrrad": "Veloroute, Radverkehr",
    "Radfahren": "Veloroute, Radverkehr",
    "Radverkehr": "Veloroute",
    "Radschnellweg": "Veloroute",
    "Pendler": "Pendlerinnen, Mobilität",
    "ÖPNV": "Mobilstation, Bus, Nahverkehr",
    "Nahverkehr": "Mobilstation, Bus",
    "Umsteigen": "Mobilstation",
    "Wohnungsbau": "Wohnregion, Wohnungsmarkt",
    "Miete": "Wohnungsmarkt, Wohnregion",
    "Wohnungsnot": "Wohnungsmarkt, Wohnregion",
    "Bauland": "Siedlungsentwicklung",
    "Baugebiet": "Siedlungsentwicklung, Bauleitplanung",
    "Bebauungsplan": "Bauleitplanung",
    "Klimawandel": "Klimaschutz",
    "CO2": "Klimaschutz, CO₂",
    "Energiesparen": "Energieberatung, Altbausanierung",
    "Dämmung": "Altbausanierung, Energieberatung",
    "Heizung": "Altbausanierung, Energieberatung",
    "Sanierung": "Altbausanierung",
    "Schule": "Schulentwicklung",
    "Gemeinderat": "Rätetreffen, Räte",
    "Ratsmitglied": "Rätetreffen, Ratsmitglieder",
    "Bürgermeister": "Bürgermeisterinnen, Bürgermeisterrunde",
    "Gemeinde": "Kommune",
    "Landkreis": "Kreis",
    "einfache Sprache": "Leichte Sprache",
}


def load_synonyms(log: SeedLog) -> None:
    for term, equivalents in SYNONYMS.items():
        log.create_missing(Synonym, {"term": term}, {"equivalents": equivalents})
