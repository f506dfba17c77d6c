"""Builds the databases of `make bench`: the demo seed, and the seed grown to N times its size.

Today's data is the demo seed; growing adds per factor about 10 meetings, 40 agenda items, 50
documents, 20 memberships (20 current in all, about the seats of a body), 2 projects and 6 news
items, linked to the pages that are timed. Every database is ANALYZEd, so that the query planner
knows its size, as a server's autovacuum would.

Run by scripts/bench.py in a process of its own per database (settings from the environment):
    bench_data.py <factor> <urls.json>   -> writes the timed pages' addresses to urls.json
"""

import datetime
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

import django


def seed_small() -> dict:
    """Today's data: the demo seed. Its anchors are the detail pages we time."""
    from django.core.management import call_command

    from figures.models import Indicator
    from governance.models import Body, Document, Meeting
    from members.models import Municipality
    from pages.models import NewsArticle, Page
    from projects.models import FieldOfAction, Project, WorkingGroup

    call_command("seed_demo", verbosity=0)
    return {
        "municipality": Municipality.objects.get(slug="havixbeck"),
        "field": FieldOfAction.objects.order_by("order").first(),
        "project": Project.objects.published().first(),
        "group": WorkingGroup.objects.published().first(),
        "body": Body.objects.get(slug="beirat"),
        "meeting": Meeting.objects.published().filter(body__slug="beirat").last(),
        "document": Document.objects.published().first(),
        "news": NewsArticle.objects.published().first(),
        "page": Page.objects.get(slug="impressum"),
        "indicator": Indicator.objects.get(slug="bevoelkerung"),
    }


def grow(anchors: dict, *, factor: int, batch: int) -> None:
    """About `factor` times today's data, linked to the anchors so that their pages see it too:
    meetings, agenda items, documents, memberships (most of them former), projects and news."""
    from governance.models import AgendaItem, Body, Document, Meeting, Membership
    from members.models import Municipality
    from pages.models import NewsArticle
    from projects.models import Project

    now = datetime.datetime.now(datetime.UTC)
    bodies = list(Body.objects.all())
    towns = list(Municipality.objects.all())
    pdf = anchors["document"].file.name
    meetings = Meeting.objects.bulk_create(
        Meeting(
            body=anchors["body"] if i % 2 else bodies[i % len(bodies)],
            title=f"Sitzung {i}", slug=f"bench-sitzung-{batch}-{i}", is_published=True,
            start=now + datetime.timedelta(days=7 * (i - 5 * factor)),  # years back and ahead
        )
        for i in range(10 * factor)
    )  # fmt: skip
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, number=str(n), title=f"Punkt {n}")
        for meeting in meetings
        for n in range(1, 5)
    )
    projects = Project.objects.bulk_create(
        Project(
            title=f"Projekt {i}", slug=f"bench-projekt-{batch}-{i}", is_published=True, summary="Projekt",
            field_of_action=anchors["field"], start_date=datetime.date(2024, 1, 1),
        )
        for i in range(2 * factor)
    )  # fmt: skip
    Project.municipalities.through.objects.bulk_create(
        Project.municipalities.through(project=project, municipality=anchors["municipality"])
        for project in projects
    )
    Document.objects.bulk_create(
        Document(
            title=f"Dokument {i}", slug=f"bench-dokument-{batch}-{i}", kind="vorlage", is_published=True,
            date=datetime.date(2019, 1, 1) + datetime.timedelta(days=i % 2500), file=pdf,
            body=anchors["body"], meeting=meetings[i % len(meetings)],
            project=anchors["project"] if i % 3 == 0 else projects[i % len(projects)],
            field_of_action=anchors["field"],
        )
        for i in range(50 * factor)
    )  # fmt: skip
    Membership.objects.bulk_create(
        Membership(
            body=anchors["body"], person_name=f"Mitglied {i}", municipality=towns[i % len(towns)],
            start_date=datetime.date(2000 + i % 20, 1, 1),
            end_date=None if i < 20 else datetime.date(2001 + i % 20, 1, 1),  # 20 current
        )
        for i in range(20 * factor)
    )  # fmt: skip
    news = NewsArticle.objects.bulk_create(
        NewsArticle(
            title=f"Meldung {i}", slug=f"bench-meldung-{batch}-{i}", teaser="Kurz", text="Text",
            is_published=True, date=datetime.date(2020, 1, 1) + datetime.timedelta(days=i),
        )
        for i in range(6 * factor)
    )  # fmt: skip
    NewsArticle.municipalities.through.objects.bulk_create(
        NewsArticle.municipalities.through(
            newsarticle=article, municipality=anchors["municipality"]
        )
        for article in news
    )


