"""After a committed change a CDN in front of the site is told to purge, once per burst."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from operations import pageversion, purge
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cdn(settings):
    """A stub of the CDN's purge API that records what it receives."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((self.path, self.headers.get("Authorization"), json.loads(body)))
            time.sleep(0.2)  # a CDN API takes a moment; changes meanwhile wait for one more
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_PURGE_URL = f"http://127.0.0.1:{server.server_port}/zones/z/purge_cache"
    settings.PAGE_CACHE_PURGE_TOKEN = "geheim"
    yield received
    server.shutdown()


def _settle(received, count):
    deadline = time.monotonic() + 5
    while len(received) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # nothing more arrives
    return received


def test_a_committed_change_purges_the_cdn(cdn, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        MunicipalityFactory(name="Havixbeck")
    assert _settle(cdn, 1) == [
        ("/zones/z/purge_cache", "Bearer geheim", {"purge_everything": True})
    ]


def test_a_burst_of_changes_purges_at_most_twice(cdn):
    for _ in range(10):
        pageversion._bump_after_commit()
    assert 1 <= len(_settle(cdn, 2)) <= 2


def test_an_unreachable_cdn_never_fails_a_save(settings, caplog):
    settings.PAGE_CACHE_PURGE_URL = "http://127.0.0.1:1/purge"
    purge.send_purge()
    assert "CDN purge failed" in caplog.text
