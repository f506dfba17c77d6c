"""/healthz for the container's health check and the load balancer."""

import os
import socket
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

HEALTHCHECK = Path(__file__).resolve().parents[2] / "scripts" / "healthcheck.py"


@pytest.mark.django_db
def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    # A cached "ok" would hide an outage.
    assert "no-cache" in response["Cache-Control"]


def test_healthz_reports_unreachable_database(client):
    with mock.patch.object(
        BaseDatabaseWrapper, "cursor", side_effect=OperationalError("connection refused")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable"}


REDIS = "operations.cache.RedisCache"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("location", "status", "cache"),
    [("redis://127.0.0.1:6379/15", 200, "ok"), ("redis://127.0.0.1:1/0", 503, "unreachable")],
)
def test_healthz_reports_redis_separately(client, settings, location, status, cache):
    settings.CACHES = {"default": {"BACKEND": REDIS, "LOCATION": location}}
    response = client.get("/healthz")
    assert response.status_code == status
    assert response.json() == {
        "status": "ok" if status == 200 else "error",
        "database": "ok",
        "cache": cache,
    }


def test_database_outage_answers_503_with_the_friendly_page(client):
    client.raise_request_exception = False  # answer as in production, not re-raise
    with mock.patch.object(
        BaseDatabaseWrapper, "cursor", side_effect=OperationalError("connection refused")
    ):
        response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "Vorübergehend nicht erreichbar" in response.content.decode()


@pytest.mark.django_db
def test_healthz_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    # The probe speaks plain HTTP inside the container; every other page goes to HTTPS.
    assert client.get("/robots.txt").status_code == 301
    assert client.get("/healthz").status_code == 200


def run_healthcheck(url: str, allowed_hosts: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_ALLOWED_HOSTS": allowed_hosts}
    return subprocess.run(
        [sys.executable, str(HEALTHCHECK), url],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.mark.django_db(transaction=True)
def test_container_healthcheck_sends_an_allowed_host(live_server, settings):
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    url = f"{live_server.url}/healthz"
    # Without a matching Host header Django answers 400 and the container counts as unhealthy.
    assert run_healthcheck(url, allowed_hosts="").returncode == 1
    assert run_healthcheck(url, allowed_hosts=".portal.example.org,www.example.org").returncode == 0


def test_container_healthcheck_fails_when_nothing_listens():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run_healthcheck(f"http://127.0.0.1:{port}/healthz", allowed_hosts="localhost")
    assert result.returncode == 1
    assert "unhealthy" in result.stderr
