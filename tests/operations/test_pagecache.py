"""The page cache serves anonymous visitors stored bytes, by consent state, fresh after every
committed change, bounded in keys and bytes, and never fails a request when Redis does."""

import datetime
import gzip
import threading
from pathlib import Path

import brotli
import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from operations import pagecache, pageversion
from operations.pagestore import Entry, local_pages
from privacy.consent import CONSENT_COOKIE, encode_consent
from tests.admin_helpers import admin_url, form_data, form_errors
from tests.factories import (
    FieldOfActionFactory,
    MunicipalityFactory,
    NewsArticleFactory,
    ProjectFactory,
)
from tests.page_cache import commit, switch_on

pytestmark = pytest.mark.django_db
REDIS = "redis://127.0.0.1:6379/9"


@pytest.fixture(autouse=True)
def page_cache(settings):
    switch_on(settings)


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "operations.cache.RedisCache", "LOCATION": REDIS}}
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()


def test_second_visit_is_a_hit_with_one_query(client, django_assert_num_queries):
    MunicipalityFactory(name="Havixbeck")
    first = client.get("/kommunen/")
    # Without the listener (tests, SQLite) the version is read from the database: one query.
    with django_assert_num_queries(1):
        second = client.get("/kommunen/")
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["ETag"] == first["ETag"]


def test_a_hit_serves_the_coding_the_client_prefers_as_stored_bytes(client):
    MunicipalityFactory(name="Havixbeck")
    plain = client.get("/kommunen/").content
    answers = {
        header: client.get("/kommunen/", HTTP_ACCEPT_ENCODING=header)
        for header in ("gzip, deflate, br", "gzip", "br;q=0.5, gzip", "gzip;q=0", "*;q=0.1", "")
    }
    codings = {header: answer.get("Content-Encoding") for header, answer in answers.items()}
    assert codings == {
        "gzip, deflate, br": "br",
        "gzip": "gzip",
        "br;q=0.5, gzip": "gzip",
        "gzip;q=0": None,
        "*;q=0.1": "br",
        "": None,
    }
    assert brotli.decompress(answers["gzip, deflate, br"].content) == plain
    assert gzip.decompress(answers["gzip"].content) == plain
    assert answers["gzip;q=0"].content == plain
    for answer in answers.values():
        assert answer["X-Cache"] == "hit"
        assert answer["Vary"] == "Accept-Encoding, Cookie"  # never Accept-Language
        assert answer["Content-Length"] == str(len(answer.content))
    # Each coding is its own representation with its own ETag.
    assert len({answer["ETag"] for answer in answers.values()}) == 3


def test_compression_happens_once_not_per_hit(client, monkeypatch):
    client.get("/kommunen/", HTTP_ACCEPT_ENCODING="gzip")
    monkeypatch.setattr(pagecache, "compress", lambda *a: pytest.fail("compressed on a hit"))
    assert client.get("/kommunen/", HTTP_ACCEPT_ENCODING="gzip")["Content-Encoding"] == "gzip"


