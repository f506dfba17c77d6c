"""Data benchmark: render every main page on today's data and on 100 times as much.

Today's data is the demo seed; the large dataset adds about 1,000 meetings, 4,000 agenda items,
5,000 documents, 2,000 memberships (20 of them current, about the seats of a body), 200 projects
and 600 news items, linked to the pages timed.
Prints, per page, the uncached median render time on the seed, on 100 and on 200 times as much,
the ratios large/small and 200x/100x, and the number of SQL queries. The house rules: a fixed
number of queries per page whatever the data, and at most 1.5 times the render time. A page
showing one page of a list costs more only until that page is full (the seed fills few), so a
ratio above 1.5 is marked "page filled" when the cost no longer grows from 100x to 200x, and
"slower" when it still does. Nothing is asserted: this
is for reading, not for CI. Runs on a throwaway SQLite database in a temporary folder (never the
project's db.sqlite3).

Usage: make bench   (or .venv/bin/python scripts/benchmark.py [--repeat N] [--factor N];
BENCH_DATABASE_URL=postgres://... runs it on an empty PostgreSQL database instead)
"""

import argparse
import datetime
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parents[1]


def configure_django(workdir: Path) -> None:
    # Production-like rendering (DEBUG off, cached templates); plain HTTP so the test client is
    # not redirected; quiet logging so that a failing page prints one line, not a traceback.
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "stadtregion.settings",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DJANGO_INSECURE_HTTP": "true",
            "DJANGO_LOG_LEVEL": "CRITICAL",
            "DJANGO_PAGE_CACHE": "false",  # render time is what we measure
            # BENCH_DATABASE_URL: an empty PostgreSQL database instead of a throwaway SQLite file.
            "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL")
            or f"sqlite:///{workdir / 'bench.sqlite3'}",
            "DJANGO_MEDIA_ROOT": str(workdir / "media"),
            "DJANGO_STATIC_ROOT": str(workdir / "static"),
        }
    )
    (workdir / "static").mkdir()  # whitenoise warns about a missing STATIC_ROOT
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import override_settings

    # Pages render without collectstatic; the manifest lookup is not what we measure.
    # override_settings resets the storage an app may already have opened.
    override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()
    call_command("migrate", verbosity=0)


def seed_small() -> dict:
    """Today's data: the demo seed. Its anchors are the detail pages we time."""
    from django.core.management import call_command

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
                "news", "page"):  # fmt: skip
        urls.append((f"{key} (Detail)", anchors[key].get_absolute_url()))
    urls += [
        ("Sitemap Dokumente", "/sitemap-dokumente.xml"),
        ("Suche „Wohnen“", "/suche/?q=Wohnen"),
    ]
    return urls


def oparl_meeting_list(client) -> list[tuple[str, str]]:
    """The OParl meeting list of the Stadtregion's body, found as a client finds it."""
    try:
        body = client.get("/oparl/v1/body/").json()["data"][0]
        return [("OParl Sitzungen", urlsplit(body["meeting"]).path)]
    except (KeyError, IndexError, ValueError):
        return []


def measure(client, url: str, repeat: int) -> tuple[str, float, int]:
    """Returns (status, median seconds, queries of one request)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    try:
        client.get(url)  # warm-up: first-request caches (content types, templates) stay out
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        # Read now: captured_queries is a view on the log that the next request clears.
        query_count = len(queries.captured_queries)
    except Exception as error:  # a broken page is reported, the others are still measured
        print(f"  {url}: {type(error).__name__}: {error}")
        return type(error).__name__, float("nan"), 0
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        timings.append(time.perf_counter() - start)
    return str(response.status_code), statistics.median(timings), query_count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9, help="requests per page (median)")
    parser.add_argument("--factor", type=int, default=100, help="large data = factor × today")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="stadtregion-bench-") as workdir:
        configure_django(Path(workdir))
        from django.test import Client

        client = Client()
        started = time.perf_counter()
        anchors = seed_small()
        urls = page_urls(anchors) + oparl_meeting_list(client)
        small = {url: measure(client, url, args.repeat) for _, url in urls}
        grow(anchors, factor=args.factor, batch=1)
        large = {url: measure(client, url, args.repeat) for _, url in urls}
        grow(anchors, factor=args.factor, batch=2)
        print(f"Data: the demo seed, ×{args.factor} and ×{2 * args.factor} of it "
              f"({time.perf_counter() - started:.0f}s)")  # fmt: skip

        # A page that shows one page of a list costs more on large data only until that page is
        # full: the demo seed fills few pages. The second ratio shows whether cost still grows.
        header = (f"{'page':<24}{'ms small':>9}{f'×{args.factor}':>8}{f'×{2 * args.factor}':>8}"
                  f"{'ratio':>7}{'ratio 2×':>9}{'queries':>10}")  # fmt: skip
        print(f"\nUncached render time, median of {args.repeat}\n{header}\n{'-' * len(header)}")
        slower, growing, broken = [], [], []
        for label, url in urls:
            status, seconds, queries = measure(client, url, args.repeat)
            (_, small_s, small_q), (large_status, large_s, large_q) = small[url], large[url]
            if status != "200" or large_status != "200":
                broken.append(f"{label} ({status})")
                continue
            ratio, ratio_double = large_s / small_s, seconds / large_s
            flag = ""
            if len({small_q, large_q, queries}) > 1:
                flag += "  ← queries grow"
                growing.append(label)
            if ratio > 1.5:
                flag += "  ← slower" if ratio_double > 1.3 else "  (page filled)"
                if ratio_double > 1.3:
                    slower.append(label)
            print(f"{label:<24}{small_s * 1000:>9.1f}{large_s * 1000:>8.1f}{seconds * 1000:>8.1f}"
                  f"{ratio:>7.2f}{ratio_double:>9.2f}{small_q:>6}→{queries:<4}{flag}")  # fmt: skip
        print(f"\n{len(urls)} pages in {time.perf_counter() - started:.0f}s.")
        print(f"Not answering 200: {', '.join(broken) or 'none'}.")
        print(f"Queries grow on: {', '.join(growing) or 'none'}.")
        print(
            f"Still slower from ×{args.factor} to ×{2 * args.factor}: {', '.join(slower) or 'none'}."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
