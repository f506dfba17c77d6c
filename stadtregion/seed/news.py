"""News articles (Aktuelles) about the cooperation's documented history (docs/architecture.md, "Demo content").

The facts are real; the wording is ours. An article counts as real (``is_demo=False``) only
when it restates documented facts and its date is the documented day of the event. Where the
sources give only a month or a year, the day is ours, so the article is marked as demo content.
Articles belong to the editors once they exist: the seed creates missing ones and never
changes an existing one (keyed on the slug), like the pages.
"""

import datetime
from dataclasses import dataclass

from members.models import Municipality
from pages.models import NewsArticle
from projects.models import FieldOfAction, Project

from .base import SeedLog


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    date: datetime.date
    teaser: str
    text: str
    fields: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    is_demo: bool = True


ARTICLES = [
    Article(
        "european-energy-award-2015",
        "Stadtregion Münster ist „Energie- und Klimaschutzregion“",
        datetime.date(2015, 6, 19),
        "Als erste Region in Deutschland hat die Stadtregion Münster das Label des European "
        "Energy Award als „Energie- und Klimaschutzregion“ erhalten.",
        "Am 19. Juni 2015 hat die Stadtregion Münster das Label des European Energy Award als "
        "„Energie- und Klimaschutzregion“ erhalten. Sie ist damit die erste Region in "
        "Deutschland mit dieser Auszeichnung.\n\n"
        "Das Ziel der Kommunen: Die Stadtregion soll bis 2050 CO2-neutral sein. Dazu gehören "
        "gemeinsame Projekte:\n\n"
        "- Klimaschutz-Mindeststandards in der Bauleitplanung\n"
        "- Altbausanierung\n"
        "- regionaler Radverkehr",
        fields=("klimaschutz",),
        projects=(
            "european-energy-award",
            "klimaschutz-mindeststandards-bauleitplanung",
            "altbausanierung",
        ),
        is_demo=False,
    ),
    Article(
        "erstes-raetetreffen-2017",
        "Erstes Rätetreffen: Regionales Zukunftsforum Mobilität und Wohnen",
        datetime.date(2017, 11, 6),
        "Rund 200 Ratsmitglieder aus den zwölf Kommunen haben im LWL-Museum über Mobilität "
        "und Wohnen in der Stadtregion beraten.",
        "Am 6. November 2017 fand das erste Rätetreffen der Stadtregion Münster statt. Unter "
        "dem Titel „Regionales Zukunftsforum Mobilität und Wohnen“ kamen im LWL-Museum rund "
        "200 Teilnehmende zusammen. Sie arbeiteten in 12 Arbeitsgruppen.\n\n"
        "Zum Rätetreffen lädt die Bürgermeisterrunde ein. Es steht allen Ratsmitgliedern der "
        "zwölf Kommunen offen.",
        fields=("wohnen", "mobilitaet"),
        is_demo=False,
    ),
    Article(
        "kontrakt-2018",
        "Alle zwölf Räte beraten den Kontrakt zur Zusammenarbeit",
        # "End of 2018": the day is ours.
        datetime.date(2018, 12, 31),
        "Ende 2018 haben alle zwölf Räte den Kontrakt zur Zusammenarbeit in der Stadtregion "
        "Münster gleichlautend beschlossen.",
        "Ende 2018 haben die Räte aller zwölf Städte und Gemeinden den Kontrakt zur "
        "Zusammenarbeit in der Stadtregion Münster beraten und gleichlautend beschlossen. "
        "Zusammen mit dem Kontrakt ging es um das Handlungskonzept für zwei Leitprojekte: "
        "„Wohnregion 2030“ und „Velorouten“.\n\n"
        "2019 wurde der Kontrakt mit einer neuen Zusammensetzung des Beirats Stadtregion "
        "erneut beschlossen.",
        fields=("wohnen", "mobilitaet"),
        projects=("wohnregion-2030", "velorouten"),
    ),
    Article(
        "veloregion-online-2020",
        "veloregion.de ist online: 14 Velorouten mit 218 Kilometern",
        # "October 2020": the day is ours.
        datetime.date(2020, 10, 1),
        "Im Oktober 2020 ist die Website veloregion.de gestartet. Sie zeigt 14 Velorouten mit "
        "zusammen 218 Kilometern.",
        "Im Oktober 2020 ist die Website [veloregion.de](https://www.veloregion.de) online "
        "gegangen. Sie stellt die 14 Velorouten der Stadtregion Münster vor, zusammen "
        "218 Kilometer.\n\n"
        "Die Velorouten sind eines der beiden Leitprojekte aus dem Handlungskonzept, das die "
        "Räte Ende 2018 zusammen mit dem Kontrakt beraten haben.",
        fields=("mobilitaet",),
        projects=("velorouten",),
    ),
    Article(
        "wohnungsmarktbeobachtung-2022",
        "Bericht zur Wohnungsmarktbeobachtung in allen Räten",
        # "2022": the day is ours.
        datetime.date(2022, 6, 30),
        "Der Bericht „Entwicklungsorientierte Wohnungsmarktbeobachtung“ mit 45 örtlichen "
        "Profilen wurde 2022 in allen Räten beraten.",
        "2022 haben alle Räte der Stadtregion den Bericht „Entwicklungsorientierte "
        "Wohnungsmarktbeobachtung“ (eWoMaB) beraten. Er enthält 45 örtliche Profile.\n\n"
        "Zum Hintergrund: Die Region wächst. Von 2010 bis 2020 stieg die Zahl "
        "der Einwohnerinnen und Einwohner um 9 Prozent, die Zahl der Beschäftigten um "
        "25 Prozent und die Zahl der Pendlerinnen und Pendler um 17 Prozent.",
        fields=("wohnen",),
        projects=("ewomab", "wohnregion-2030"),
    ),
    Article(
        "drittes-raetetreffen-2024",
        "Drittes Rätetreffen: „Kaleidoskop Stadtregion Münster“",
        datetime.date(2024, 9, 18),
        "Rund 180 Teilnehmende kamen am 18. September 2024 zum dritten Rätetreffen der "
        "Stadtregion Münster.",
        "Am 18. September 2024 fand das dritte Rätetreffen der Stadtregion Münster statt. Es "
        "stand unter dem Titel „Kaleidoskop Stadtregion Münster“. Rund 180 Teilnehmende "
        "waren dabei.\n\n"
        "Das erste Rätetreffen gab es am 6. November 2017, das zweite 2022 als „Sommerfest "
        "Stadtregion“.",
        is_demo=False,
    ),
]


def load_news(
    log: SeedLog,
    *,
    fields: dict[str, FieldOfAction],
    projects: dict[str, Project],
    municipalities: dict[str, Municipality],
) -> dict[str, NewsArticle]:
    """Creates the articles that are missing, with their links; existing ones stay untouched."""
    articles = {}
    for data in ARTICLES:
        existed = NewsArticle.objects.filter(slug=data.slug).exists()
        values = {
            "title": data.title,
            "date": data.date,
            "teaser": data.teaser,
            "text": data.text,
            "is_demo": data.is_demo,
            "is_published": True,
        }
        article = log.create_missing(NewsArticle, {"slug": data.slug}, values)
        if not existed:
            log.set_related(article, "fields_of_action", [fields[s] for s in data.fields])
            log.set_related(article, "projects", [projects[s] for s in data.projects])
            log.set_related(article, "municipalities", [municipalities[s] for s in data.members])
        articles[data.slug] = article
    return articles
