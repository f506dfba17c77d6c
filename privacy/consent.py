"""Privacy settings: one registry of every cookie and external service, the consent cookie, and
what a visitor's choice permits.

The banner, the settings form, the placeholders of maps and videos, the cookie table on the
Datenschutz page and the Content-Security-Policy are all derived from this module, so the site
cannot set a cookie or contact a host that the Datenschutz page does not name.

The consent cookie stores only the choice, its version and its date (no personal data), signed
with the site's key so that a garbled or edited value counts as "no choice made".
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core import signing
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from core.staff import is_verified_staff
from core.tiles import tile_url

CONSENT_COOKIE = "sr_consent"
# Raise when the purpose or the texts of a service change in a way visitors must see again.
# Adding or removing a service needs no bump: a stored choice must name exactly today's services.
CONSENT_VERSION = 1
CONSENT_MAX_AGE = 365 * 24 * 60 * 60
_SIGNING_SALT = "privacy.consent"
_YES, _NO = "ja", "nein"

VIDEO_ORIGIN = "https://www.youtube-nocookie.com"
SITE_PROVIDER = "Stadtregion Münster (diese Website)"


class Category(models.TextChoices):
    NECESSARY = "notwendig", "Notwendig"
    EXTERNAL = "extern", "Externe Medien"


@dataclass(frozen=True)
class CookieInfo:
    name: str
    purpose: str
    provider: str
    lifetime: str
    category: str

    @property
    def category_label(self) -> str:
        return Category(self.category).label


@dataclass(frozen=True)
class Service:
    """An external component that may only be loaded after consent."""

    key: str
    name: str
    purpose: str
    provider: str
    privacy_url: str
    # What loading transmits to whom; shown on every placeholder before anything is loaded.
    transmits: str
    # CSP directive -> sources, added only to responses for visitors who consented.
    csp: dict[str, tuple[str, ...]]
    cookies: tuple[CookieInfo, ...] = ()
    category: str = Category.EXTERNAL

    @property
    def category_label(self) -> str:
        return Category(self.category).label


def human_duration(seconds: int | None) -> str:
    """A cookie lifetime in plain German: "1 Jahr", "2 Wochen", "bis zum Schließen des Browsers"."""
    if seconds is None:
        return "bis zum Schließen des Browsers"
    days, rest = divmod(int(seconds), 24 * 60 * 60)
    if rest or days == 0:
        hours = max(1, round(seconds / 3600))
        return "1 Stunde" if hours == 1 else f"{hours} Stunden"
    if days % 365 == 0:
        years = days // 365
        return "1 Jahr" if years == 1 else f"{years} Jahre"
    if days % 7 == 0:
        weeks = days // 7
        return "1 Woche" if weeks == 1 else f"{weeks} Wochen"
    return "1 Tag" if days == 1 else f"{days} Tage"


def tile_source(url_template: str) -> str:
    """The CSP source of a Leaflet tile URL: its origin, with the {s} subdomain as a wildcard."""
    match = re.match(r"^(https?://[^/]+)", url_template)
    if not match:
        raise ValueError(f"The tile URL must be an absolute http(s) URL, got {url_template!r}")
    return match.group(1).replace("{s}", "*")


def services() -> tuple[Service, ...]:
    """Every external service, in the order the banner lists them."""
    return (
        Service(
            key="osm",
            name="OpenStreetMap",
            purpose=(
                "Zeigt Karten der Stadtregion, der Mitgliedskommunen und der Projektstandorte. "
                "Die Kartenbilder (Kacheln) lädt Ihr Browser vom Kartenserver."
            ),
            provider=settings.MAP_TILE_PROVIDER,
            privacy_url=settings.MAP_TILE_PRIVACY_URL,
            transmits=(
                f"Beim Laden der Karte ruft Ihr Browser Kartenbilder vom Server des Anbieters "
                f"ab ({settings.MAP_TILE_PROVIDER}). Dabei erhält der Anbieter Ihre IP-Adresse, "
                "die Adresse dieser Website (ohne die aufgerufene Unterseite) und technische "
                "Angaben zu Ihrem Browser; er kann eigene Cookies setzen."
            ),
            csp={"img-src": (tile_source(tile_url()),)},
        ),
        Service(
            key="youtube",
            name="YouTube",
            purpose=(
                "Spielt eingebettete Videos ab. Wir binden sie über youtube-nocookie.com ein "
                "(erweiterter Datenschutzmodus)."
            ),
            provider="Google Ireland Limited, Gordon House, Barrow Street, Dublin 4, Irland",
            privacy_url="https://policies.google.com/privacy?hl=de",
            transmits=(
                "Beim Laden des Videos ruft Ihr Browser den Videoplayer von YouTube "
                "(Google Ireland Limited) über youtube-nocookie.com ab. Dabei erhält Google Ihre "
                "IP-Adresse und technische Angaben zu Ihrem Browser; spätestens beim Abspielen "
                "kann YouTube Cookies setzen und Daten auch in die USA übermitteln."
            ),
            csp={"frame-src": (VIDEO_ORIGIN,)},
            cookies=(
                CookieInfo(
                    name="YSC",
                    purpose="Von YouTube gesetzt: erkennt wiederholte Aufrufe des Players.",
                    provider="Google Ireland Limited",
                    lifetime=human_duration(None),
                    category=Category.EXTERNAL,
                ),
                CookieInfo(
                    name="VISITOR_INFO1_LIVE",
                    purpose="Von YouTube gesetzt: schätzt die Bandbreite für die Wiedergabe.",
                    provider="Google Ireland Limited",
                    lifetime="etwa 6 Monate",
                    category=Category.EXTERNAL,
                ),
            ),
        ),
    )


def service_keys() -> frozenset[str]:
    return frozenset(s.key for s in services())


def get_service(key: str) -> Service | None:
    return next((s for s in services() if s.key == key), None)


def site_cookies() -> tuple[CookieInfo, ...]:
    """Every cookie this site itself can set; names and lifetimes come from the settings in use."""
    session_lifetime = (
        None if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE else settings.SESSION_COOKIE_AGE
    )
    return (
        CookieInfo(
            name=CONSENT_COOKIE,
            purpose=(
                "Speichert Ihre Privatsphäre-Einstellung: welche externen Dienste Sie erlauben, "
                "die Version der Einstellung und das Datum Ihrer Wahl – sonst nichts."
            ),
            provider=SITE_PROVIDER,
            lifetime=human_duration(CONSENT_MAX_AGE),
            category=Category.NECESSARY,
        ),
        CookieInfo(
            name=settings.CSRF_COOKIE_NAME,
            purpose=(
                "Schützt Formulare (Rückmeldung zur Barrierefreiheit, Anmeldung der Redaktion) "
                "vor gefälschten Anfragen fremder Websites. Wird nur auf Seiten mit einem "
                "solchen Formular gesetzt."
            ),
            provider=SITE_PROVIDER,
            lifetime=human_duration(settings.CSRF_COOKIE_AGE),
            category=Category.NECESSARY,
        ),
        CookieInfo(
            name=CookieStorage.cookie_name,
            purpose=(
                "Überbringt eine kurze Bestätigung (z. B. „Ihre Auswahl wurde gespeichert“) an "
                "die nächste Seite und wird dort gleich wieder gelöscht."
            ),
            provider=SITE_PROVIDER,
            lifetime=human_duration(None),
            category=Category.NECESSARY,
        ),
        CookieInfo(
            name=settings.SESSION_COOKIE_NAME,
            purpose="Hält die Anmeldung der Redaktion im Verwaltungsbereich aufrecht.",
            provider=SITE_PROVIDER,
            lifetime=human_duration(session_lifetime),
            category=Category.NECESSARY,
        ),
    )


def all_cookies() -> tuple[CookieInfo, ...]:
    """Site cookies first, then the cookies external services may set once loaded."""
    return site_cookies() + tuple(c for s in services() for c in s.cookies)


# --- The visitor's choice ---------------------------------------------------------------------


@dataclass(frozen=True)
class Consent:
    """A visitor's current choice; `decided` is False when no valid, current choice exists."""

    allowed: frozenset[str] = frozenset()
    decided: bool = False
    date: datetime.date | None = None

    def allows(self, key: str) -> bool:
        return key in self.allowed

    @property
    def state(self) -> str:
        """The choice in short, for cache keys: "-" (none yet) or the allowed services."""
        return ",".join(sorted(self.allowed)) if self.decided else "-"


