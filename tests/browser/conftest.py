"""Headless Chromium (Debian's package) driven by Playwright against pytest-django's live server.

Every request to another host is recorded, so tests can assert that no such request was even
attempted, and nothing leaves the machine: a local stub answers it (tiles get a tiny PNG), or, in
contexts without stubs, Chromium fails to resolve the host name (CHROMIUM_ARGS).
"""

import base64
import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from django.test.utils import override_settings
from pytest_django.live_server_helper import LiveServer

from tests.conftest import load_seeded_rows

# Playwright's sync API runs an event loop in this thread; Django would refuse ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # No host but the live server's resolves; stubs answer before any name is looked up.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
]
TILE_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
STUB_PAGE = b"<!DOCTYPE html><html lang='en'><title>stub</title><p>external stub</p></html>"


@dataclass
class Traffic:
    """What the browser asked of other hosts, and what the CSP had to refuse."""

    origin: str
    foreign: list = field(default_factory=list)  # (url, headers) of every foreign request
    csp_violations: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)

    def is_local(self, url: str) -> bool:
        return (
            url.startswith(self.origin + "/")
            or url == self.origin
            or url.startswith(("data:", "about:", "blob:"))
        )

    def record(self, request) -> None:
        if not self.is_local(request.url):
            self.foreign.append((request.url, request.headers))

    def foreign_urls(self) -> list[str]:
        return [url for url, _ in self.foreign]

    def foreign_hosts(self) -> set[str]:
        return {urlsplit(url).hostname for url, _ in self.foreign}

    def clear(self) -> None:
        self.foreign.clear()
        self.csp_violations.clear()
        self.page_errors.clear()

    def assert_silent(self) -> None:
        assert self.foreign_urls() == [], "requests to other hosts"
        assert self.csp_violations == [], "content the CSP had to block"
        assert self.page_errors == [], "JavaScript errors"


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{CHROMIUM} is missing; .ci/run installs Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


def _stub(route) -> None:
    request = route.request
    if request.resource_type == "image":
        route.fulfill(status=200, content_type="image/png", body=TILE_PNG)
    elif request.resource_type == "document":
        route.fulfill(status=200, content_type="text/html", body=STUB_PAGE)
    else:
        route.fulfill(status=204, body=b"")


@pytest.fixture
def new_context(browser, live_server, settings):
    """Fresh contexts (no cookies, no cache): a first visit. Each carries its Traffic record.

    `stub_foreign=False` leaves out the stubs for other hosts, for visits where no such request
    may happen anyway (every one fails the test): Playwright turns Chromium's HTTP cache off in a
    context with routes, and with the cache on, a crawl loads the static files once instead of on
    every page, in half the time. A foreign request is still recorded, and fails to resolve.
    """
    contexts = []
    origin = live_server.url.rstrip("/")
    # Links made for elsewhere (preview and enrolment links, mails) point to the configured
    # address: here, the live server.
    settings.SITE_URL = origin

    def factory(*, stub_foreign=True, **options):
        context = browser.new_context(base_url=origin, locale="de-DE", **options)
        context.set_default_timeout(10_000)
        traffic = Traffic(origin)
        if stub_foreign:
            context.route(lambda url: not traffic.is_local(url), _stub)
        context.on("request", traffic.record)
        context.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text
                and traffic.csp_violations.append(message.text)
            ),
        )
        context.on("weberror", lambda error: traffic.page_errors.append(str(error.error)))
        context.traffic = traffic
        contexts.append(context)
        return context

    yield factory
    for context in contexts:
        context.close()


@pytest.fixture
def site(seeded_site, transactional_db):
    """The seeded portal (see `seeded_site`), loaded afresh for each test.

    The live server needs committed rows, hence a transactional test, which empties the
    database afterwards and lets `migrate`'s signals restore content types, permissions and the
    Redaktion group. The seeded rows refer to none of those, so they load onto that state.
    """
    load_seeded_rows(seeded_site.rows)
    return seeded_site


@pytest.fixture(autouse=True)
def _media_root(settings, seeded_site):
    """The seeded rows point to the session's uploads (overrides tests/conftest.py)."""
    settings.MEDIA_ROOT = seeded_site.media_root


HASHED_STATIC = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory, django_db_setup):
    """`collectstatic` with hashed names, as the Dockerfile runs it; once per test worker."""
    root = tmp_path_factory.mktemp("static")
    from django.conf import settings

    storages = {**settings.STORAGES, "staticfiles": HASHED_STATIC}
    with override_settings(STATIC_ROOT=root, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def hashed_live_server(settings, collected_static, _plain_static):
    """A live server that serves what `collectstatic` wrote, through WhiteNoise (MIDDLEWARE),
    as in production, instead of the finders' source files. Editor paths run against it:
    a CSS or JS reference that only works unhashed breaks here as it would in production.

    A module opts in with a `live_server` fixture that returns this one (see
    tests/browser/test_admin_map_production.py). Asking for `_plain_static` makes
    tests/conftest.py's autouse fixture run first, so it cannot undo STORAGES below.
    """
    settings.STATIC_ROOT = collected_static
    settings.STORAGES = {**settings.STORAGES, "staticfiles": HASHED_STATIC}
    settings.WHITENOISE_AUTOREFRESH = False
    settings.WHITENOISE_USE_FINDERS = False
    server = LiveServer("localhost", start=False)
    server.thread.static_handler = lambda application: application  # no finders
    server.start()
    yield server
    server.stop()


@pytest.fixture
def staff_context(new_context, live_server):
    """A browser context signed in as ``user``, with the second factor staff need."""
    from tests.admin_helpers import two_factor_login

    def factory(user, **options):
        client = Client()
        two_factor_login(client, user)
        context = new_context(**options)
        session = client.cookies["sessionid"].value
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        return context

    return factory


@pytest.fixture
def town(transactional_db):
    """Havixbeck with a project and a meeting of a body it has seats in: its widget and its
    calendar have something to show (the widget and interface tests)."""
    from tests.factories import (
        MeetingFactory,
        MunicipalityFactory,
        ProjectFactory,
        SeatQuotaFactory,
    )

    town = MunicipalityFactory(name="Havixbeck", slug="havixbeck")
    ProjectFactory(title="Radschnellweg", municipalities=[town])
    quota = SeatQuotaFactory(body__name="Beirat", municipality=town)
    MeetingFactory(body=quota.body, title="Beiratssitzung")
    return town
