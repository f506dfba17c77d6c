"""Guards that must answer before anything reads the request body, and the site's security
headers on every answer, early ones included."""

from functools import cache

from csp.constants import HEADER as CSP_HEADER
from csp.utils import build_policy
from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.security import SecurityMiddleware
from django.urls import reverse

from .staff import is_verified_staff

TOO_LARGE = (
    "Die Anfrage ist zu groß und wurde nicht verarbeitet. Bitte kürzen Sie Ihre Eingabe oder "
    "schreiben Sie uns eine E-Mail."
)


def _body_too_large(request) -> bool:
    length = request.META.get("CONTENT_LENGTH")
    if length:
        try:
            return int(length) > settings.ANONYMOUS_MAX_BODY_BYTES
        except ValueError:
            return True
    # A chunked body announces no length: it could be any size.
    return "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower()


class AdminNulMiddleware:
    """400 for a NUL character in a query string of the admin.

    PostgreSQL refuses NUL in any text it compares, and the admin's list filters and its
    autocomplete pass their parameters to the database as they come: "?title=%00" answered
    500. No address of ours carries one. Public pages validate their parameters in forms and
    answer a NUL with a German message, as a form field in the admin does ("Nullzeichen sind
    nicht erlaubt.").
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "%00" in request.META.get("QUERY_STRING", "") and request.path.startswith(
            _admin_prefix()
        ):
            raise BadRequest("NUL character in the query string")
        return self.get_response(request)


@cache
def _admin_prefix() -> str:
    return reverse("admin:index")


class AnonymousBodyLimitMiddleware:
    """Answers 413 to large bodies from anyone but signed-in staff (with the second factor),
    before they are parsed.

    Otherwise any visitor's multipart POST is read up to the upload limits meant for staff
    (memory and temporary files), and CsrfViewMiddleware reads it before any view could object.
    Staff uploads keep their per-kind limits (DOCUMENT_MAX_UPLOAD_MB etc.).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Size first: only requests with a large body pay for the session lookup behind .user.
        if _body_too_large(request) and not is_verified_staff(request.user):
            return HttpResponse(TOO_LARGE, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


@cache
def _policy_without_nonce() -> str:
    return build_policy()  # a fraction of a millisecond: built once, not per answer


@receiver(setting_changed)
def _forget_policy(setting, **kwargs):
    if setting == "CONTENT_SECURITY_POLICY":
        _policy_without_nonce.cache_clear()


class EarlyAnswerHeadersMiddleware:
    """Gives answers that never reached the header middlewares the same security headers.

    A response made by a middleware (413 above, the 400 for a bad Host, a redirect to HTTPS)
    passes only the middlewares above the one that made it, so it lacked the CSP and the frame
    header. Sitting near the top, this adds, to a response without a Content-Security-Policy,
    what SecurityMiddleware, XFrameOptionsMiddleware and CSPMiddleware give every other answer
    (the policy without a nonce: our pages load scripts from files, none inline). A response
    with a policy passed those middlewares, or is a cached page that carries their headers, and
    is left as it is.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.security = SecurityMiddleware(get_response)
        self.frame = XFrameOptionsMiddleware(get_response)

    def __call__(self, request):
        response = self.get_response(request)
        if CSP_HEADER in response or (settings.DEBUG and response.status_code in (404, 500)):
            return response  # Django's technical pages need their inline scripts (as django-csp)
        if not getattr(response, "_csp_exempt", False):
            response[CSP_HEADER] = _policy_without_nonce()
        self.frame.process_response(request, response)
        return self.security.process_response(request, response)
