"""A page cache for anonymous visitors that serves stored bytes (docs: "Caching by consent
state").

It sits right below the request log, above every other middleware, so a hit runs nothing but
this: the stored headers already hold the page's CSP and policies, and its bodies are stored
once per content coding (identity, gzip, Brotli), so a hit neither renders, rewrites nor
compresses. Cached pages carry no per-response nonce (the policy needs none) and no CSRF token
(responses that set a cookie are not stored), and requests with a session bypass the cache.

Keys hold only what really changes a page: the version (operations.pageversion), the next
moment a page changes by itself, scheme, a configured host (a made-up Host or port is answered
but not stored), path, a query string that the view itself declared canonical (a made-up or
invalid value is answered but not stored) and the visitor's normalised consent state (one of a
handful, never a raw cookie value).

Shared caches in front of the site (a CDN) get one public variant per URL, for requests without
cookies (s-maxage, stale-while-revalidate, stale-if-error, an ETag, a purge after every change:
operations.purge); every other answer is private to the browser.
"""

import datetime
import hashlib
import os
import threading
from contextlib import suppress
from functools import cache, lru_cache
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db.models import Min, Q
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_migrate
from django.http import FileResponse, HttpResponse, parse_cookie
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalChanges

from core.views import CACHE_QUERY_ATTRIBUTE
from privacy.consent import CONSENT_COOKIE, parse_consent

from . import pageversion
from .encoding import MIN_SIZE, compress, compressible, negotiate
from .middleware import TextGZipMiddleware
from .pagestore import Entry, disk_pages, local_pages, shared_pages

# Cookies that change nothing in a cached page: the consent cookie is part of the key, and
# cached pages contain no CSRF token. Any other cookie (a session above all) bypasses the cache.
NEUTRAL_COOKIES = frozenset({CONSENT_COOKIE, settings.CSRF_COOKIE_NAME})
# Our models declare whether their saves change a public page (changes_public_pages, see
# core.models.TimestampedModel); saves in these libraries' apps never do (logins, lockouts,
# sessions, devices).
QUIET_LIBRARY_APPS = frozenset(
    {"admin", "auth", "axes", "contenttypes", "otp_totp", "otp_static", "otp_email", "sessions"}
)
MAX_QUERY_LENGTH = 200
# Headers of the stored answer that the cache sets itself on every hit.
OWN_HEADERS = frozenset({"content-length", "content-encoding", "etag", "vary", "x-cache"})
SUFFIX = {"identity": "", "gzip": "-gz", "br": "-br"}
VARY = "Accept-Encoding, Cookie"
NONE = frozenset({""})  # what an answer without a declaration stands for: no query string


# --- Freshness ---------------------------------------------------------------------------------


def _caching() -> bool:
    return settings.PAGE_CACHE_ENABLED or settings.FRAGMENT_CACHE_ENABLED


def _content_changed(sender, action: str = "post", **kwargs) -> None:
    if not getattr(
        sender, "changes_public_pages", sender._meta.app_label not in QUIET_LIBRARY_APPS
    ):
        return
    # A history record accompanies a save that moves the version already, and m2m_changed
    # fires before and after each change to a relation.
    if issubclass(sender, HistoricalChanges) or action.startswith("pre_"):
        return
    if _caching() and not _migrating.is_set():
        pageversion.bump_on_commit()


_migrating = threading.Event()


def _migrate_started(**kwargs) -> None:
    _migrating.set()


def _migrate_finished(**kwargs) -> None:
    # During `migrate` the version's table may not exist yet; the run ends with one move.
    if _migrating.is_set():
        _migrating.clear()
        if _caching():
            pageversion.bump_on_commit()


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"pagecache-{signal}")
    pre_migrate.connect(_migrate_started, dispatch_uid="pagecache-pre-migrate")
    post_migrate.connect(_migrate_finished, dispatch_uid="pagecache-post-migrate")


@cache
def _timed_models() -> tuple:
    """The models that declare moments at which their pages change by themselves."""
    return tuple(m for m in apps.get_models() if getattr(m, "page_change_moments", None))


def next_change(now: datetime.datetime) -> datetime.datetime:
    """The next moment a page may change without anybody saving: one of the moments the models
    declare (a scheduled publication or withdrawal, a meeting's start or end), or the next
    midnight in the site's time zone."""
    local = timezone.localtime(now)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0) + datetime.timedelta(days=1)
    moments = [midnight]
    for model in _timed_models():
        moments += model._base_manager.aggregate(
            **{
                name: Min(name, filter=condition & Q(**{f"{name}__gt": now}))
                for name, condition in model.page_change_moments.items()
            }
        ).values()
    return min(moment for moment in moments if moment is not None)


