"""Log records that carry the request they belong to, as text or as JSON (DJANGO_LOG_FORMAT),
and never a secret from a URL.

Preview links (/vorschau/<token>/), password resets (/admin/reset/<uidb64>/<token>/) and any
other route with a ``token`` or ``uidb64`` argument carry a credential in their path; every log
line shows such an argument as REDACTED, and no line shows a query string (searches are
personal). The rule is read from the URLconf, so a new route with such an argument is covered
without a list to keep in step. Django's loggers pass through `RedactUrlsFilter` on the one
console handler; gunicorn's access log through operations.accesslog.
"""

import contextvars
import logging
import re
from functools import cache

from django.apps import apps

# The id of the request being served in this thread or task; "-" outside a request.
request_id_var = contextvars.ContextVar("request_id", default="-")

SECRET_URL_KWARGS = frozenset({"token", "uidb64"})
REDACTED = "[redacted]"
_PLACEHOLDER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>\w+)>")
_KEEP, _SECRET, _REST = "<keep>", "<secret>", "<rest>"  # segment matchers besides literals
# A path, alone or in a URL, as log messages contain them ("Not Found: /x/", "GET /x/?q HTTP/1.1").
_URL = re.compile(r"(?P<origin>https?://[^/\s\"'<>?#]*)?(?P<path>/[^\s\"'<>]*)")


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record, so that all lines of one request can be found."""

    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


def _route_text(pattern) -> tuple[str, set[str]]:
    """A URL pattern in route syntax and the names it captures. A regex becomes its literal
    start and a catch-all, since where its segments end cannot be told."""
    from django.urls.resolvers import RoutePattern

    if isinstance(pattern, RoutePattern):
        text = str(pattern)
        return text, {match["name"] for match in _PLACEHOLDER.finditer(text)}
    regex = pattern.regex.pattern
    literal = re.match(r"\^?([\w/.-]*)", regex)[1]
    names = set(pattern.regex.groupindex)
    return (literal if regex.strip("^$") == literal else f"{literal}<path:regex>"), names


def _secret_routes(patterns, prefix="", names=frozenset()):
    """Every route (in route syntax, from "/") that captures a secret argument."""
    from django.urls import URLResolver

    for entry in patterns:
        text, captured = _route_text(entry.pattern)
        route, captured = prefix + text, names | captured
        if isinstance(entry, URLResolver):
            yield from _secret_routes(entry.url_patterns, route, captured)
        elif captured & SECRET_URL_KWARGS:
            yield "/" + route


def _matchers(route: str) -> tuple[str, ...]:
    """One matcher per path segment: a literal, _KEEP, _SECRET, or _REST for the remainder."""
    matchers = []
    for segment in route.split("/"):
        found = list(_PLACEHOLDER.finditer(segment))
        if not found:
            matchers.append(segment)
        elif any(match["converter"] == "path" for match in found):
            return (*matchers, _REST)  # spans segments: the rest cannot be told apart
        elif any(match["name"] in SECRET_URL_KWARGS for match in found):
            matchers.append(_SECRET)
        else:
            matchers.append(_KEEP)
    return tuple(matchers)


@cache
def _rules() -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """The matchers of the secret routes, and their literal starts ("/vorschau/") where they
    have one (a route that starts with an argument has "/", which every path starts with)."""
    from django.urls import get_resolver

    routes = [_matchers(route) for route in _secret_routes(get_resolver().url_patterns)]
    starts = set()
    for matchers in routes:
        literal = []
        for matcher in matchers:
            if matcher in (_KEEP, _SECRET, _REST):
                break
            literal.append(matcher)
        starts.add("/".join(literal) + "/")
    return tuple(routes), tuple(sorted(starts))


def _redact(segments: list[str], matchers: tuple[str, ...]) -> list[str] | None:
    redacted = []
    for position, matcher in enumerate(matchers):
        if matcher == _REST:
            return [*redacted, REDACTED]
        if position >= len(segments):
            return None
        segment = segments[position]
        if matcher == _SECRET:
            redacted.append(REDACTED)
        elif matcher in (_KEEP, segment):
            redacted.append(segment)
        else:
            return None
    return redacted if len(segments) == len(matchers) else None


def loggable_path(path: str) -> str:
    """``path`` without its query string and with every secret URL argument REDACTED.

    A path below a secret route's literal start that matches no such route keeps only that
    start ("/vorschau/x/y/", a typo that may still hold a token), unless it is another route's
    ("/admin/reset/done/").
    """
    path = path.split("?", 1)[0]
    if not apps.ready:  # no URLconf yet, and no request served either
        return path
    routes, starts = _rules()
    if not path.startswith(starts):
        return path
    segments = path.split("/")
    # "/vorschau/<token>" without its slash is answered too (a redirect), and logged.
    candidates = [segments] if path.endswith("/") else [segments, [*segments, ""]]
    for matchers in routes:
        for candidate in candidates:
            redacted = _redact(candidate, matchers)
            if redacted is not None:
                return "/".join(redacted[: len(segments)])
    return _unmatched(path, starts)


def _unmatched(path: str, starts: tuple[str, ...]) -> str:
    from django.urls import Resolver404, resolve

    try:
        if not resolve(path).captured_kwargs.keys() & SECRET_URL_KWARGS:
            return path
    except Resolver404:
        pass
    start = max((s for s in starts if s != "/" and path.startswith(s)), key=len, default="/")
    return start + REDACTED


def loggable_text(text: str) -> str:
    """Every path and URL in ``text`` made loggable (see loggable_path)."""
    if "?" not in text and (not apps.ready or not any(start in text for start in _rules()[1])):
        return text
    return _URL.sub(lambda m: (m["origin"] or "") + loggable_path(m["path"]), text)


class RedactUrlsFilter(logging.Filter):
    """Rewrites a record's message, and the request Django attaches to it, with loggable paths.

    On the handler, so it sees every record that is written: Django's "Not Found: /path",
    runserver's request lines, and anything else that names a path.
    """

    def filter(self, record):
        from django.http import HttpRequest

        message = record.getMessage()
        loggable = loggable_text(message)
        if loggable != message:
            record.msg, record.args = loggable, None
        request = getattr(record, "request", None)
        if isinstance(request, HttpRequest):  # the JSON formatter would write its repr()
            record.request = f"{request.method} {loggable_path(request.path)}"
        return True


def logging_config(log_format: str, level: str) -> dict:
    formatter = (
        {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": True,  # ISO 8601 in UTC
        }
        if log_format == "json"
        else {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": RequestIdFilter},
            "redact_urls": {"()": RedactUrlsFilter},
        },
        "formatters": {"default": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "filters": ["request_id", "redact_urls"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Through the one console handler and its filters, instead of the handlers Django
            # gives them (which would print "Not Found: /vorschau/<token>/" unfiltered).
            "django": {"level": "INFO"},
            "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
            "django.db.backends": {"level": "INFO"},
            # Refused uploads get a German form error; pypdf's parser warnings about them are noise.
            "pypdf": {"level": "ERROR"},
        },
    }
