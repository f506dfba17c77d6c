"""A page cache for anonymous visitors, keyed by what changes a page: host, path, query and the
visitor's consent state (DESIGN.md, "Caching by consent state"). Pages live in the shared cache
(Redis with REDIS_URL) and in each process's memory; without Redis only in the latter.

Freshness without waiting for a TTL: every key holds a site-wide version number, in Redis or,
without it, in the database. Any save or delete of content bumps it (signals), and so does the
clock passing the next moment at which a page changes by itself: a scheduled publication or
withdrawal, a meeting that starts or ends (it moves from "upcoming" to "past"), or midnight
(date filters). All processes and app servers read the same number, so a change shows
everywhere at once.

A cached page holds no CSRF token (responses that asked for one are not stored), no cookie and
no per-user content (requests with a session bypass the cache). Its CSP nonce is replaced by a
fresh one on every hit, so the nonce stays unpredictable.
"""

import datetime
import re
import secrets
import threading
from collections import OrderedDict
from functools import cache

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db.models import F, Min, Q
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_migrate,
)
from django.http import HttpResponse
from django.utils import timezone
from simple_history.models import HistoricalChanges

from core.models import ScheduledPublicationModel
from operations.cache import is_shared
from privacy.consent import CONSENT_COOKIE, get_consent

VERSION_KEY = "pagecache:version"
NEXT_CHANGE_KEY = "pagecache:next-change"
NONCE_PLACEHOLDER = "pagecache-nonce-8f3a1c"
NONCE = re.compile(r"'nonce-([A-Za-z0-9+/_=-]+)'")
# Cookies that change nothing in a cached page: the consent cookie is part of the key, and
# cached pages contain no CSRF token. Any other cookie (a session above all) bypasses the cache.
NEUTRAL_COOKIES = frozenset({CONSENT_COOKIE, settings.CSRF_COOKIE_NAME})
# Saves in these apps never change a public page (logins, lockouts, sessions, devices).
QUIET_APPS = frozenset(
    {"admin", "auth", "axes", "contenttypes", "operations", "otp_totp", "otp_static", "otp_email",
     "sessions"}
)  # fmt: skip
QUIET_MODELS = frozenset({"accessibility.accessibilityfeedback"})
# "no-cache" only asks browsers to revalidate; the server may keep such a page.
UNCACHEABLE = re.compile(r"\b(private|no-store)\b")


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


class _LocalPages:
    """The most recently served pages of this process, so that a hit needs one small round trip
    to Redis (the version) instead of two and no transfer of the page. Keys hold the version,
    so a bumped version simply stops finding the old entries, which age out."""

    def __init__(self):
        self._pages: OrderedDict[str, tuple] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str):
        with self._lock:
            stored = self._pages.get(key)
            if stored is not None:
                self._pages.move_to_end(key)
            return stored

    def put(self, key: str, stored: tuple) -> None:
        with self._lock:
            self._pages[key] = stored
            self._pages.move_to_end(key)
            while len(self._pages) > settings.PAGE_CACHE_LOCAL_ENTRIES:
                self._pages.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()


local_pages = _LocalPages()


def _version_in_database() -> bool:
    """Without a shared cache (no REDIS_URL) each process caches pages in its own memory, and
    the version that tells them all of a save lives in the database they share."""
    return not is_shared(_cache())


def _fresh_number() -> int:
    # A number no process has seen: after a Redis restart (or a new database), pages that
    # processes still keep in memory (local_pages) must not match the new versions.
    return secrets.randbelow(1 << 40)


def _database_version() -> int:
    from .models import PageCacheVersion

    rows = PageCacheVersion.objects.filter(pk=1).values_list("number", flat=True)
    number = rows.first()
    if number is None:
        PageCacheVersion.objects.get_or_create(pk=1, defaults={"number": _fresh_number()})
        number = rows.first()
    return number


def current_version() -> int:
    if _version_in_database():
        return _database_version()
    version = _cache().get(VERSION_KEY)
    if version is None:
        _cache().add(VERSION_KEY, _fresh_number(), timeout=None)
        version = _cache().get(VERSION_KEY)
    return version


def bump_version() -> None:
    """Makes every cached page stale at once, in every process and on every app server."""
    if _version_in_database():
        from .models import PageCacheVersion

        if not PageCacheVersion.objects.filter(pk=1).update(number=F("number") + 1):
            _database_version()  # the first version is new anyway
        return
    try:
        _cache().incr(VERSION_KEY)
    except ValueError:  # no version yet (or evicted)
        current_version()


_migrating = threading.Event()


