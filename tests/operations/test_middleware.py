"""Request logs (id, duration, status; JSON on request), slow queries, and compressed pages."""

import gzip
import json
import logging

import pytest
from django.urls import reverse
from pythonjsonlogger.json import JsonFormatter

from operations.logs import RequestIdFilter, logging_config
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def test_each_request_is_logged_once_with_id_status_and_duration(client, caplog):
    caplog.set_level(logging.INFO, logger="stadtregion.request")
    response = client.get("/suche-gibt-es-nicht/?name=Erika+Mustermann")

    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    [record] = [r for r in caplog.records if r.name == "stadtregion.request"]
    assert (record.method, record.path, record.status) == ("GET", "/suche-gibt-es-nicht/", 404)
    assert record.duration_ms >= 0
    assert "Mustermann" not in record.getMessage()  # query strings may be personal


def test_a_proxys_request_id_is_kept_and_a_forged_one_replaced(client):
    assert client.get("/healthz", HTTP_X_REQUEST_ID="abc123-proxy-id")["X-Request-ID"] == (
        "abc123-proxy-id"
    )
    forged = client.get("/healthz", HTTP_X_REQUEST_ID="x\nFAKE LOG LINE")["X-Request-ID"]
    assert "FAKE" not in forged and len(forged) == 32


def test_slow_queries_are_logged_with_their_sql(client, settings, caplog):
    settings.SLOW_QUERY_MS = 0  # every query counts as slow
    caplog.set_level(logging.WARNING, logger="stadtregion.slow_query")
    client.get("/kommunen/")
    slow = [r for r in caplog.records if r.name == "stadtregion.slow_query"]
    assert slow and "SELECT" in slow[0].getMessage()


def test_json_log_lines_carry_the_request_id():
    config = logging_config("json", "INFO")["formatters"]["default"]
    formatter = JsonFormatter(**{key: value for key, value in config.items() if key != "()"})
    record = logging.LogRecord("stadtregion.request", logging.INFO, "", 0, "GET / 200", (), None)
    RequestIdFilter().filter(record)
    line = json.loads(formatter.format(record))
    assert line["level"] == "INFO" and line["message"] == "GET / 200"
    assert line["request_id"] == "-" and line["timestamp"].endswith("+00:00")


def test_pages_are_compressed_for_clients_that_accept_gzip(client):
    plain = client.get("/kommunen/")
    packed = client.get("/kommunen/", HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content


def test_uploads_are_not_compressed(client):
    document = DocumentFactory()
    url = reverse("governance:document_download", kwargs={"slug": document.slug})
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert "Content-Encoding" not in response
