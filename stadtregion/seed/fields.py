"""The four fields of action (Handlungsfelder), grounded in the cooperation's public record."""

from projects.models import FieldOfAction

from .base import SeedLog

FIELDS = [
    {
        "slug": "wohnen",
        "name": "Siedlungsentwicklung/Wohnen",
        "summary": (
            "Die Region wächst. Die zwölf Kommunen stimmen ihre Siedlungsentwicklung ab und "
            "beobachten den Wohnungsmarkt gemeinsam."
        ),
        "description": (
            "Zwischen 2010 und 2020 ist die Einwohnerzahl der Stadtregion um rund 9 Prozent "
            "gestiegen. Wohnraum wird knapp, Flächen sind begrenzt – und die Wohnungsmärkte "
            "der zwölf Kommunen hängen eng zusammen.\n\n"
            "Ende 2018 haben alle zwölf Räte das Handlungskonzept mit dem Leitprojekt "
            "„Wohnregion 2030“ beraten. 2022 folgte der Bericht zur entwicklungsorientierten "
            "Wohnungsmarktbeobachtung (eWoMaB) mit 45 lokalen Profilen, der ebenfalls in allen "
            "Räten vorgestellt wurde."
        ),
        "goals": (
            "Wohnraum in der Region bedarfsgerecht und abgestimmt entwickeln "
            "(Leitprojekt „Wohnregion 2030“)\n"
            "Den Wohnungsmarkt gemeinsam beobachten und darüber berichten (eWoMaB)\n"
            "Siedlungsentwicklung über Gemeindegrenzen hinweg abstimmen"
        ),
    },
    {
        "slug": "mobilitaet",
        "name": "Mobilität",
        "summary": (
            "Viele Menschen pendeln zwischen den Kommunen. Velorouten verbinden Münster mit "
            "dem Umland."
        ),
        "description": (
            "Von 2010 bis 2020 ist die Zahl der Pendlerinnen und Pendler in der Stadtregion um "
            "rund 17 Prozent gestiegen. Mobilität endet nicht an der Gemeindegrenze.\n\n"
            "Das Leitprojekt „Velorouten“ gehört seit 2018 zum Handlungskonzept der "
            "Stadtregion. Seit Oktober 2020 informiert die Website "
            "[veloregion.de](https://www.veloregion.de) über 14 Velorouten mit zusammen "
            "218 Kilometern."
        ),
        "goals": (
            "Attraktive Radverbindungen zwischen Münster und den Nachbarkommunen schaffen "
            "(Leitprojekt „Velorouten“)\n"
            "Verkehr über Gemeindegrenzen hinweg gemeinsam planen\n"
            "Informationen für Radfahrende bündeln (veloregion.de)"
        ),
    },
    {
        "slug": "klimaschutz",
        "name": "Klimaschutz",
        "summary": (
            "Energie- und Klimaschutzregion seit 2015: gemeinsam auf dem Weg zur "
            "CO₂-Neutralität bis 2050."
        ),
        "description": (
            "Am 19. Juni 2015 wurde die Stadtregion Münster als erste Region in Deutschland mit "
            'dem <span lang="en">European Energy Award</span> als „Energie- und '
            "Klimaschutzregion“ ausgezeichnet. "
            "Das Ziel: bis 2050 CO₂-neutral werden.\n\n"
            "Gemeinsame Projekte sind Klimaschutz-Mindeststandards in der Bauleitplanung, die "
            "Sanierung älterer Gebäude (Altbausanierung) und der regionale Radverkehr."
        ),
        "goals": (
            "CO₂-Neutralität der Region bis 2050\n"
            "Klimaschutz-Mindeststandards in der Bauleitplanung anwenden\n"
            "Die Sanierung älterer Gebäude voranbringen\n"
            "Den Radverkehr in der Region stärken"
        ),
    },
    {
        "slug": "schulentwicklung",
        "name": "Schulentwicklung",
        "summary": (
            "Schülerinnen und Schüler lernen oft in der Nachbarkommune. Die Kommunen stimmen "
            "ihre Schulentwicklungsplanung miteinander ab."
        ),
        "description": (
            "Jede Kommune plant als Schulträgerin ihr eigenes Schulangebot. Viele Kinder und "
            "Jugendliche besuchen aber eine Schule in einer Nachbarkommune. Deshalb tauschen "
            "sich die Kommunen der Stadtregion zur regionalen Schulentwicklungsplanung aus."
        ),
        "goals": (
            "Schulentwicklungsplanung regional abstimmen\n"
            "Eine gemeinsame Datengrundlage schaffen\n"
            "Erfahrungen zwischen den Schulträgern austauschen"
        ),
    },
]


def load_fields(log: SeedLog) -> dict[str, FieldOfAction]:
    return {
        data["slug"]: log.upsert(
            FieldOfAction,
            {"slug": data["slug"]},
            {key: value for key, value in data.items() if key != "slug"} | {"order": order},
        )
        for order, data in enumerate(FIELDS, start=1)
    }