def _content_changed(sender, action: str = "post", **kwargs) -> None:
    opts = sender._meta
    if opts.app_label in QUIET_APPS or opts.label_lower in QUIET_MODELS:
        return
    # One bump per change: a history record accompanies a save that bumps already, and
    # m2m_changed fires before and after each change to a relation.
    if issubclass(sender, HistoricalChanges) or action.startswith("pre_"):
        return
    # During `migrate` the version's table may not exist yet; the run ends with one bump.
    if settings.PAGE_CACHE_ENABLED and not _migrating.is_set():
        bump_version()


def _migrate_started(**kwargs) -> None:
    _migrating.set()


def _migrate_finished(**kwargs) -> None:
    if _migrating.is_set():
        _migrating.clear()
        if settings.PAGE_CACHE_ENABLED:
            bump_version()  # data migrations may have changed what pages show


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"pagecache-{signal}")
    pre_migrate.connect(_migrate_started, dispatch_uid="pagecache-pre-migrate")
    post_migrate.connect(_migrate_finished, dispatch_uid="pagecache-post-migrate")


@cache
def _scheduled_models() -> tuple:
    return tuple(m for m in apps.get_models() if issubclass(m, ScheduledPublicationModel))


def next_change(now: datetime.datetime) -> datetime.datetime:
    """The next moment a page may change without anybody saving: a scheduled publication or
    withdrawal, a meeting's start or end, or the next midnight in the site's time zone."""
    from governance.models import Meeting

    local = timezone.localtime(now)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0) + datetime.timedelta(days=1)
    moments = [midnight]
    for model in _scheduled_models():
        moments += (
            model._base_manager.filter(is_published=True)
            .aggregate(
                start=Min("publish_from", filter=Q(publish_from__gt=now)),
                end=Min("visible_until", filter=Q(visible_until__gt=now)),
            )
            .values()
        )
    moments += Meeting._base_manager.aggregate(
        start=Min("start", filter=Q(start__gt=now)), end=Min("end", filter=Q(end__gt=now))
    ).values()
    return min(moment for moment in moments if moment is not None)


def live_version(now: datetime.datetime) -> int:
    """The version for this request; moves on by itself when the next change is due."""
    if _version_in_database():
        version, known = _database_version(), _cache().get(NEXT_CHANGE_KEY)
    else:  # one round trip for both
        stored = _cache().get_many([VERSION_KEY, NEXT_CHANGE_KEY])
        version, known = stored.get(VERSION_KEY), stored.get(NEXT_CHANGE_KEY)
        if version is None:
            version = current_version()
    if known is None or known[0] != version:
        known = (version, next_change(now))
        _cache().set(NEXT_CHANGE_KEY, known, timeout=None)
    if now >= known[1]:
        bump_version()
        return live_version(now)
    return version


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if set(request.COOKIES) - NEUTRAL_COOKIES:
        return False
    allowed = settings.PAGE_CACHE_QUERY_PARAMS
    return len(request.META.get("QUERY_STRING", "")) <= 200 and all(
        name in allowed for name in request.GET
    )


def _key(request, version: int) -> str:
    consent = get_consent(request)
    state = ",".join(sorted(consent.allowed)) if consent.decided else "-"
    path = request.get_full_path()
    return f"pagecache:{version}:{request.scheme}://{request.get_host()}{path}|{state}"


def _store(request, response, key: str) -> None:
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or UNCACHEABLE.search(response.get("Cache-Control", ""))
    ):
        return
    headers = dict(response.items())
    body = response.content
    match = NONCE.search(headers.get("Content-Security-Policy", ""))
    if match:
        nonce = match.group(1)
        body = body.replace(nonce.encode(), NONCE_PLACEHOLDER.encode())
        headers = {k: v.replace(nonce, NONCE_PLACEHOLDER) for k, v in headers.items()}
    _cache().set(key, (headers, body), timeout=settings.PAGE_CACHE_SECONDS)
    local_pages.put(key, (headers, body))


def _replay(stored) -> HttpResponse:
    headers, body = stored
    nonce = secrets.token_urlsafe(16)
    response = HttpResponse(body.replace(NONCE_PLACEHOLDER.encode(), nonce.encode()))
    for name, value in headers.items():
        response[name] = value.replace(NONCE_PLACEHOLDER, nonce)
    # The new nonce need not be as long as the stored one.
    response["Content-Length"] = str(len(response.content))
    response["X-Cache"] = "hit"
    return response


class PageCacheMiddleware:
    """Serves and stores anonymous pages; sits above the session, CSRF and CSP middleware, so a
    hit skips them all (the stored headers already hold the page's CSP and policies)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request, live_version(timezone.now()))
        stored = local_pages.get(key)
        if stored is None:
            stored = _cache().get(key)  # stored by another process or app server
            if stored is not None:
                local_pages.put(key, stored)
        if stored is not None:
            return _replay(stored)  # the WSGI server drops the body of a HEAD
        response = self.get_response(request)
        if request.method == "GET":
            _store(request, response, key)
        response["X-Cache"] = "miss"
        return response
