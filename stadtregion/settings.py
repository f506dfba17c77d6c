"""Settings for the Stadtregion Münster portal, read from the environment only (12-factor).

Local runs need nothing set: SQLite, DEBUG on, a throwaway key. Production (DEBUG off) refuses to
start without a real SECRET_KEY and ALLOWED_HOSTS; see stadtregion.checks for the rest.
"""

import os
import tempfile
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from operations.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {value!r}")


def env_str(name: str, default: str) -> str:
    # An empty value (NAME= in an env file) means "unset": an empty DJANGO_STATIC_ROOT would
    # otherwise make the working directory, code included, the static root served at /static/.
    return os.environ.get(name) or default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)
_DEV_SECRET_KEY = "insecure-local-development-key-never-use-in-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "" if not DEBUG else _DEV_SECRET_KEY)
if not DEBUG and (not SECRET_KEY or SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a random value of at least 50 characters "
        "when DJANGO_DEBUG is off."
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Plain-HTTP production runs (a local gunicorn behind no TLS proxy) must switch the HTTPS-only
# protections off explicitly; everything else gets them.
INSECURE_HTTP = env_bool("DJANGO_INSECURE_HTTP", False)
HTTPS = not DEBUG and not INSECURE_HTTP


def _site_url() -> str:
    """The site's one public address, scheme and host (and port) only, without a final slash.

    Unset: `make run`'s address with DEBUG, else the first DJANGO_ALLOWED_HOSTS entry over https
    (http with DJANGO_INSECURE_HTTP).
    """
    value = env_str("DJANGO_SITE_URL", "")
    if not value and DEBUG:
        return "http://127.0.0.1:8000"
    if not value:
        host = ALLOWED_HOSTS[0].removeprefix(".")  # ".example.org" includes example.org
        if not host or "*" in host:
            raise ImproperlyConfigured(
                "DJANGO_SITE_URL must be set when the first DJANGO_ALLOWED_HOSTS entry is no "
                "host name."
            )
        value = f"{'http' if INSECURE_HTTP else 'https'}://{host}"
    parts = urlsplit(value)
    if (
        parts.scheme not in {"http", "https"}
        or not parts.hostname
        or parts.username is not None
        or parts.path not in {"", "/"}
        or parts.query
        or parts.fragment
    ):
        raise ImproperlyConfigured(
            f"DJANGO_SITE_URL must be scheme and host only, such as "
            f"https://www.stadtregion-muenster.de; got {value!r}."
        )
    return f"{parts.scheme}://{parts.netloc}"


# Links that leave the request (password-reset and feedback mails) point here, never to the
# Host a client sent; core.siteurl builds them.
SITE_URL = _site_url()
SECURE_SSL_REDIRECT = HTTPS and env_bool("DJANGO_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# Preloading binds the whole domain to HTTPS in browsers for months; the domain's owner opts in.
SECURE_HSTS_PRELOAD = HTTPS and env_bool("DJANGO_HSTS_PRELOAD", False)
# security.W021 only says "preload is off", which is the deliberate default above.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
if env_bool("DJANGO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Addresses or networks of our own reverse proxies: only their X-Forwarded-For is believed
# (core.client). Empty: REMOTE_ADDR is the client.
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
# OpenStreetMap's tile servers refuse requests without a Referer; this sends only the origin.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# An expired or cookie-less form gets a German page in the site's or the admin's layout.
CSRF_FAILURE_VIEW = "stadtregion.errors.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

INSTALLED_APPS = [
    # SimpleAdminConfig: autodiscovery would import leaflet.admin, which needs GDAL (docs/architecture.md, "No GDAL");
    # this subclass only makes the two-factor-aware accounts.sites.StaffAdminSite the default.
    "accounts.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "accounts.apps.LoginAttemptsConfig",  # django-axes under a German name
    "django_otp",
    "accounts.apps.TwoFactorDevicesConfig",  # django_otp.plugins.otp_totp, German name
    "leaflet",
    "simple_history",
    # Ours, lowest layer first: apps import only those above them (docs/architecture.md,
    # "One layer order"; the import-linter contract in pyproject.toml lists the same order).
    "core",
    "uploads",
    "editorial",
    "privacy",
    "members",
    "projects",
    "governance",
    "figures",  # reads members, projects and governance documents
    "oparl",
    "maps",
    "pages",
    "opendata",
    "accessibility",
    "search",  # reads the content apps above
    "accounts",
    "operations",
    "stadtregion",
    # Last, as its documentation asks: deletes a file when its object goes or it is replaced.
    "django_cleanup.apps.CleanupConfig",
]

MIDDLEWARE = [
    # Outermost: its duration and request id cover everything below.
    "operations.middleware.RequestLogMiddleware",
    # Anonymous pages as stored bytes: a hit runs no other middleware (operations.pagecache).
    "operations.pagecache.PageCacheMiddleware",
    # Above every middleware that can answer early, so all answers carry the policy.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # CSP, frame and security headers for answers made before those middlewares ran (413, 400).
    "core.middleware.EarlyAnswerHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before the admin queries the database with the address's text.
    "core.middleware.AdminNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise, which serves static files precompressed; compresses what the page cache
    # does not store (it stores each page compressed).
    "operations.middleware.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Below CommonMiddleware: a 404 at a moved address becomes a 301 before a slash is tried.
    "editorial.redirects.RedirectFallbackMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): has this session used its one-time code (accounts.twofactor)?
    "django_otp.middleware.OTPMiddleware",
    # Needs request.user; must answer before CsrfViewMiddleware.process_view parses the body.
    "core.middleware.AnonymousBodyLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # After CSPMiddleware: adds consented hosts to the policy before the header is written.
    "privacy.middleware.ConsentCSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out login into accounts.views.locked_out.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "stadtregion.urls"
WSGI_APPLICATION = "stadtregion.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "stadtregion.context_processors.site",
                "pages.context_processors.menus",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env_str("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers write at once (sessions, login attempts). A transaction that
    # starts reading and then writes fails at once with "database is locked" when another holds
    # the lock; taking the write lock at the start makes it wait instead.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds only what may be lost at any moment: cached pages. With REDIS_URL all app
# servers share it; give that Redis a memory limit and let it evict (maxmemory-policy
# allkeys-lru). A Redis that is down or slow is a miss, never an error (operations.pagestore).
# Rate limits and single-use tokens never live here: they are rows in the database
# (core.ratelimit), which no flood of pages can evict.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "operations.cache.RedisCache",  # Django's, with one client per pool
        "LOCATION": os.environ["REDIS_URL"],
        # Seconds: a Redis that hangs must cost a request little (then it is skipped a while).
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
# Page cache for anonymous visitors (operations.pagecache). Entries expire after
# PAGE_CACHE_SECONDS only to drop unused ones: every change takes effect at once.
# Off by default with DEBUG, so that template edits show at once while developing.
PAGE_CACHE_ENABLED = env_bool("DJANGO_PAGE_CACHE", not DEBUG)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = 3600
# Each process keeps recent pages in its memory too, bounded in bytes; larger answers (big
# downloads) go to files every process of the host shares (sent without being read into
# memory), and into Redis up to PAGE_CACHE_MAX_ENTRY_BYTES.
PAGE_CACHE_LOCAL_BYTES = int(env_str("DJANGO_PAGE_CACHE_LOCAL_MB", "32")) * 1024 * 1024
PAGE_CACHE_LOCAL_MAX_ENTRY_BYTES = 512 * 1024
PAGE_CACHE_MAX_ENTRY_BYTES = 8 * 1024 * 1024
PAGE_CACHE_DIR = env_str(
    "DJANGO_PAGE_CACHE_DIR", str(Path(tempfile.gettempdir()) / "stadtregion-pagecache")
)
PAGE_CACHE_DISK_BYTES = int(env_str("DJANGO_PAGE_CACHE_DISK_MB", "512")) * 1024 * 1024
PAGE_CACHE_DISK_MAX_ENTRY_BYTES = 128 * 1024 * 1024
# Parts that many pages share (navigation, footer, consent banner, filter facets) are rendered
# once per content version and kept in each process's memory (operations/templatetags/fragments).
FRAGMENT_CACHE_ENABLED = env_bool("DJANGO_FRAGMENT_CACHE", not DEBUG)
FRAGMENT_CACHE_BYTES = 8 * 1024 * 1024
FRAGMENT_CACHE_MAX_ENTRY_BYTES = 256 * 1024
# On PostgreSQL each process learns of a change by LISTEN/NOTIFY instead of asking per request.
PAGE_CACHE_LISTEN = env_bool("DJANGO_PAGE_CACHE_LISTEN", True)
# For a CDN in front of the site: how long it may keep the cookie-less variant of a page, serve
# it stale while fetching a new one, or while the site is down. Each change purges it at once
# through PAGE_CACHE_PURGE_URL (operations.purge) when that is set.
PAGE_CACHE_SHARED_CONTROL = env_str(
    "DJANGO_PAGE_CACHE_CONTROL",
    "public, max-age=0, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400",
)
PAGE_CACHE_PURGE_URL = env_str("DJANGO_PAGE_CACHE_PURGE_URL", "")
PAGE_CACHE_PURGE_TOKEN = env_str("DJANGO_PAGE_CACHE_PURGE_TOKEN", "")
# gunicorn's worker count (gunicorn.conf.py reads the same variable). Rate limits are database
# rows (core.ratelimit), so every worker and server counts together.
WEB_CONCURRENCY = int(env_str("WEB_CONCURRENCY", "3"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
# Django's German locale sets no time input formats, so these apply: editors type "17.00" too.
TIME_INPUT_FORMATS = ["%H:%M:%S", "%H:%M:%S.%f", "%H:%M", "%H.%M"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
# `manage.py backup` writes its archives here (operations.backup).
BACKUP_ROOT = Path(env_str("DJANGO_BACKUP_ROOT", str(BASE_DIR / "backups")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Uploaded documents and videos can be large; Django streams them to disk above this.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Visitors who are not logged-in staff only post small forms; larger bodies are refused with 413
# before anything reads them (core.middleware).
ANONYMOUS_MAX_BODY_BYTES = 64 * 1024
DOCUMENT_MAX_UPLOAD_MB = int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB", "20"))
IMAGE_MAX_UPLOAD_MB = int(os.environ.get("IMAGE_MAX_UPLOAD_MB", "5"))
# Width × height of an uploaded image, checked from its header before any pixel is decoded.
IMAGE_MAX_MEGAPIXELS = int(os.environ.get("IMAGE_MAX_MEGAPIXELS", "40"))
VIDEO_MAX_UPLOAD_MB = int(os.environ.get("VIDEO_MAX_UPLOAD_MB", "300"))
FEEDBACK_RATE_LIMIT = int(os.environ.get("FEEDBACK_RATE_LIMIT", "5"))  # per visitor and hour
# Searches per client address and minute: each one reads every content table (search app).
SEARCH_RATE_LIMIT = (60, 60)
# Staff mails about feedback per hour, all visitors together; further reports wait in the admin.
FEEDBACK_MAIL_LIMIT = int(os.environ.get("FEEDBACK_MAIL_LIMIT", "10"))

EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@stadtregion-muenster.de")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Office staff who receive feedback notifications.
STAFF_NOTIFY_EMAILS = env_list("STAFF_NOTIFY_EMAILS", "geschaeftsstelle@stadtregion-muenster.de")
# Contact point of the open data catalogue (DCAT-AP.de), public.
OPENDATA_CONTACT_EMAIL = env_str(
    "OPENDATA_CONTACT_EMAIL", "geschaeftsstelle@stadtregion-muenster.de"
)

# Maps. LEAFLET_CONFIG, in django-leaflet's format, is the one source of the tile server, its
# credit line, the centre and the zoom for every map of ours (core.tiles reads it): the map frame,
# the admin's map picker, the policy that allows the tile host, and the deploy checks.
# A municipality may point the tiles at its own server.
try:
    _MAP_CENTER = tuple(float(part) for part in env_str("MAP_CENTER", "51.93,7.62").split(","))
    _MAP_ZOOM = int(env_str("MAP_ZOOM", "10"))
except ValueError as error:
    raise ImproperlyConfigured(f"MAP_CENTER or MAP_ZOOM is not a number: {error}") from error
if len(_MAP_CENTER) != 2 or not 1 <= _MAP_ZOOM <= 18:
    raise ImproperlyConfigured("MAP_CENTER must be latitude,longitude and MAP_ZOOM 1 to 18.")
LEAFLET_CONFIG = {
    "TILES": [
        (
            "Karte",
            env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
            {
                "attribution": env_str(
                    "MAP_TILE_ATTRIBUTION",
                    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
                    "-Mitwirkende",
                ),
                # Tile servers refuse requests without a Referer; the origin is enough, no path
                # leaks. Never "no-referrer" (docs/architecture.md, "Consent before third parties").
                "referrerPolicy": "strict-origin-when-cross-origin",
            },
        )
    ],
    "DEFAULT_CENTER": _MAP_CENTER,
    "DEFAULT_ZOOM": _MAP_ZOOM,
    "MIN_ZOOM": 8,
    "MAX_ZOOM": 18,
}
# Who runs the tile server: named in the privacy settings and on the Datenschutz page.
MAP_TILE_PROVIDER = os.environ.get(
    "MAP_TILE_PROVIDER",
    "OpenStreetMap Foundation, St John’s Innovation Centre, Cowley Road, Cambridge, CB4 0WS, "
    "Vereinigtes Königreich",
)
MAP_TILE_PRIVACY_URL = os.environ.get(
    "MAP_TILE_PRIVACY_URL", "https://osmfoundation.org/wiki/Privacy_Policy"
)

# Content-Security-Policy (django-csp 4). Third-party hosts are added per response, only for
# visitors who consented (privacy.consent).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # No nonce: no page has an inline script (JSON-LD data blocks are never run), so cached
        # pages are the same bytes for everyone (operations.pagecache).
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        # Our own frames (/einbettung/...) hold maps and videos; see privacy.views.
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Permissions-Policy (django-permissions-policy): browser features the site never uses are off for
# our pages and every frame in them. Our map and video frames (/einbettung/) keep fullscreen and
# picture-in-picture; the video frame passes those and encrypted-media on to the YouTube player
# (privacy.views.video_embed), which it can only do if the page allows them for 'self'.
PERMISSIONS_POLICY = {
    "fullscreen": ["self"],
    "picture-in-picture": ["self"],
    "encrypted-media": ["self"],
    **dict.fromkeys(
        [
            "accelerometer", "autoplay", "browsing-topics",
            "camera", "clipboard-read", "display-capture", "gamepad", "geolocation", "gyroscope",
            "hid", "idle-detection", "interest-cohort", "local-fonts", "magnetometer",
            "microphone", "midi", "otp-credentials", "payment", "screen-wake-lock", "serial",
            "usb", "window-management", "xr-spatial-tracking",
        ],
        (),
    ),
}  # fmt: skip

# Staff sign-in (accounts app). django-axes locks one address guessing one account, and one
# address trying many accounts, after repeated failures; never an account alone, which anybody
# knowing its name could keep locked (accounts.lockout). Its records live in the database, so the
# lock holds on every app server.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_COOLOFF_TIME = timedelta(hours=1)
# Attempts refused by a lock are not recorded, so they cannot prolong it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.client.client_address"
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
# Failed attempts are kept for the lockout (and expire with it); successful logins with address
# and browser would be a log nobody needs and the Datenschutz text would have to name.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False  # no "AXES: BEGIN" banner on every manage.py command
# Before any of that, and before the password hash: (requests, seconds) per client address, in
# the shared cache (core.ratelimit). Above it the login answers 429 at once.
LOGIN_RATE_LIMIT = (20, 600)
# Password checks running at once per worker process; a login beyond that gets 429 at once, so a
# flood from many addresses cannot occupy every thread (gunicorn.conf.py) with password hashes.
LOGIN_CONCURRENCY = 1
# Failures for one account from this many addresses within the seconds: one mail to
# STAFF_NOTIFY_EMAILS per account and window, no lock (accounts.lockout).
LOGIN_ALERT = (5, 3600)
PASSWORD_RESET_RATE_LIMIT = (5, 3600)  # per client address, and per e-mail address
PASSWORD_RESET_TIMEOUT = 3 * 3600  # a reset link works for three hours
# A signed preview link (editorial.preview) opens one unpublished page for a week, unless revoked.
PREVIEW_LINK_MAX_AGE = 7 * 24 * 3600  # seconds
# Two-factor login (django-otp, TOTP), required for every staff account: the name the
# authenticator app shows; device keys are never shown again in the admin once saved. A device is
# set up only with a single-use enrolment link (accounts.enrolment), valid for this many seconds.
ENROLMENT_LINK_MAX_AGE = 72 * 3600
OTP_TOTP_ISSUER = "Stadtregion Münster"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

SITE_NAME = "Stadtregion Münster"

# DJANGO_LOG_FORMAT=json for log collectors (the container image sets it); every line carries
# the request id. Queries slower than DJANGO_SLOW_QUERY_MS are logged with their SQL.
LOGGING = logging_config(env_str("DJANGO_LOG_FORMAT", "text"), env_str("DJANGO_LOG_LEVEL", "INFO"))
SLOW_QUERY_MS = float(env_str("DJANGO_SLOW_QUERY_MS", "200"))