NO_CONSENT = Consent()
_ITEM = re.compile(r"^([a-z0-9]+):(ja|nein)$")


def _signer() -> signing.Signer:
    return signing.Signer(salt=_SIGNING_SALT, sep="~")


def encode_consent(allowed: frozenset[str] | set[str], date: datetime.date) -> str:
    """Cookie value, e.g. "v1|2026-11-25|osm:ja|youtube:nein~<signature>"."""
    keys = [s.key for s in services()]
    items = [f"{key}:{_YES if key in allowed else _NO}" for key in keys]
    return _signer().sign("|".join([f"v{CONSENT_VERSION}", date.isoformat(), *items]))


def parse_consent(raw: str | None, today: datetime.date | None = None) -> Consent:
    """The choice in a cookie value; anything malformed, outdated or tampered with is no choice."""
    if not raw:
        return NO_CONSENT
    try:
        value = _signer().unsign(raw)
    except signing.BadSignature:
        return NO_CONSENT
    version, _, rest = value.partition("|")
    date_text, _, choices = rest.partition("|")
    if version != f"v{CONSENT_VERSION}" or not choices:
        return NO_CONSENT
    try:
        date = datetime.date.fromisoformat(date_text)
    except ValueError:
        return NO_CONSENT
    today = today or timezone.localdate()
    # One day of slack for clocks; a choice older than the cookie's lifetime is stale.
    if date > today + datetime.timedelta(days=1) or (today - date).days * 86400 > CONSENT_MAX_AGE:
        return NO_CONSENT
    decisions: dict[str, bool] = {}
    for item in choices.split("|"):
        match = _ITEM.match(item)
        if not match or match.group(1) in decisions:
            return NO_CONSENT
        decisions[match.group(1)] = match.group(2) == _YES
    # A service added or removed since the choice was made: ask again.
    if set(decisions) != service_keys():
        return NO_CONSENT
    return Consent(allowed=frozenset(k for k, v in decisions.items() if v), decided=True, date=date)


