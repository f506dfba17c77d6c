"""What every machine-read answer shares (OParl, calendars, feeds, datasets, the catalogue, the
badge): conditional GET, CORS for every origin with its preflight, and 405 for other methods
instead of the CSRF page (nothing here reads a session or changes anything).

Conditional GET costs no rendering where the layer above keeps a content state that moves with
every change of content and every moment content changes by itself (the page cache's version and
next moment, which operations sets as `content_state` at start): the ETag is a hash of that state
and of the request, so a matching If-None-Match is answered 304 before the view runs.
Without that version (both caches switched off), the ETag is the hash of the rendered answer,
which saves the transfer only; If-Modified-Since is compared with a Last-Modified the view set.
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import parse_http_date_safe, quote_etag
from django.views.decorators.csrf import csrf_exempt

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
# Headers a script on another site may send and read: conditional GET's above all.
ALLOWED_HEADERS = "Accept, Accept-Language, If-Modified-Since, If-None-Match"
EXPOSED_HEADERS = "ETag, Last-Modified, Link"
PREFLIGHT_MAX_AGE = 24 * 3600


def _no_state() -> str | None:
    return None


# Set at start by the layer that knows when content changes (operations.apps): a string that
# moves with every change, or None where nothing follows every change (both caches off).
content_state: Callable[[], str | None] = _no_state


def version_etag(request) -> str | None:
    """A strong ETag from the content version and this request's address, or None where the
    version does not follow every change (neither cache is on)."""
    state = content_state()
    if state is None:
        return None
    # A session cookie may reveal drafts to staff (files); its answer is never another's.
    session = settings.SESSION_COOKIE_NAME in request.COOKIES
    text = f"{state}|{request.get_host()}|{request.get_full_path()}|{session}"
    return quote_etag(hashlib.blake2b(text.encode(), digest_size=12).hexdigest())


def allow_cors(response) -> None:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS


def preflight(request) -> HttpResponse:
    """OPTIONS: which methods and headers a script on any site may use."""
    response = HttpResponse(status=204)
    response["Allow"] = ALLOWED_METHODS
    allow_cors(response)
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
    response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    return response


def method_not_allowed(request) -> HttpResponse:
    response = HttpResponse(
        "Diese Adresse kann nur gelesen werden (GET).\n",
        status=405,
        content_type="text/plain; charset=utf-8",
    )
    response["Allow"] = ALLOWED_METHODS
    return response


def _conditional(request, response, etag: str | None):
    """The rendered answer, or 304 if the client has it already."""
    if response.status_code != 200:
        return response
    if etag is not None:
        response.headers.setdefault("ETag", etag)
    elif not response.streaming:
        set_response_etag(response)
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(
        request, etag=response.get("ETag"), last_modified=last_modified, response=response
    )


def interface(view=None, *, not_allowed=method_not_allowed, max_age: int | None = None):
    """Decorates a view (or a Feed instance) of a machine-read interface; ``not_allowed`` answers
        other methods (OParl's is JSON), ``max_age`` sets public caching on 200 and 304 alike (a 304
    made before the view ran knows no other rule)."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "OPTIONS":
                return preflight(request)
            if request.method not in ("GET", "HEAD"):
                response = not_allowed(request)
            else:
                etag = version_etag(request)
                response = get_conditional_response(request, etag=etag) if etag else None
                if response is None:  # not the client's copy: render
                    response = _conditional(request, view(request, *args, **kwargs), etag)
                else:
                    response["ETag"] = etag
            if max_age is not None and response.status_code in (200, 304):
                patch_cache_control(response, public=True, max_age=max_age)
            allow_cors(response)
            return response

        return csrf_exempt(wrapped)

    return decorate(view) if view is not None else decorate
