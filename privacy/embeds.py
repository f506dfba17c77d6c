"""External media behind consent: the placeholder in our pages and the first-party frame that
replaces it (privacy.views explains why frames)."""

from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import render

from .consent import get_consent, get_service, grant_once, is_same_origin

CROSS_SITE_MESSAGE = (
    "Diese Anfrage kam nicht von den Seiten der Stadtregion Münster und wurde deshalb nicht "
    "ausgeführt. Bitte nutzen Sie die Privatsphäre-Einstellung auf unserer Website."
)


def request_of(context):
    # Inclusion tags render with a fresh context: the request survives as an attribute only.
    return context.get("request") or getattr(context, "request", None)


def current_path(context) -> str:
    request = request_of(context)
    return request.get_full_path() if request is not None else "/"


def placeholder(context, service_key, src, title, heading, variant, load_label, **extra):
    """Context of privacy/embed.html: a placeholder that becomes our first-party frame only after
    consent (render_embed), with a way to the content that needs no external service."""
    request = request_of(context)
    service = get_service(service_key)
    return {
        "service": service,
        "allowed": request is not None and get_consent(request).allows(service_key),
        "src": src,
        "title": title,
        "heading": heading,
        "variant": variant,
        "load_label": load_label,
        "preview": extra.get("preview", ""),
        "alternative_url": extra.get("alternative_url", ""),
        "alternative_label": extra.get("alternative_label", ""),
        "next": current_path(context),
    }


def render_embed(request, service_key: str, template: str, context: dict) -> HttpResponse:
    """A first-party frame for an external service, allowed by a stored or a one-time consent."""
    service = get_service(service_key)
    if request.method == "POST":
        if not is_same_origin(request):
            return HttpResponseForbidden(
                CROSS_SITE_MESSAGE, content_type="text/plain; charset=utf-8"
            )
        grant_once(request, service_key)
        response = render(request, template, {**context, "service": service})
    elif get_consent(request).allows(service_key):
        response = render(request, template, {**context, "service": service})
    else:
        response = render(request, "privacy/embed_blocked.html", {"service": service}, status=403)
    # Only our own pages may frame these documents; search engines need not list them.
    response._csp_replace = {**getattr(response, "_csp_replace", {}), "frame-ancestors": ["'self'"]}
    response["X-Robots-Tag"] = "noindex"
    return response