def grow_figures(anchors: dict, *, indicators: int = 20, years: int = 30) -> None:
    """The Berichtswesen at full size, whatever the factor: 20 indicators × 12 towns × 30 years
    (the seed has 12 × 12 × 10)."""
    from figures.models import Indicator, Value
    from members.models import Municipality

    template = anchors["indicator"]
    for i in range(Indicator.objects.count(), indicators):
        Indicator.objects.create(
            name=f"Zahl {i}", slug=f"bench-zahl-{i}", subject="Die Zahl", explanation="Zahl",
            unit="Personen", field_of_action=template.field_of_action,
            source_name="Bench", data_date=template.data_date,
        )  # fmt: skip
    towns = list(Municipality.objects.all())
    stored = set(Value.objects.values_list("indicator_id", "municipality_id", "year"))
    Value.objects.bulk_create(
        Value(indicator_id=indicator, municipality=town, year=year, value=1000 + year + n)
        for indicator in Indicator.objects.values_list("pk", flat=True)
        for n, town in enumerate(towns)
        for year in range(2024 - years, 2024)
        if (indicator, town.pk, year) not in stored
    )


def page_urls(anchors: dict) -> list[tuple[str, str]]:
    from django.urls import NoReverseMatch, reverse

    named = [
        ("Startseite", "home"),
        ("Kommunen", "members:list"),
        ("Handlungsfelder", "projects:field_list"),
        ("Projekte", "projects:project_list"),
        ("Arbeitsgruppen", "projects:group_list"),
        ("Gremien", "governance:body_list"),
        ("Termine", "governance:meeting_list"),
        ("Dokumente", "governance:document_list"),
        ("Chronik", "governance:timeline"),
        ("Karte", "map"),
        ("Kartendaten (GeoJSON)", "map_data"),
        ("Datenschutz-Einstell.", "consent_settings"),
        ("Feedback-Formular", "feedback"),
        ("Sitemap (Index)", "sitemap"),
        ("Aktuelles", "news:list"),
        ("Feed Dokumente", "governance:document_feed"),
        ("Feed Termine", "governance:meeting_feed"),
        ("Kalender Termine", "governance:meeting_calendar"),
        ("Offene Daten", "opendata:index"),
        ("Zahlen und Berichte", "figures:index"),
        ("DCAT-Katalog", "opendata:catalogue_ttl"),
        ("OParl System", "oparl:system"),
    ]
    urls = []
    for label, name in named:
        try:
            urls.append((label, reverse(name)))
        except NoReverseMatch:
            print(f"  (skipped {label}: no URL named {name!r})")
    for key in ("municipality", "field", "project", "group", "body", "meeting", "document",
                "news", "page", "indicator"):  # fmt: skip
        urls.append((f"{key} (Detail)", anchors[key].get_absolute_url()))
    urls += [
        ("Sitemap Dokumente", "/sitemap-dokumente.xml"),
        ("Suche „Wohnen“", "/suche/?q=Wohnen"),
        ("Suche „Radwege“", "/suche/?q=Radwege"),  # synonyms and parts of words
        ("Suche „Havixbek“", "/suche/?q=Havixbek"),  # no hits: "Meinten Sie …?"
    ]
    return urls


def oparl_meeting_list() -> list[tuple[str, str]]:
    """The OParl meeting list of the Stadtregion's body, found as a client finds it."""
    from django.test import Client

    try:
        body = Client().get("/oparl/v1/body/").json()["data"][0]
        return [("OParl Sitzungen", urlsplit(body["meeting"]).path)]
    except (KeyError, IndexError, ValueError):
        return []


def analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def main() -> int:
    factor, target = int(sys.argv[1]), Path(sys.argv[2])
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    anchors = seed_small()
    if factor > 1:
        grow(anchors, factor=factor, batch=1)
        grow_figures(anchors)
        # Bulk-created rows send no signals: their search entries are written in one go.
        call_command("search_reindex", verbosity=0)
    analyze()
    target.write_text(json.dumps(page_urls(anchors) + oparl_meeting_list()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