def get_consent(request: HttpRequest) -> Consent:
    """The stored choice of this request's visitor (parsed once per request)."""
    consent = getattr(request, "_consent", None)
    if consent is None:
        consent = parse_consent(request.COOKIES.get(CONSENT_COOKIE))
        request._consent = consent
    return consent


def grant_once(request: HttpRequest, key: str) -> None:
    """Consent for this one response only (the "Karte laden"/"Video laden" buttons); not stored."""
    request._consent_once = getattr(request, "_consent_once", frozenset()) | {key}


def allowed_for_response(request: HttpRequest) -> frozenset[str]:
    """Services this response may load: the stored choice plus any one-time consent.

    Staff working in the admin consent to the map by using its map picker (the tile server is
    the one the settings name, nothing else).
    """
    allowed = get_consent(request).allowed | getattr(request, "_consent_once", frozenset())
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    if match is not None and match.namespace == "admin" and is_verified_staff(user):
        allowed |= {"osm"}
    return frozenset(allowed)


def csp_sources(allowed: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """CSP directive -> extra sources for the given services."""
    sources: dict[str, tuple[str, ...]] = {}
    for service in services():
        if service.key in allowed:
            for directive, values in service.csp.items():
                sources[directive] = sources.get(directive, ()) + values
    return sources


def set_consent_cookie(response: HttpResponse, request: HttpRequest, allowed: set[str]) -> None:
    response.set_cookie(
        CONSENT_COOKIE,
        encode_consent(frozenset(allowed) & service_keys(), timezone.localdate()),
        max_age=CONSENT_MAX_AGE,
        secure=request.is_secure() or settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


# --- Requests from our own pages only --------------------------------------------------------


def _origin_of(url: str) -> str:
    match = re.match(r"^(https?://[^/?#]+)", url)
    return match.group(1).lower() if match else ""


def is_same_origin(request: HttpRequest) -> bool:
    """True only for requests sent by our own pages.

    The consent endpoint and the one-time embeds take no CSRF token: a token would have to be
    put into every anonymous page (making it uncacheable and setting a cookie before any choice).
    Browsers state where a request comes from instead: Sec-Fetch-Site, else Origin, else Referer.
    """
    own = f"{request.scheme}://{request.get_host()}".lower()
    trusted = {own, *(o.lower() for o in settings.CSRF_TRUSTED_ORIGINS)}
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin.lower() in trusted
    referer = request.headers.get("Referer")
    return bool(referer) and _origin_of(referer) in trusted


def safe_next(request: HttpRequest, candidate: str | None, default: str = "/") -> str:
    """A local URL to return to after a form post; anything else falls back to the default."""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default
