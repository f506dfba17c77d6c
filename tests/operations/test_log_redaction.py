"""Secrets in URLs never reach a log line: preview links, password-reset links and query
strings, in our request log, Django's own loggers, runserver's and gunicorn's access log."""

import datetime
import io
import json
import logging
import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.servers.basehttp import WSGIRequestHandler
from django.test import Client, RequestFactory
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from gunicorn.config import Config
from pythonjsonlogger.json import JsonFormatter

from editorial import preview
from operations.logs import RedactUrlsFilter, loggable_path, logging_config
from tests.factories import NewsArticleFactory

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]
SEARCH = "Erika Mustermann"


@pytest.fixture(params=["text", "json"])
def console(request):
    """What the configured console handler writes, in either log format."""
    [handler] = [
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, RedactUrlsFilter) for f in h.filters)
    ]
    if request.param == "json":
        config = logging_config("json", "INFO")["formatters"]["default"]
        formatter = JsonFormatter(**{key: value for key, value in config.items() if key != "()"})
    else:
        formatter = handler.formatter
    stream, old_stream, old_formatter = io.StringIO(), handler.stream, handler.formatter
    handler.setStream(stream)
    handler.setFormatter(formatter)
    yield stream
    handler.setStream(old_stream)
    handler.setFormatter(old_formatter)


@pytest.fixture
def secrets(django_user_model):
    """Links with a preview token and a password-reset uid and token."""
    article = NewsArticleFactory(is_published=False)
    link, _ = preview.issue_link(RequestFactory().get("/"), article)
    token = link.rstrip("/").rsplit("/", 1)[-1]
    user = django_user_model.objects.create_user("redaktion", "r@example.org", is_staff=True)
    uid, reset_token = (
        urlsafe_base64_encode(force_bytes(user.pk)),
        default_token_generator.make_token(user),
    )
    return SimpleNamespace(
        preview=f"/vorschau/{token}/",
        bad_preview=f"/vorschau/{token[:-4]}xxxx/",
        reset=f"/admin/reset/{uid}/{reset_token}/",
        words=[token, token[:-4], reset_token, uid],
    )


def assert_no_secret(text: str, secrets) -> None:
    for word in [*secrets.words, "Mustermann"]:
        assert word not in text


def test_requests_and_django_loggers_write_no_secret(console, secrets, monkeypatch):
    visitor = Client(raise_request_exception=False)
    assert visitor.get(secrets.preview, {"q": SEARCH}).status_code == 200
    assert visitor.get(secrets.bad_preview).status_code == 404  # django.request: "Not Found: ..."
    assert visitor.get(secrets.reset).status_code == 302  # to .../set-password/
    assert visitor.get(secrets.preview.rstrip("/")).status_code == 301  # APPEND_SLASH
    monkeypatch.setattr(preview, "open_token", lambda token: 1 / 0)
    assert visitor.get(secrets.preview).status_code == 500  # "Internal Server Error: ..."

    written = console.getvalue()
    assert_no_secret(written, secrets)
    assert written.count("/vorschau/[redacted]/") >= 4
    assert "/vorschau/[redacted] " in written or '/vorschau/[redacted]"' in written
    assert "/admin/reset/[redacted]/[redacted]/" in written
    assert "Not Found: /vorschau/[redacted]/" in written or '"Not Found: /vorschau/' in written
    assert "ZeroDivisionError" in written  # the traceback itself is kept
    if written.startswith("{"):
        lines = [json.loads(line) for line in written.splitlines() if line.startswith("{")]
        assert {"GET /vorschau/[redacted]/"} <= {line.get("request") for line in lines}


def test_runserver_request_lines_write_no_secret(console, secrets):
    handler = WSGIRequestHandler.__new__(WSGIRequestHandler)
    handler.request, handler.client_address = None, ("127.0.0.1", 50000)
    handler.requestline = f"GET {secrets.preview}?q=Erika+Mustermann HTTP/1.1"
    handler.log_request(200, 512)
    handler.requestline = f"GET {secrets.reset} HTTP/1.1"
    handler.log_request(404, 0)

    written = console.getvalue()
    assert_no_secret(written, secrets)
    assert "GET /vorschau/[redacted]/ HTTP/1.1" in written
    assert "GET /admin/reset/[redacted]/[redacted]/ HTTP/1.1" in written


def test_gunicorns_access_log_writes_no_secret(secrets, tmp_path):
    config = Config()
    for name, value in runpy.run_path(str(BASE_DIR / "gunicorn.conf.py")).items():
        if name in config.settings:
            config.set(name, value)
    config.set("accesslog", str(tmp_path / "access.log"))
    logger = config.logger_class(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"{secrets.preview}?q=Erika+Mustermann",
        "PATH_INFO": secrets.preview,
        "QUERY_STRING": "q=Erika+Mustermann",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.1",
        "HTTP_REFERER": f"https://www.stadtregion-muenster.de{secrets.reset}",
        "HTTP_USER_AGENT": "Firefox",
    }
    response = SimpleNamespace(status="200 OK", sent=512, headers=[])
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    try:
        logger.access(response, request, environ, datetime.timedelta(milliseconds=3))
        environ["RAW_URI"] = f"http://www.stadtregion-muenster.de{secrets.reset}?x=1"  # via a proxy
        logger.access(response, request, environ, datetime.timedelta(milliseconds=3))
    finally:
        for handler in logger.access_log.handlers:
            handler.close()

    written = (tmp_path / "access.log").read_text()
    assert_no_secret(written, secrets)
    assert '"GET /vorschau/[redacted]/ HTTP/1.1" 200 512' in written
    assert (
        '"GET http://www.stadtregion-muenster.de/admin/reset/[redacted]/[redacted]/ HTTP' in written
    )
    assert '"https://www.stadtregion-muenster.de/admin/reset/[redacted]/[redacted]/"' in written


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/kommunen/havixbeck/", "/kommunen/havixbeck/"),
        ("/suche/?q=Erika", "/suche/"),
        ("/vorschau/abc.def-ghi/", "/vorschau/[redacted]/"),
        ("/vorschau/abc.def-ghi/noch/etwas/", "/vorschau/[redacted]"),
        ("/admin/reset/MQ/set-password/", "/admin/reset/[redacted]/[redacted]/"),
        ("/admin/reset/done/", "/admin/reset/done/"),  # another route, without a token
    ],
)
def test_loggable_path_follows_the_urlconf(path, logged):
    assert loggable_path(path) == logged
