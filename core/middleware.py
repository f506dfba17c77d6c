"""Guards that must answer before anything reads the request body."""

from django.conf import settings
from django.http import HttpResponse

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
