"""The page cache serves anonymous visitors by consent state and is fresh after every change."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import models
from django.http import HttpResponse
from django.test import Client
from django.utils import timezone

from operations import pagecache
from privacy.consent import CONSENT_COOKIE, encode_consent
from tests.admin_helpers import admin_url, form_data, form_errors
from tests.factories import MunicipalityFactory, NewsArticleFactory, ProjectFactory

pytestmark = pytest.mark.django_db

NONCE = re.compile(r"nonce-([\w+/=-]+)")


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    pagecache.local_pages.clear()


def test_second_visit_is_a_hit_with_one_query(client, django_assert_num_queries):
    MunicipalityFactory(name="Havixbeck")
    first = client.get("/kommunen/")
    # Without Redis (as here) the version lives in the database: one query, nothing else.
    with django_assert_num_queries(1):
        second = client.get("/kommunen/")
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_every_hit_gets_a_fresh_nonce_in_header_and_page(rf):
    request = rf.get("/")
    page = HttpResponse('<script nonce="abc123XYZ">x()</script>')
    page["Content-Length"] = str(len(page.content))  # as CommonMiddleware sets it
    page["Content-Security-Policy"] = "script-src 'self' 'nonce-abc123XYZ'"
    pagecache._store(request, page, "k")
    hits = [pagecache._replay(cache.get("k")) for _ in range(2)]
    nonces = [NONCE.search(hit["Content-Security-Policy"]).group(1) for hit in hits]
    assert len(set(nonces)) == 2 and "abc123XYZ" not in nonces
    for hit, nonce in zip(hits, nonces, strict=True):
        assert hit.content.decode() == f'<script nonce="{nonce}">x()</script>'
        assert hit["Content-Length"] == str(len(hit.content))


def test_each_consent_state_gets_its_own_page(client):
    client.get("/")
    assert client.get("/")["X-Cache"] == "hit"
    consented = Client()
    consented.cookies[CONSENT_COOKIE] = encode_consent({"osm"}, timezone.localdate())
    response = consented.get("/")
    assert response["X-Cache"] == "miss"
    assert consented.get("/")["X-Cache"] == "hit"
    assert response.content != client.get("/").content  # the banner is gone


def test_staff_posts_and_unknown_parameters_bypass_the_cache(client, admin_user):
    client.get("/projekte/?utm_source=spam")
    assert "X-Cache" not in client.get("/projekte/?utm_source=spam")
    assert "X-Cache" not in client.post("/projekte/")
    client.force_login(admin_user)
    assert "X-Cache" not in client.get("/projekte/")


def test_pages_with_a_csrf_token_or_a_cookie_are_never_stored(client):
    client.get("/barrierefreiheit/feedback/")
    response = client.get("/barrierefreiheit/feedback/")
    assert response["X-Cache"] == "miss"


def test_orm_save_and_delete_show_at_once(client):
    town = MunicipalityFactory(name="Havixbeck")
    client.get(town.get_absolute_url())
    town.name = "Havixbeck (neu)"
    town.save()
    assert "Havixbeck (neu)" in client.get(town.get_absolute_url()).content.decode()
    project = ProjectFactory(title="Radweg")
    client.get("/projekte/")
    project.delete()
    assert "Radweg" not in client.get("/projekte/").content.decode()


def test_admin_save_and_seed_show_at_once(client, editor_client):
    project = ProjectFactory(title="Radweg")
    assert "Radweg" in client.get("/projekte/").content.decode()
    url = admin_url(type(project), "change", project.pk)
    response = editor_client.post(
        url, form_data(editor_client.get(url)) | {"title": "Radschnellweg"}
    )
    assert response.status_code == 302, form_errors(response)
    assert "Radschnellweg" in client.get("/projekte/").content.decode()

    before = client.get("/kommunen/").content.decode()
    call_command("seed_demo", verbosity=0)
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


def test_data_that_browsers_must_revalidate_is_still_served_from_the_cache(client):
    client.get("/karte/daten.geojson")
    response = client.get("/karte/daten.geojson")
    assert (response["X-Cache"], response["Cache-Control"]) == ("hit", "no-cache")


def test_a_page_stored_by_another_server_is_served_and_kept_locally(client, redis_cache):
    MunicipalityFactory(name="Havixbeck")
    client.get("/kommunen/")
    pagecache.local_pages.clear()  # as if another app server had rendered it
    assert client.get("/kommunen/")["X-Cache"] == "hit"
    cache.clear()  # Redis restarted: the version starts afresh, the old local copy is stale
    assert client.get("/kommunen/")["X-Cache"] == "miss"


def test_the_local_copies_are_bounded(settings, rf):
    settings.PAGE_CACHE_LOCAL_ENTRIES = 2
    for key in ("a", "b", "c"):
        pagecache.local_pages.put(key, ({}, b""))
    assert [pagecache.local_pages.get(key) is not None for key in "abc"] == [False, True, True]


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "operations.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/9",
        }
    }
    from django.core.cache import caches

    caches["default"].clear()
    yield
    caches["default"].clear()


def test_with_redis_a_hit_runs_no_query_and_a_save_shows_at_once(
    client, redis_cache, django_assert_num_queries
):
    town = MunicipalityFactory(name="Havixbeck")
    client.get("/kommunen/")
    with django_assert_num_queries(0):
        assert client.get("/kommunen/")["X-Cache"] == "hit"
    town.name = "Havixbeck an der Baumberge"
    town.save()
    assert "Havixbeck an der Baumberge" in client.get("/kommunen/").content.decode()


def test_without_redis_every_process_learns_of_a_save_from_the_database(client):
    MunicipalityFactory(name="Havixbeck")
    client.get("/kommunen/")
    assert client.get("/kommunen/")["X-Cache"] == "hit"
    # Another worker saves: its signal moves the version in the shared database.
    from operations.models import PageCacheVersion

    PageCacheVersion.objects.filter(pk=1).update(number=models.F("number") + 1)
    assert client.get("/kommunen/")["X-Cache"] == "miss"


def test_one_change_moves_the_version_once():
    town = MunicipalityFactory(name="Havixbeck")
    project = ProjectFactory()
    before = pagecache.current_version()
    town.name = "Havixbeck (Westf.)"
    town.save()  # writes a history record too
    assert pagecache.current_version() == before + 1
    project.municipalities.add(town)  # pre_add and post_add
    assert pagecache.current_version() == before + 2
