"""Absolute addresses on the site's one configured address (settings.SITE_URL).

For everything that leaves the request it was made in (mails, feeds, calendars, the DCAT
catalogue): the Host header, port included, is the client's to choose.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings


def absolute_url(path: str) -> str:
    """``path`` (from reverse() or get_absolute_url()) as an address on the configured site."""
    if not path.startswith("/"):
        raise ValueError(f"A path on the site starts with '/', not {path!r}")
    return settings.SITE_URL + path


def on_site(url: str) -> str:
    """An absolute address (built on the request's host) moved to the configured address."""
    parts = urlsplit(url)
    return absolute_url(urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment)))


def scheme_and_host() -> tuple[str, str]:
    """("https", "www.example.org"): the parts Django's mail templates call protocol and domain."""
    parts = urlsplit(settings.SITE_URL)
    return parts.scheme, parts.netloc