class _Period:
    """The version and the next moment of change, as this process last computed them: the
    moment is computed once per version and moment, not per request."""

    def __init__(self):
        self.state: tuple[int, datetime.datetime] | None = None  # replaced whole, read whole
        self._lock = threading.Lock()

    def current(self, version: int, now: datetime.datetime) -> str | None:
        """The key part, if this process computed it for this version and it is still due."""
        state = self.state
        if state is None or state[0] != version or now >= state[1]:
            return None
        return f"{version}:{state[1].timestamp():.0f}"

    def key(self, now: datetime.datetime) -> str:
        version = pageversion.current()
        with self._lock:
            if self.current(version, now) is None:
                # The data read here is at least as new as `version` (read first).
                self.state = (version, next_change(now))
            return self.current(version, now)

    def clear(self) -> None:
        self.state = None


period = _Period()


def content_state() -> str | None:
    """The version and next moment of change, where they follow every change of content (a
    cache is on); what conditional GET of the interfaces hashes (core.interfaces)."""
    return period.key(timezone.now()) if _caching() else None


# --- What may be cached ------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _cacheable_hosts(allowed_hosts: tuple[str, ...], site_url: str) -> frozenset[str]:
    """Hosts as they arrive in the Host header: the configured ones, without made-up ports."""
    hosts = {host for host in allowed_hosts if host != "*" and not host.startswith(".")}
    if site_url:
        hosts.add(urlsplit(site_url).netloc)
    return frozenset(hosts)


@cache
def _bypassed_prefixes() -> tuple[str, ...]:
    # Files, the back office and the health check never come from here: not worth a lookup.
    return (settings.STATIC_URL, settings.MEDIA_URL, reverse("admin:index"), reverse("healthz"))


def _host(meta) -> str:
    """The host as request.get_host() reads it (never X-Forwarded-Host, which we do not trust),
    unvalidated: only exact members of the configured set are cached."""
    if "HTTP_HOST" in meta:
        return meta["HTTP_HOST"]
    return meta.get("SERVER_NAME", "") if meta.get("SERVER_PORT") in ("80", "443") else ""


def _scheme(meta) -> str:
    # As request.scheme decides it, behind a TLS-terminating proxy too.
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure = settings.SECURE_PROXY_SSL_HEADER
        if meta.get(header, "").split(",", 1)[0].strip() == secure:
            return "https"
    return meta.get("wsgi.url_scheme", "http")


def request_key(meta) -> str | None:
    """What the request decides of the key, from its WSGI environ (request.META), or None if it
    is not served from here. Read the same way before Django builds a request and inside it."""
    if meta.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    path = meta.get("SCRIPT_NAME", "") + meta.get("PATH_INFO", "/")
    if path.startswith(_bypassed_prefixes()):
        return None
    cookies = parse_cookie(meta["HTTP_COOKIE"]) if meta.get("HTTP_COOKIE") else {}
    if not cookies.keys() <= NEUTRAL_COOKIES:
        return None
    host = _host(meta)
    hosts = _cacheable_hosts(tuple(settings.ALLOWED_HOSTS), settings.SITE_URL)
    query = meta.get("QUERY_STRING", "")
    if host not in hosts or len(query) > MAX_QUERY_LENGTH:
        return None
    state = parse_consent(cookies.get(CONSENT_COOKIE)).state
    cookie = "c" if cookies else "-"  # whether a shared cache may keep the answer
    return f"{_scheme(meta)}://{host}{path}?{query}|{state}|{cookie}"


def _storable(request, response) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Content-Encoding")
        and "private" not in control
        and "no-store" not in control
        # Only a query string the view declared canonical: made-up parameters, invalid values,
        # other spellings of the same values are answered, never stored.
        and request.META.get("QUERY_STRING", "") in getattr(response, CACHE_QUERY_ATTRIBUTE, NONE)
    )


# --- Stored answers ----------------------------------------------------------------------------


