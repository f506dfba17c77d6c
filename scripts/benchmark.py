"""Page benchmark: render every main page on a small and on a large dataset.

Prints, per page, the median render time as a multiple of the trivial /healthz view (so numbers
compare across machines) and the number of SQL queries on both datasets. The house rule is a
fixed number of queries per page regardless of data size; a page that breaks it is flagged.
Nothing is asserted: this is for reading, not for CI. Runs on a throwaway SQLite database in a
temporary folder (never the project's db.sqlite3) and takes well under a minute.

Usage: make bench   (or .venv/bin/python scripts/benchmark.py [--repeat N] [--units N])
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
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
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

    # Pages render without collectstatic; the manifest lookup is not what we measure.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0)


def seed_base() -> dict:
    """A small dataset; its first objects ("anchors") are the ones whose detail pages we time."""
    from tests import factories as f

    municipalities = f.MunicipalityFactory.create_batch(3)
    field = f.FieldOfActionFactory()
    f.FieldOfActionFactory()
    group = f.WorkingGroupFactory(field_of_action=field)
    group.municipalities.set(municipalities)
    body = f.BodyFactory()
    f.BodyFactory()
    page = f.PageFactory()
    anchors = {
        "municipality": municipalities[0],
        "field": field,
        "group": group,
        "body": body,
        "page": page,
    }
    anchors.update(grow(anchors, units=2))
    return anchors


def grow(anchors: dict, *, units: int) -> dict:
    """Adds `units` rows of every kind, each linked to the anchors, so that both list pages and
    the anchors' detail pages see more data. Returns the first new project/meeting/document."""
    from tests import factories as f

    now = datetime.datetime.now(datetime.UTC)
    created = {}
    for unit in range(units):
        project = f.ProjectFactory(
            field_of_action=anchors["field"],
            working_group=anchors["group"],
            municipalities=[anchors["municipality"]],
        )
        f.ContactPersonFactory(municipality=anchors["municipality"])
        f.MembershipFactory(body=anchors["body"], municipality=anchors["municipality"])
        # Half upcoming, half past, so both the "next meetings" and the archive fill up.
        meeting = f.MeetingFactory(
            body=anchors["body"], start=now + datetime.timedelta(days=unit - units // 2)
        )
        f.AgendaItemFactory.create_batch(4, meeting=meeting)
        document = f.DocumentFactory(
            body=anchors["body"], meeting=meeting, project=project, field_of_action=anchors["field"]
        )
        f.TimelineEventFactory()
        if unit % 10 == 0:
            f.MunicipalityFactory()
            f.WorkingGroupFactory(field_of_action=anchors["field"])
            f.BodyFactory()
            f.PageFactory()
        created.setdefault("project", project)
        created.setdefault("meeting", meeting)
        created.setdefault("document", document)
    return created


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
        ("Sitemap", "sitemap"),
    ]
    urls = []
    for label, name in named:
        try:
            urls.append((label, reverse(name)))
        except NoReverseMatch:
            print(f"  (skipped {label}: no URL named {name!r})")
    for key in ("municipality", "field", "project", "group", "body", "meeting", "document", "page"):
        urls.append((f"{key} (Detail)", anchors[key].get_absolute_url()))
    return urls


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
        return type(error).__name__, float("nan"), 0
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        timings.append(time.perf_counter() - start)
    return str(response.status_code), statistics.median(timings), query_count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="requests per page (median)")
    parser.add_argument("--units", type=int, default=300, help="size of the large dataset")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="stadtregion-bench-") as workdir:
        configure_django(Path(workdir))
        from django.test import Client

        client = Client()
        started = time.perf_counter()
        anchors = seed_base()
        urls = page_urls(anchors)
        small = {url: measure(client, url, repeat=1)[2] for _, url in urls}

        grow(anchors, units=args.units)
        print(f"Large dataset: {args.units} units seeded in {time.perf_counter() - started:.1f}s")
        _, baseline, _ = measure(client, "/healthz", args.repeat)

        print(f"\nBaseline /healthz: {baseline * 1000:.2f} ms (median of {args.repeat})\n")
        header = f"{'page':<24}{'status':>8}{'ms':>9}{'× healthz':>11}{'queries':>9}  small→large"
        print(header)
        print("-" * len(header))
        growing = []
        for label, url in urls:
            status, seconds, queries = measure(client, url, args.repeat)
            flag = ""
            if status == "200" and queries != small[url]:
                flag = "  ← grows with data"
                growing.append(label)
            print(
                f"{label:<24}{status:>8}{seconds * 1000:>9.1f}{seconds / baseline:>11.1f}"
                f"{queries:>9}  {small[url]}→{queries}{flag}"
            )
        print(f"\n{len(urls)} pages in {time.perf_counter() - started:.1f}s.", end=" ")
        if growing:
            print(f"Query count grows with the data on: {', '.join(growing)}.")
        else:
            print("Every page that rendered has a fixed number of queries.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
