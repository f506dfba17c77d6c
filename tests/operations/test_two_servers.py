"""Two app servers (gunicorn, DEBUG off, page cache on) on one PostgreSQL and one Redis: nothing
that matters lives in one process.

- A change saved through one server's admin shows on the other at once, although the other
  had the page in its cache.
- A rate limit counts requests to both servers together.
"""

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
import redis
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import override_settings

from tests.factories import FieldOfActionFactory

BASE_DIR = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/13"
SECRET_KEY = "two-servers-test-key-0123456789-abcdefghijklmnopqrstuvwxyz"

pytestmark = [
    pytest.mark.django_db(transaction=True),  # the servers read committed rows
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="app servers share a PostgreSQL server (CI)"
    ),
]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server_env(tmp_path_factory):
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_INSECURE_HTTP": "true",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}",
        "REDIS_URL": REDIS_URL,
        "DJANGO_STATIC_ROOT": str(tmp_path_factory.mktemp("static")),
        "DJANGO_MEDIA_ROOT": str(tmp_path_factory.mktemp("media")),
        "FEEDBACK_RATE_LIMIT": "2",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    python = sys.executable
    subprocess.run([python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR,
                   env=env, check=True)  # fmt: skip
    redis.Redis.from_url(REDIS_URL).flushdb()
    return env


@pytest.fixture
def servers(server_env, tmp_path):
    log = (tmp_path / "servers.log").open("w")
    ports = [_free_port(), _free_port()]
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    processes = [
        subprocess.Popen(
            [
                gunicorn,
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--threads",
                "2",
                "stadtregion.wsgi",
            ],
            cwd=BASE_DIR,
            env=server_env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        for port in ports
    ]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for url in urls:
            _wait_until_up(url)
        yield urls
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)
        log.close()
        print((tmp_path / "servers.log").read_text()[-3000:])  # shown when a test fails


def _wait_until_up(url: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=10)
            return
        except OSError:  # refused while booting, or slow on its first request
            if time.monotonic() > deadline:
                pytest.fail(f"the app server at {url} did not start")
            time.sleep(0.2)


class _Form(HTMLParser):
    """The fields a browser would post for the form whose ``attribute`` is ``value``."""

    def __init__(self, attribute: str, value: str):
        super().__init__()
        self.match, self.inside, self.fields, self._textarea = (attribute, value), False, {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get(self.match[0]) == self.match[1]
        elif self.inside and tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields[attrs["name"]] = attrs.get("value", "on")
            elif kind != "submit":
                self.fields[attrs["name"]] = attrs.get("value", "")
        elif self.inside and tag == "textarea":
            self._textarea = attrs["name"]
            self.fields[self._textarea] = ""
        elif self.inside and tag == "option" and "selected" in attrs:
            self.fields[self._select] = attrs.get("value", "")
        elif self.inside and tag == "select":
            self._select = attrs["name"]

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self.inside = False


def _request(url: str, cookies: dict, fields: dict | None = None):
    """GET (or POST ``fields``) without following redirects: (status, location, body, cookies)."""
    data = urllib.parse.urlencode(fields).encode() if fields is not None else None
    # The Host a proxy in front of both servers passes on: the configured name, without the
    # servers' own ports (only configured hosts are cached).
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()), "Referer": url,
               "Host": "127.0.0.1"}  # fmt: skip
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        response = opener.open(urllib.request.Request(url, data=data, headers=headers), timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    set_cookies = dict(
        re.match(r"([^=]+)=([^;]*)", value).groups()
        for value in response.headers.get_all("Set-Cookie") or []
    )
    return response.status, response.headers, response.read().decode(), cookies | set_cookies


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _staff_session(django_user_model) -> str:
    editor = django_user_model.objects.create_user("redaktion", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redaktion"))
    # Signed and hashed with the servers' key, as if one of them had logged the editor in.
    with override_settings(SECRET_KEY=SECRET_KEY):
        return _session_for(editor)


def _session_for(editor) -> str:
    """A session that signed in with password and one-time code (every staff account needs it)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=editor, name="Telefon", confirmed=True)
    session = SessionStore()
    session.update({SESSION_KEY: str(editor.pk), HASH_SESSION_KEY: editor.get_session_auth_hash(),
                    BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                    DEVICE_ID_SESSION_KEY: device.persistent_id})  # fmt: skip
    session.create()
    return session.session_key


def test_a_change_saved_on_one_server_shows_on_the_other_at_once(servers, django_user_model):
    first, second = servers
    field = FieldOfActionFactory(name="Mobilität", slug="mobilitaet")
    _request(f"{second}/handlungsfelder/", {})
    _, headers, page, _ = _request(f"{second}/handlungsfelder/", {})
    assert headers["X-Cache"] == "hit" and "Mobilität" in page

    change_url = f"{first}/admin/projects/fieldofaction/{field.pk}/change/"
    status, _, html, cookies = _request(
        change_url, {"sessionid": _staff_session(django_user_model)}
    )
    assert status == 200
    form = _Form("id", "fieldofaction_form")
    form.feed(html)
    status, headers, _, _ = _request(
        change_url, cookies, form.fields | {"name": "Mobilität und Verkehr"}
    )
    assert (status, headers["Location"]) == (302, "/admin/projects/fieldofaction/")

    _, headers, page, _ = _request(f"{second}/handlungsfelder/", {})
    assert "Mobilität und Verkehr" in page
    assert headers["X-Cache"] == "miss"


def test_a_rate_limit_counts_across_both_servers(servers):
    forms = []
    for url in (servers[0], servers[1], servers[0]):
        _, _, html, cookies = _request(f"{url}/barrierefreiheit/feedback/", {})
        form = _Form("action", "/barrierefreiheit/feedback/")
        form.feed(html)
        forms.append((url, cookies, form.fields))
    time.sleep(3.2)  # the form refuses what is sent faster than a person types
    report = {"message": "Der Kontrast der Links ist zu schwach.", "page_url": "/", "website": ""}
    statuses = [
        _request(f"{url}/barrierefreiheit/feedback/", cookies, fields | report)[0]
        for url, cookies, fields in forms
    ]
    # FEEDBACK_RATE_LIMIT=2 per visitor address: the third report, on the first server, is refused.
    assert statuses == [302, 302, 429]
