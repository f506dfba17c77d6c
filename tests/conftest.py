from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.crawl import crawl

# Tests render templates without running collectstatic first.
PLAIN_STATIC = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
VIDEO_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


@dataclass(frozen=True)
class SeededSite:
    """The portal as `seed_demo` leaves it, plus one project video: built once per session."""

    media_root: Path  # the seeded uploads (PDFs)
    rows: str  # the seeded rows, serialized (without what `migrate` creates)
    pages: dict[str, str]  # path -> HTML of every public page reachable by links from "/"
    member_urls: list[str]
    field_urls: list[str]
    video_project_url: str


@pytest.fixture(scope="session")
def seeded_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """Seeds once, crawls the public pages with the test client, then rolls the seed back.

    Seeding costs seconds; browser tests used to pay it each. Their `site` fixture loads the
    serialized rows instead. The database itself is left as it was, so every other test still
    starts empty. Tests that only read `pages` still ask for `db`: pytest-django creates the
    test database only if some test of the session does.
    """
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client, override_settings

    from members.models import Municipality
    from projects.models import FieldOfAction, Project

    media_root = tmp_path_factory.mktemp("seeded-media")
    client = Client()

    def fetch(path):
        response = client.get(path)
        return response.status_code, response.content.decode()

    storages = {**settings.STORAGES, "staticfiles": PLAIN_STATIC}
    # Content types, permissions and groups stay out of `rows`: `migrate` creates those anew
    # after every flush, under other ids.
    created_by_migrate = ["django.contrib.contenttypes", "django.contrib.auth"]
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=media_root, STORAGES=storages, TEST_NON_SERIALIZED_APPS=created_by_migrate
        ),
        transaction.atomic(),
    ):
        call_command("seed_demo", quiet=True)
        project = Project.objects.published().filter(latitude__isnull=False).first()
        project.video_url = VIDEO_URL
        project.save()
        site = SeededSite(
            media_root=media_root,
            pages=crawl(fetch),
            member_urls=[m.get_absolute_url() for m in Municipality.objects.all()],
            field_urls=[f.get_absolute_url() for f in FieldOfAction.objects.all()],
            video_project_url=project.get_absolute_url(),
            rows=connection.creation.serialize_db_to_string(),
        )
        transaction.set_rollback(True)
    return site


@pytest.fixture
def seeded_db(seeded_site, db, settings):
    """The seeded rows (see `seeded_site`) in this test's database, with the uploads they point
    to; sequences move past the loaded ids, so factories can add rows."""
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connection

    connection.creation.deserialize_db_from_string(seeded_site.rows)
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    settings.MEDIA_ROOT = seeded_site.media_root
    return seeded_site


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploads go to a temporary folder, never into the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _plain_static(settings):
    settings.STORAGES = {**settings.STORAGES, "staticfiles": PLAIN_STATIC}


@pytest.fixture(autouse=True)
def _no_page_cache(settings, tmp_path):
    """Tests see each page as rendered (and count its queries); tests/operations/
    test_pagecache.py switches the cache on."""
    settings.PAGE_CACHE_ENABLED = False
    settings.PAGE_CACHE_DIR = str(tmp_path / "pagecache")
    settings.FRAGMENT_CACHE_ENABLED = False
    # No listening connection in the test process: it would outlive the test database.
    settings.PAGE_CACHE_LISTEN = False


@pytest.fixture
def editor(db, django_user_model):
    """Office staff as they work: staff, in the "Redaktion" group only, not a superuser."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("redaktion", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Redaktion"))
    return user


@pytest.fixture
def editor_client(client, editor):
    """The editor signed in with the second factor every staff account needs."""
    from tests.admin_helpers import two_factor_login

    two_factor_login(client, editor)
    return client


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin client, signed in with the second factor every staff account needs."""
    from tests.admin_helpers import two_factor_login

    two_factor_login(client, admin_user)
    return client
