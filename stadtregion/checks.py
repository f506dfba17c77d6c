"""Project-specific system checks, run by `manage.py check` (deploy ones only with --deploy).

Settings refuse outright unsafe values at import time (stadtregion.settings); these checks catch
values that start fine but break a feature in production.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http.request import validate_host

from core.project import project_app_configs
from core.tiles import tile_url

TILE_PLACEHOLDERS = ("{z}", "{x}", "{y}")
# Backends that never deliver mail: fine on a laptop, silent data loss in production.
UNDELIVERING_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}


@checks.register()
def check_map_tiles(app_configs, **kwargs):
    url = tile_url()
    if not all(placeholder in url for placeholder in TILE_PLACEHOLDERS):
        return [
            checks.Error(
                f"The tile URL {url!r} (MAP_TILE_URL, LEAFLET_CONFIG['TILES']) lacks one of the "
                "placeholders {z}, {x}, {y}.",
                hint="Use a tile URL template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                id="stadtregion.E001",
            )
        ]
    return []


@checks.register(checks.Tags.security, deploy=True)
def check_map_tiles_https(app_configs, **kwargs):
    if urlsplit(tile_url()).scheme != "https":
        return [
            checks.Warning(
                "The tile URL (MAP_TILE_URL, LEAFLET_CONFIG['TILES']) is not an https:// URL: "
                "browsers block such tiles on an HTTPS page (mixed content), and the map stays "
                "grey.",
                id="stadtregion.W002",
            )
        ]
    return []


@checks.register()
def check_staff_notify_emails(app_configs, **kwargs):
    errors = []
    for address in settings.STAFF_NOTIFY_EMAILS:
        try:
            validate_email(address)
        except ValidationError:
            errors.append(
                checks.Error(
                    f"STAFF_NOTIFY_EMAILS contains {address!r}, which is not an e-mail address.",
                    hint="Separate several addresses with commas.",
                    id="stadtregion.E003",
                )
            )
    return errors


@checks.register(deploy=True)
def check_feedback_delivery(app_configs, **kwargs):
    """Accessibility feedback is a legal duty (BITV NRW): its notifications must reach someone."""
    warnings = []
    if settings.EMAIL_BACKEND in UNDELIVERING_EMAIL_BACKENDS:
        warnings.append(
            checks.Warning(
                f"EMAIL_BACKEND is {settings.EMAIL_BACKEND!r}: feedback notifications to the office "
                "are never delivered.",
                hint="Unset DJANGO_EMAIL_BACKEND (SMTP) and configure EMAIL_HOST.",
                id="stadtregion.W004",
            )
        )
    if not settings.STAFF_NOTIFY_EMAILS:
        warnings.append(
            checks.Warning(
                "STAFF_NOTIFY_EMAILS is empty: nobody is told about new feedback.",
                id="stadtregion.W005",
            )
        )
    return warnings


@checks.register(checks.Tags.security, deploy=True)
def check_trusted_proxies(app_configs, **kwargs):
    """Behind a proxy without TRUSTED_PROXIES every visitor has the proxy's address."""
    if settings.SECURE_PROXY_SSL_HEADER and not settings.TRUSTED_PROXIES:
        return [
            checks.Warning(
                "DJANGO_BEHIND_PROXY is on but DJANGO_TRUSTED_PROXIES is empty: rate limits see "
                "the proxy's address for every visitor, so a few reports shut the feedback form "
                "for everyone.",
                hint="Set DJANGO_TRUSTED_PROXIES to the address the proxy connects from.",
                id="stadtregion.W007",
            )
        ]
    return []


@checks.register(deploy=True)
def check_site_url(app_configs, **kwargs):
    """Links in mails point to SITE_URL (core.siteurl): it must be the site's public address."""
    parts = urlsplit(settings.SITE_URL)
    warnings = []
    if not validate_host(parts.hostname, settings.ALLOWED_HOSTS):
        warnings.append(
            checks.Warning(
                f"The host of SITE_URL ({settings.SITE_URL}) is not in ALLOWED_HOSTS: links in "
                "password-reset and feedback mails lead to a site that refuses them.",
                hint="Set DJANGO_SITE_URL to the public address, e.g. https://www.example.org.",
                id="stadtregion.W008",
            )
        )
    if settings.HTTPS and parts.scheme != "https":
        warnings.append(
            checks.Warning(
                f"SITE_URL ({settings.SITE_URL}) is not https although the site is: mailed links "
                "start with a redirect over plain HTTP.",
                id="stadtregion.W009",
            )
        )
    return warnings


@checks.register()
def check_content_declarations(app_configs, **kwargs):
    """Every app of ours says whether editors edit its models: permissions and the admin follow
    from ``content`` (stadtregion.permissions), so a new app must not be left out silently."""
    return [
        checks.Error(
            f"The app {config.label!r} does not declare content = True or False in its AppConfig.",
            hint="docs/architecture.md, “Declared once”.",
            obj=config,
            id="stadtregion.E011",
        )
        for config in project_app_configs()
        if not isinstance(getattr(config, "content", None), bool)
    ]
