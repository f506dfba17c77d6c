"""Banner, cookie table and consent-aware placeholders for maps and videos."""

from django import template
from django.urls import reverse

from projects.video import youtube_id

from ..consent import Category, all_cookies, get_consent, get_service, services

register = template.Library()


def _request(context):
    # Inclusion tags render with a fresh context: the request survives as an attribute only.
    return context.get("request") or getattr(context, "request", None)


def _current_path(context) -> str:
    request = _request(context)
    return request.get_full_path() if request is not None else "/"


@register.inclusion_tag("consent/banner.html", takes_context=True)
def consent_banner(context):
    """Server-rendered into every page, so the choice works without JavaScript.

    Hidden (but present, for the footer link to reopen it with JavaScript) once a valid choice
    exists, and on the settings page itself.
    """
    request = _request(context)
    consent = get_consent(request) if request is not None else None
    return {
        "consent": consent,
        "services": services(),
        "next": _current_path(context),
        "show": consent is not None and not consent.decided and not context.get("consent_page"),
    }


@register.simple_tag(takes_context=True)
def current_consent(context):
    request = _request(context)
    return get_consent(request) if request is not None else None


@register.inclusion_tag("consent/form.html", takes_context=True)
def consent_form(context, prefix: str, next_url: str = "", collapsed: bool = False):
    request = _request(context)
    consent = get_consent(request) if request is not None else None
    return {
        "consent": consent,
        "services": services(),
        "prefix": prefix,
        "next": next_url,
        "collapsed": collapsed,
    }


@register.inclusion_tag("consent/cookie_table.html")
def cookie_table():
    cookies = all_cookies()
    return {
        "necessary": [c for c in cookies if c.category == Category.NECESSARY],
        "external": [c for c in cookies if c.category == Category.EXTERNAL],
        "services": services(),
    }


@register.inclusion_tag("consent/embed.html", takes_context=True)
def external_embed(context, service_key, src, title, heading, variant, load_label, **extra):
    """A placeholder that becomes our first-party frame only after consent (see consent_views)."""
    request = _request(context)
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
        "next": _current_path(context),
    }


@register.inclusion_tag("consent/embed.html", takes_context=True)
def map_embed(context, municipality=None, variant="region"):
    if municipality is not None and not municipality.has_location:
        return {"service": None}
    if municipality is None:
        src = reverse("map_embed")
        title, heading = "Karte der Stadtregion Münster", "Karte der Stadtregion Münster"
    else:
        src = reverse("map_embed_town", kwargs={"slug": municipality.slug})
        title, heading = f"Karte von {municipality.name}", f"Karte: {municipality.name}"
    return external_embed(
        context,
        "osm",
        src,
        title,
        heading,
        variant,
        "Karte laden",
        alternative_url=reverse("members:list"),
        alternative_label="Liste der Kommunen (ohne Karte)",
    )


@register.inclusion_tag("consent/embed.html", takes_context=True)
def video_embed(context, url, title, preview=""):
    video_id = youtube_id(url or "")
    if video_id is None:
        return {"service": None}
    return external_embed(
        context,
        "youtube",
        reverse("video_embed", kwargs={"video_id": video_id}),
        f"Video: {title}",
        f"Video: {title}",
        "video",
        "Video laden",
        preview=preview,
        alternative_url=url,
        alternative_label="Video auf YouTube ansehen (externe Website)",
    )