def make_entry(response, *, shared: bool) -> Entry:
    """The answer to store: its headers with the cache's own, and its body once per coding."""
    body = response.content
    bodies = {"identity": body}
    if len(body) >= MIN_SIZE and compressible(response.get("Content-Type", "")):
        for coding in ("br", "gzip"):
            bodies[coding] = compress(body, coding)
    headers = [(n, v) for n, v in response.items() if n.lower() not in OWN_HEADERS]
    if not response.has_header("Cache-Control"):
        # Browsers revalidate (a 304 is cheap); shared caches keep the cookie-less variant for
        # a while and may serve it stale while revalidating or while the site is down.
        control = settings.PAGE_CACHE_SHARED_CONTROL if shared else "private, max-age=0"
        headers.append(("Cache-Control", control))
    headers.append(("Vary", VARY))
    return Entry(
        headers=tuple(headers),
        bodies=bodies,
        etag=hashlib.blake2b(body, digest_size=12).hexdigest(),
    )


def _etag_matches(header: str, etag: str) -> bool:
    # Weak comparison (RFC 9110 13.1.2): W/ is ignored; "*" matches any current answer.
    tags = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return etag in tags or "*" in tags


def answer(entry: Entry, meta, *, hit: bool) -> tuple[int, list[tuple[str, str]], bytes | BinaryIO]:
    """Status, headers and body for this request: the coding it prefers, or 304 if it has
    the same answer already. Nothing but choosing among stored bytes."""
    coding = negotiate(meta.get("HTTP_ACCEPT_ENCODING", ""), tuple(entry.bodies))
    etag = f'"{entry.etag}{SUFFIX[coding]}"'
    headers = [*entry.headers, ("ETag", etag), ("X-Cache", "hit" if hit else "miss")]
    if "HTTP_IF_NONE_MATCH" in meta and _etag_matches(meta["HTTP_IF_NONE_MATCH"], etag):
        return 304, headers, b""
    body = entry.bodies[coding]
    if isinstance(body, Path):  # on disk (operations.pagestore.DiskPages): sent as a file
        body = body.open("rb")  # FileNotFoundError if dropped meanwhile: a miss
        length = os.fstat(body.fileno()).st_size
    else:
        length = len(body)
    if coding != "identity":
        headers.append(("Content-Encoding", coding))
    headers.append(("Content-Length", str(length)))
    return 200, headers, body


def _http_response(status: int, headers, body: bytes | BinaryIO) -> HttpResponse:
    if isinstance(body, bytes):
        response = HttpResponse(body, status=status)
    else:
        response = FileResponse(body, status=status)
    for name, value in headers:
        response[name] = value
    return response


def _on_this_host(key: str) -> Entry | None:
    """This process's memory, then the files this host's workers share."""
    return local_pages.get(key) or disk_pages.get(key)


def _stored(key: str) -> Entry | None:
    """What this host holds, then Redis."""
    entry = _on_this_host(key)
    if entry is None:
        entry = shared_pages.get(key)  # stored by another process or app server
        if entry is not None:
            local_pages.put(key, entry)
    return entry


def _store(key: str, entry: Entry) -> None:
    local_pages.put(key, entry)
    if entry.size > settings.PAGE_CACHE_LOCAL_MAX_ENTRY_BYTES:
        disk_pages.put(key, entry)
    shared_pages.put(key, entry)


class PageCacheMiddleware:
    """Serves and stores anonymous pages inside Django: the version from the database where no
    listener tells it (SQLite), pages from another app server (Redis), and every miss."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.compressor = TextGZipMiddleware(get_response)

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED:
            return self.get_response(request)
        request_part = request_key(request.META)
        if request_part is None:
            return self.get_response(request)
        key = f"page:{period.key(timezone.now())}:{request_part}"
        entry = _stored(key)
        if entry is not None:
            with suppress(FileNotFoundError):
                return _http_response(*answer(entry, request.META, hit=True))
        request.page_cache_encodes = True  # TextGZipMiddleware leaves the coding to us
        response = self.get_response(request)
        if request.method != "GET" or not _storable(request, response):
            return self.compressor.compress(request, response)
        entry = make_entry(response, shared=request_part.endswith("|-"))
        _store(key, entry)
        return _http_response(*answer(entry, request.META, hit=False))


def stored_answer(environ) -> tuple[int, list[tuple[str, str]], bytes | BinaryIO] | None:
    """A hit answered before Django builds a request (operations.wsgi), or None: then Django
    and the middleware above answer. Only when the version is known without a query (the
    listener is healthy) and the page is in this process's memory."""
    if not settings.PAGE_CACHE_ENABLED:
        return None
    request_part = request_key(environ)
    if request_part is None:
        return None
    version = pageversion.known()
    period_part = version is not None and period.current(version, timezone.now())
    if not period_part:
        return None
    key = f"page:{period_part}:{request_part}"
    entry = _on_this_host(key)
    return answer(entry, environ, hit=True) if entry is not None else None