def test_a_matching_etag_is_answered_304_without_rendering(client, django_assert_num_queries):
    etag = client.get("/kommunen/")["ETag"]
    with django_assert_num_queries(1):  # the version; no template, no content query
        response = client.get("/kommunen/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and response.content == b""
    assert response["ETag"] == etag
    assert client.get("/kommunen/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_shared_caches_may_keep_only_the_cookie_less_variant(client):
    response = client.get("/kommunen/")
    assert response["Cache-Control"].startswith("public, max-age=0, s-maxage=")
    assert "stale-while-revalidate=" in response["Cache-Control"]
    assert "stale-if-error=" in response["Cache-Control"]
    consented = Client()
    consented.cookies[CONSENT_COOKIE] = encode_consent({"osm"}, timezone.localdate())
    assert consented.get("/kommunen/")["Cache-Control"] == "private, max-age=0"


def test_each_consent_state_gets_its_own_page_and_forged_cookies_none(client):
    client.get("/")
    assert client.get("/")["X-Cache"] == "hit"
    consented = Client()
    consented.cookies[CONSENT_COOKIE] = encode_consent({"osm"}, timezone.localdate())
    response = consented.get("/")
    assert response["X-Cache"] == "miss"
    assert consented.get("/")["X-Cache"] == "hit"
    assert response.content != client.get("/").content  # the banner is gone
    stored = len(local_pages)
    answers = []
    for number in range(50):  # made-up cookie values are "no choice yet", with a cookie
        forged = Client()
        forged.cookies[CONSENT_COOKIE] = f"v1|2026-12-01|osm:ja|youtube:ja~forged{number}"
        answers.append(forged.get("/"))
    assert [answer["X-Cache"] for answer in answers] == ["miss"] + ["hit"] * 49
    assert len(local_pages) == stored + 1  # one variant, private to browsers
    assert answers[0].content == client.get("/").content  # the banner asks again


def test_made_up_values_ports_and_parameters_are_answered_but_never_stored(client, settings):
    MunicipalityFactory(name="Havixbeck", slug="havixbeck")
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    for url in ("/projekte/", "/projekte/?kommune=havixbeck", "/dokumente/"):
        client.get(url, HTTP_HOST="portal.example.org")
    stored = len(local_pages)
    requests = (
        [{"path": f"/projekte/?kommune=erfunden-{n}"} for n in range(400)]
        + [{"path": f"/projekte/?utm_source={n}"} for n in range(200)]
        + [{"path": f"/projekte/?page={'0' * n}1"} for n in range(1, 50)]
        + [{"path": "/projekte/?kommune=havixbeck&kommune=havixbeck"}]
        + [{"path": "/dokumente/", "host": f"portal.example.org:{port}"} for port in range(350)]
    )
    for request in requests:
        response = client.get(request["path"], HTTP_HOST=request.get("host", "portal.example.org"))
        assert response.status_code == 200
        assert "X-Cache" not in response
    assert len(local_pages) == stored
    # The values the filter form accepts are stored, in the spellings of our links and forms.
    for url in (
        "/projekte/?kommune=havixbeck",
        "/projekte/?handlungsfeld=&kommune=havixbeck&status=&arbeitsgruppe=",
    ):
        assert client.get(url, HTTP_HOST="portal.example.org")["X-Cache"] in ("hit", "miss")
    assert client.get("/projekte/?kommune=havixbeck", HTTP_HOST="portal.example.org")[
        "X-Cache"
    ] == ("hit")


def test_an_invalid_filter_value_is_answered_with_its_error_and_not_stored(client):
    response = client.get("/projekte/?kommune=gibt-es-nicht")
    assert response.status_code == 200
    assert "Mindestens eine Auswahl ist ungültig" in response.content.decode()
    assert "X-Cache" not in client.get("/projekte/?kommune=gibt-es-nicht")


def test_staff_and_posts_bypass_the_cache(client, admin_client):
    assert "X-Cache" not in client.post("/projekte/")
    assert "X-Cache" not in admin_client.get("/projekte/")


def test_pages_that_set_a_cookie_are_never_stored(client):
    client.get("/barrierefreiheit/feedback/")
    response = Client().get("/barrierefreiheit/feedback/")
    assert "X-Cache" not in response and response.cookies  # its CSRF token, fresh


def test_a_save_shows_once_committed(client):
    town = MunicipalityFactory(name="Havixbeck")
    commit()
    client.get(town.get_absolute_url())
    town.name = "Havixbeck (neu)"
    town.save()
    assert "Havixbeck (neu)" not in client.get(town.get_absolute_url()).content.decode()
    commit()
    assert "Havixbeck (neu)" in client.get(town.get_absolute_url()).content.decode()
    project = ProjectFactory(title="Radweg")
    commit()
    client.get("/projekte/")
    project.delete()
    commit()
    assert "Radweg" not in client.get("/projekte/").content.decode()


def test_the_version_moves_after_commit_once_per_transaction(django_capture_on_commit_callbacks):
    town = MunicipalityFactory(name="Havixbeck")
    project = ProjectFactory()
    commit()
    before = pageversion.read()
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        town.name = "Havixbeck (Westf.)"
        town.save()  # writes a history record too
        project.municipalities.add(town)  # pre_add and post_add
        with transaction.atomic():
            project.save()
        assert pageversion.read() == before  # nothing moves before the commit
    assert len(callbacks) == 1
    callbacks[0]()
    assert pageversion.read() > before


def test_a_bump_queued_in_a_rolled_back_savepoint_is_queued_again(
    django_capture_on_commit_callbacks,
):
    town = MunicipalityFactory(name="Havixbeck")
    commit()
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        try:
            with transaction.atomic():
                town.save()
                raise RuntimeError
        except RuntimeError:
            pass
        town.name = "Havixbeck (Westf.)"
        town.save()
    assert len(callbacks) == 1


def test_the_version_never_goes_back():
    before = pageversion.read()
    from operations.models import PageCacheVersion

    PageCacheVersion.objects.filter(pk=1).update(number=1)  # a database restored from long ago
    after = pageversion.bump()
    assert after > before  # at least the clock: numbers of stored pages never come back


@pytest.mark.skipif(connection.vendor != "postgresql", reason="two connections at once")
@pytest.mark.django_db(transaction=True)
def test_a_request_during_an_uncommitted_save_never_stores_a_stale_page(client):
    field = FieldOfActionFactory(name="Mobilität")
    client.get("/handlungsfelder/")
    saved, commit = threading.Event(), threading.Event()

    def editor():
        with transaction.atomic():
            field.name = "Mobilität und Verkehr"
            field.save()
            saved.set()
            commit.wait(10)
        connection.close()

    thread = threading.Thread(target=editor)
    thread.start()
    saved.wait(10)
    during = client.get("/handlungsfelder/")  # renders (or hits) the committed, old name
    assert "Mobilität und Verkehr" not in during.content.decode()
    commit.set()
    thread.join()
    after = client.get("/handlungsfelder/")
    assert "Mobilität und Verkehr" in after.content.decode()
    assert after["X-Cache"] == "miss"


def test_admin_save_and_seed_show_at_once(client, admin_client):
    project = ProjectFactory(title="Radweg")
    commit()
    assert "Radweg" in client.get("/projekte/").content.decode()
    url = admin_url(type(project), "change", project.pk)
    response = admin_client.post(url, form_data(admin_client.get(url)) | {"title": "Radschnellweg"})
    assert response.status_code == 302, form_errors(response)
    commit()
    assert "Radschnellweg" in client.get("/projekte/").content.decode()

    before = client.get("/kommunen/").content.decode()
    call_command("seed_demo", verbosity=0)
    commit()
    after = client.get("/kommunen/").content.decode()
    assert "Telgte" not in before and "Telgte" in after


def test_scheduled_publication_appears_on_time(client, monkeypatch):
    start = timezone.now()
    NewsArticleFactory(
        title="Rätetreffen angekündigt", publish_from=start + datetime.timedelta(hours=1)
    )
    assert "Rätetreffen angekündigt" not in client.get("/aktuelles/").content.decode()
    assert client.get("/aktuelles/")["X-Cache"] == "hit"
    monkeypatch.setattr(timezone, "now", lambda: start + datetime.timedelta(hours=2))
    assert "Rätetreffen angekündigt" in client.get("/aktuelles/").content.decode()


def test_data_that_browsers_must_revalidate_keeps_its_own_cache_control(client):
    client.get("/karte/daten.geojson")
    response = client.get("/karte/daten.geojson")
    assert (response["X-Cache"], response["Cache-Control"]) == ("hit", "no-cache")


def test_memory_is_bounded_in_bytes(settings):
    settings.PAGE_CACHE_LOCAL_BYTES = 50_000
    settings.PAGE_CACHE_LOCAL_MAX_ENTRY_BYTES = 20_000

    def entry(size):
        return Entry(headers=(), bodies={"identity": b"x" * size}, etag="e")

    for number in range(20):
        local_pages.put(f"page-{number}", entry(10_000))
        assert local_pages.bytes <= 50_000
    assert local_pages.get("page-19") is not None and local_pages.get("page-0") is None
    local_pages.put("download", entry(30_000))  # above the limit for one entry
    assert local_pages.get("download") is None


def test_large_answers_are_kept_on_disk_and_sent_as_files(
    client, settings, django_assert_num_queries
):
    """A download above the per-process limit is rendered once per version, stored in the
    host's folder and sent from there: never held in any process's memory."""
    settings.PAGE_CACHE_LOCAL_MAX_ENTRY_BYTES = 1_000
    for number in range(40):
        ProjectFactory(title=f"Projekt {number}", slug=f"projekt-{number}", is_published=True)
    first = client.get("/opendaten/projekte.csv")
    assert first.status_code == 200 and len(first.content) > 1_000
    assert len(local_pages) == 0
    with django_assert_num_queries(1):  # the version: nothing is rendered
        second = client.get("/opendaten/projekte.csv")
    assert second["X-Cache"] == "hit" and second.streaming
    assert b"".join(second.streaming_content) == first.content
    assert int(second["Content-Length"]) == len(first.content)
    assert len(local_pages) == 0


def test_the_disk_store_is_bounded_and_a_dropped_file_is_a_miss(client, settings):
    from operations.pagestore import disk_pages

    settings.PAGE_CACHE_DISK_BYTES = 25_000
    settings.PAGE_CACHE_DISK_MAX_ENTRY_BYTES = 20_000

    def entry(size):
        return Entry(
            headers=(("Content-Type", "text/csv"),), bodies={"identity": b"x" * size}, etag="e"
        )

    for number in range(5):
        disk_pages.put(f"download-{number}", entry(10_000))
    folder = Path(settings.PAGE_CACHE_DIR)
    assert sum(f.stat().st_size for f in folder.iterdir()) <= 25_000
    assert disk_pages.get("download-4") is not None
    disk_pages.put("huge", entry(30_000))  # above the limit for one entry
    assert disk_pages.get("huge") is None
    settings.PAGE_CACHE_LOCAL_MAX_ENTRY_BYTES = 1_000
    MunicipalityFactory(name="Havixbeck")
    client.get("/opendaten/kommunen.csv")
    for file in folder.iterdir():
        if not file.name.endswith(".json"):
            file.unlink()  # dropped by another worker making room
    response = client.get("/opendaten/kommunen.csv")
    assert response.status_code == 200 and response["X-Cache"] == "miss"


def test_the_wsgi_shortcut_sends_a_file_from_disk(client, settings, monkeypatch):
    from stadtregion.wsgi import application

    settings.PAGE_CACHE_LOCAL_MAX_ENTRY_BYTES = 1_000
    MunicipalityFactory(name="Havixbeck")
    expected = client.get("/opendaten/kommunen.csv").content
    version = pageversion.read()
    monkeypatch.setattr(pageversion, "known", lambda: version)
    status, headers, body = _call(application, "/opendaten/kommunen.csv")
    assert status == "200 OK" and headers["X-Cache"] == "hit" and body == expected


def test_a_page_stored_by_another_server_is_served_and_kept_locally(client, redis_cache):
    MunicipalityFactory(name="Havixbeck")
    client.get("/kommunen/")
    local_pages.clear()  # as if another app server had rendered it
    assert client.get("/kommunen/")["X-Cache"] == "hit"
    assert len(local_pages) == 1


def test_a_flushed_or_restored_redis_serves_nothing_stale(client, redis_cache):
    town = MunicipalityFactory(name="Havixbeck")
    commit()
    client.get("/kommunen/")
    snapshot = {key: redis_cache._cache.get_client().dump(key) for key in _keys(redis_cache)}
    town.name = "Havixbeck an den Baumbergen"
    town.save()
    commit()
    assert "an den Baumbergen" in client.get("/kommunen/").content.decode()
    redis_cache.clear()  # restored from the snapshot taken before the change
    for key, value in snapshot.items():
        redis_cache._cache.get_client().restore(key, 0, value)
    local_pages.clear()
    assert "an den Baumbergen" in client.get("/kommunen/").content.decode()


def _keys(redis_cache):
    return redis_cache._cache.get_client().keys("*")


def test_with_redis_down_pages_are_rendered_and_saves_work(client, settings, admin_client):
    settings.CACHES = {
        "default": {
            "BACKEND": "operations.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    project = ProjectFactory(title="Radweg")
    for _ in range(3):
        response = client.get("/projekte/")
        assert response.status_code == 200 and "Radweg" in response.content.decode()
    url = admin_url(type(project), "change", project.pk)
    response = admin_client.post(url, form_data(admin_client.get(url)) | {"title": "Veloroute"})
    assert response.status_code == 302, form_errors(response)
    commit()
    assert "Veloroute" in client.get("/projekte/").content.decode()
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json() == {"status": "error", "database": "ok", "cache": "unreachable"}
    assert "X-Cache" not in health


def test_a_cache_error_is_a_miss(client, redis_cache, monkeypatch):
    client.get("/kommunen/")
    local_pages.clear()

    def broken(*args, **kwargs):
        raise ConnectionError("Redis answered garbage")

    monkeypatch.setattr(redis_cache, "get", broken)
    monkeypatch.setattr(redis_cache, "set", broken)
    response = client.get("/kommunen/")
    assert response.status_code == 200 and response["X-Cache"] == "miss"


def test_a_flood_does_not_evict_rate_limits(client, redis_cache, settings):
    """Rate limits live in the database: a visitor over the feedback limit stays over it,
    whatever fills the cache."""
    from core import ratelimit

    settings.FEEDBACK_RATE_LIMIT = 1
    for _ in range(2):
        ratelimit.count("feedback", "127.0.0.1", window=3600)
    for number in range(300):
        redis_cache.set(f"flood-{number}", b"x" * 1000)
    redis_cache.clear()  # an evicting Redis at its limit, at worst
    assert ratelimit.count("feedback", "127.0.0.1", window=3600) > settings.FEEDBACK_RATE_LIMIT


def test_a_hit_is_answered_before_django_builds_a_request(client, monkeypatch):
    """The WSGI application answers a stored page without Django's request cycle: no request
    object, no middleware, no signal; a page it does not hold goes to Django."""
    from django.core.signals import request_started

    from operations import wsgi
    from stadtregion.wsgi import application

    MunicipalityFactory(name="Havixbeck")
    client.get("/kommunen/")
    version = pageversion.read()
    monkeypatch.setattr(pageversion, "known", lambda: version)  # as the listener knows it
    started = []

    def count(**kwargs):
        started.append(kwargs)

    request_started.connect(count)
    try:
        status, headers, body = _call(application, "/kommunen/", HTTP_ACCEPT_ENCODING="br")
        assert started == []
        assert status == "200 OK" and headers["X-Cache"] == "hit"
        assert headers["Content-Encoding"] == "br" and brotli.decompress(body)
        assert headers["Content-Security-Policy"] and headers["X-Request-ID"]
        status, headers, body = _call(
            application, "/kommunen/", HTTP_ACCEPT_ENCODING="br", HTTP_IF_NONE_MATCH=headers["ETag"]
        )
        assert status == "304 Not Modified" and body == b""
        assert started == []
        monkeypatch.setattr(wsgi, "stored_answer", lambda environ: None)
        status, _, _ = _call(application, "/kommunen/")
        assert status == "200 OK" and started  # Django answered
    finally:
        request_started.disconnect(count)


def _call(application, path, **meta):
    """Calls the WSGI application as gunicorn does, but keeps the test's database connection
    open (as Django's test client does)."""
    import io
    import sys

    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": "testserver",
        "SERVER_PORT": "80", "HTTP_HOST": "testserver", "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr, "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1", **meta,
    }  # fmt: skip
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer.update(status=status, headers=dict(headers))

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        body = b"".join(application(environ, start_response))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], body


def test_sign_in_records_never_move_the_version(client, admin_user):
    from accounts.enrolment import issue

    commit()
    client.post("/admin/login/", {"username": "admin", "password": "falsch"})  # a lockout row
    issue(admin_user)
    admin_user.save()
    assert connection.run_on_commit == []
