"""Production configuration. Settings are read from the environment once, at start-up: each
environment gets a fresh run of stadtregion/settings.py (`load_settings`, in this process, with only
the given variables), and the command-line checks a fresh interpreter (`run_django`)."""

import json
import os
import re
import runpy
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from csp.utils import build_policy
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from core.tiles import map_options
from tests.tiles import leaflet_config

BASE_DIR = Path(__file__).resolve().parents[2]
REAL_KEY = "k3y-" + "x7Qp9vR2mL5nT8wZ" * 4  # 68 characters, not the development key
PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": REAL_KEY,
    "DJANGO_ALLOWED_HOSTS": "portal.example.org",
    # Several workers (gunicorn's default here is 3) need one cache for their rate limits.
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
SECURITY = [
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_PROXY_SSL_HEADER",
]


def environment(env: dict[str, str]) -> dict[str, str]:
    """The caller's environment without its DJANGO_* variables (and the like), plus `env`."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_")
        and key not in {"DATABASE_URL", "REDIS_URL", "WEB_CONCURRENCY"}
        and not key.startswith("MAP_")
    }
    clean["DJANGO_SETTINGS_MODULE"] = "stadtregion.settings"
    return {**clean, **env}


def load_settings(env: dict[str, str]) -> dict:
    """The settings module's names as a start with only `env` set would read them.

    A fresh run of the module's code, as `django.setup()` in a new interpreter would import it,
    at a fraction of a subprocess's cost; the settings in force for the tests stay untouched.
    """
    with mock.patch.dict(os.environ, environment(env), clear=True):
        return runpy.run_path(str(BASE_DIR / "stadtregion" / "settings.py"))


def run_django(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Runs python with only the given DJANGO_* variables (none inherited from the caller)."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=environment(env),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DJANGO_DEBUG": "false"}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": "too-short"}, "DJANGO_SECRET_KEY"),
        (
            {
                "DJANGO_DEBUG": "false",
                "DJANGO_SECRET_KEY": "insecure-local-development-key-never-use-in-production",
            },
            "DJANGO_SECRET_KEY",
        ),
        ({"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": REAL_KEY}, "DJANGO_ALLOWED_HOSTS"),
        ({"DJANGO_DEBUG": "vielleicht"}, "DJANGO_DEBUG must be a boolean"),
        ({"MAP_CENTER": "Münster"}, "MAP_CENTER"),
        ({"MAP_CENTER": "51.93"}, "MAP_CENTER"),
        ({"MAP_ZOOM": "30"}, "MAP_ZOOM"),
    ],
)
def test_production_refuses_to_start_with_unsafe_settings(env, message):
    with pytest.raises(ImproperlyConfigured, match=re.escape(message)):
        load_settings(env)


def test_map_settings_come_from_the_environment():
    env = {
        "MAP_TILE_URL": "https://karte.telgte.example/{z}/{x}/{y}.png",
        "MAP_TILE_ATTRIBUTION": "&copy; Stadt Telgte",
        "MAP_CENTER": "51.98, 7.79",
        "MAP_ZOOM": "12",
    }
    with override_settings(LEAFLET_CONFIG=load_settings(env)["LEAFLET_CONFIG"]):
        options = map_options()
    assert options["tileUrl"] == env["MAP_TILE_URL"]
    assert options["tileOptions"]["attribution"] == "&copy; Stadt Telgte"
    assert (options["center"], options["zoom"]) == ([51.98, 7.79], 12)


def test_manage_check_refuses_without_secret_key():
    result = run_django("manage.py", "check", env={"DJANGO_DEBUG": "false"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            {},
            {
                "DEBUG": False,
                "SECURE_SSL_REDIRECT": True,
                "SESSION_COOKIE_SECURE": True,
                "CSRF_COOKIE_SECURE": True,
                "SECURE_HSTS_SECONDS": 31536000,
                "SECURE_PROXY_SSL_HEADER": None,
            },
        ),
        (
            {"DJANGO_INSECURE_HTTP": "true"},
            {
                "DEBUG": False,
                "SECURE_SSL_REDIRECT": False,
                "SESSION_COOKIE_SECURE": False,
                "CSRF_COOKIE_SECURE": False,
                "SECURE_HSTS_SECONDS": 0,
                "SECURE_PROXY_SSL_HEADER": None,
            },
        ),
        (
            {"DJANGO_BEHIND_PROXY": "true"},
            {
                "DEBUG": False,
                "SECURE_SSL_REDIRECT": True,
                "SESSION_COOKIE_SECURE": True,
                "CSRF_COOKIE_SECURE": True,
                "SECURE_HSTS_SECONDS": 31536000,
                "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
            },
        ),
    ],
    ids=["https", "insecure-http", "behind-proxy"],
)
def test_production_security_switches(extra, expected):
    loaded = load_settings({**PRODUCTION, **extra})
    # Unset means Django's default, which for SECURE_PROXY_SSL_HEADER is None.
    assert {name: loaded.get(name) for name in SECURITY} == expected


def test_deploy_check_passes_with_production_environment():
    result = run_django("manage.py", "check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_flags_plain_http_tiles_and_console_mail():
    env = {
        **PRODUCTION,
        "MAP_TILE_URL": "http://tiles.example.org/{z}/{x}/{y}.png",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
    }
    result = run_django("manage.py", "check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "stadtregion.W002" in result.stderr
    assert "stadtregion.W004" in result.stderr


def test_deploy_check_wants_trusted_proxies_behind_a_proxy(settings):
    settings.WEB_CONCURRENCY = 1
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXIES = []
    assert "stadtregion.W007" in project_check_ids(deploy=True)
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert "stadtregion.W007" not in project_check_ids(deploy=True)


@pytest.mark.parametrize(
    ("env", "site_url"),
    [
        ({}, "http://127.0.0.1:8000"),  # `make run`
        (PRODUCTION, "https://portal.example.org"),
        ({**PRODUCTION, "DJANGO_ALLOWED_HOSTS": ".example.org,x.org"}, "https://example.org"),
        ({**PRODUCTION, "DJANGO_INSECURE_HTTP": "true"}, "http://portal.example.org"),
        ({**PRODUCTION, "DJANGO_SITE_URL": "https://www.example.org/"}, "https://www.example.org"),
        ({"DJANGO_SITE_URL": "http://localhost:8080"}, "http://localhost:8080"),
    ],
)
def test_the_site_address_is_configured_or_derived(env, site_url):
    assert load_settings(env)["SITE_URL"] == site_url


@pytest.mark.parametrize(
    "env",
    [
        {**PRODUCTION, "DJANGO_ALLOWED_HOSTS": "*"},
        {**PRODUCTION, "DJANGO_SITE_URL": "www.stadtregion-muenster.de"},
        {**PRODUCTION, "DJANGO_SITE_URL": "https://www.example.org/portal/"},
        {**PRODUCTION, "DJANGO_SITE_URL": "https://user@www.example.org"},
        {**PRODUCTION, "DJANGO_SITE_URL": "ftp://www.example.org"},
    ],
)
def test_a_site_address_that_is_no_origin_refuses_to_start(env):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SITE_URL"):
        load_settings(env)


def test_deploy_check_wants_the_site_address_among_the_allowed_hosts(settings):
    settings.WEB_CONCURRENCY = 1
    settings.ALLOWED_HOSTS = ["www.example.org"]
    settings.SITE_URL = "https://andere.example.org"
    assert "stadtregion.W008" in project_check_ids(deploy=True)
    settings.SITE_URL = "https://www.example.org:8443"
    assert "stadtregion.W008" not in project_check_ids(deploy=True)
    settings.HTTPS, settings.SITE_URL = True, "http://www.example.org"
    assert "stadtregion.W009" in project_check_ids(deploy=True)


def test_collectstatic_with_manifest_storage(tmp_path):
    static_root = tmp_path / "static"
    env = {**PRODUCTION, "DJANGO_STATIC_ROOT": str(static_root)}
    result = run_django("manage.py", "collectstatic", "--noinput", env=env)
    assert result.returncode == 0, result.stdout + result.stderr

    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    # django-leaflet's CSS references its images; the manifest storage must resolve them.
    hashed_css = static_root / manifest["leaflet/leaflet.css"]
    assert hashed_css.name != "leaflet.css"
    assert hashed_css.exists()
    # whitenoise's compressed variant sits next to it.
    assert hashed_css.with_name(hashed_css.name + ".gz").exists()


def project_check_ids(*, deploy: bool) -> set[str]:
    return {
        message.id
        for message in checks.run_checks(include_deployment_checks=deploy)
        if message.id and message.id.startswith("stadtregion.")
    }


def test_project_checks_pass_with_defaults():
    # The deployment defaults are covered by test_deploy_check_passes_with_production_environment;
    # here the test runner's locmem mail backend would (rightly) warn.
    assert project_check_ids(deploy=False) == set()


def test_map_tile_url_needs_placeholders(settings):
    settings.LEAFLET_CONFIG = leaflet_config("https://tiles.example.org/tile.png")
    assert "stadtregion.E001" in project_check_ids(deploy=False)


def test_map_tile_url_must_be_https_in_deployment(settings):
    settings.LEAFLET_CONFIG = leaflet_config("http://tiles.example.org/{z}/{x}/{y}.png")
    assert "stadtregion.W002" not in project_check_ids(deploy=False)
    assert "stadtregion.W002" in project_check_ids(deploy=True)


def test_staff_notify_emails_must_be_addresses(settings):
    settings.STAFF_NOTIFY_EMAILS = ["redaktion@example.org", "Geschäftsstelle"]
    assert "stadtregion.E003" in project_check_ids(deploy=False)


@pytest.mark.parametrize(
    ("backend", "recipients", "expected"),
    [
        ("django.core.mail.backends.smtp.EmailBackend", ["a@example.org"], set()),
        ("django.core.mail.backends.console.EmailBackend", ["a@example.org"], {"stadtregion.W004"}),
        ("django.core.mail.backends.smtp.EmailBackend", [], {"stadtregion.W005"}),
    ],
)
def test_feedback_notifications_must_be_deliverable(settings, backend, recipients, expected):
    settings.EMAIL_BACKEND = backend
    settings.STAFF_NOTIFY_EMAILS = recipients
    assert project_check_ids(deploy=True) == expected


def test_csp_runs_only_our_own_script_files():
    # No nonce and no inline script: a cached page is the same bytes for every visitor.
    policy = build_policy(nonce="r4nd0m")
    # Directives in any order (an earlier test in the worker may have rebuilt the policy dict).
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert "nonce" not in policy and "unsafe-inline" not in policy


def test_empty_values_mean_defaults():
    # `docker run --env-file` passes "NAME=" as an empty string; an empty static root would be
    # the working directory, served at /static/ with the code in it.
    empty = dict.fromkeys(
        ["DJANGO_STATIC_ROOT", "DJANGO_MEDIA_ROOT", "DATABASE_URL", "DJANGO_EMAIL_BACKEND"], ""
    )
    loaded = load_settings({**PRODUCTION, **empty})
    assert [
        str(loaded["STATIC_ROOT"]),
        str(loaded["MEDIA_ROOT"]),
        loaded["DATABASES"]["default"]["ENGINE"],
        loaded["EMAIL_BACKEND"],
    ] == [
        str(BASE_DIR / "staticfiles"),
        str(BASE_DIR / "media"),
        "django.db.backends.sqlite3",
        "django.core.mail.backends.smtp.EmailBackend",
    ]


def test_every_environment_variable_is_documented():
    source = (BASE_DIR / "stadtregion" / "settings.py").read_text()
    names = set(
        re.findall(r"""(?:env_bool|env_list|env_str|environ\.get)\(\s*["']([A-Z_]+)["']""", source)
    )
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "MAP_TILE_URL"} <= names  # the regex works
    env_example = (BASE_DIR / ".env.example").read_text()
    operations_doc = (BASE_DIR / "docs" / "betrieb.md").read_text()
    assert sorted(name for name in names if f"{name}=" not in env_example) == []
    assert sorted(name for name in names if f"`{name}`" not in operations_doc) == []
