"""Banner, settings form, cookie table and the video placeholder (maps: maps.templatetags)."""

from django import template
from django.urls import reverse

from ..consent import Category, all_cookies, get_consent, services
from ..embeds import current_path, placeholder, request_of
from ..video import youtube_id

register = template.Library()


@register.inclusion_tag("privacy/banner.html", takes_context=True)
def consent_banner(context):
    """Server-rendered into every page, so the choice works without JavaScript.

    Hidden (but present, for the footer link to reopen it with JavaScript) once a valid choice
    exists, and on the settings page itself.
    """
    request = request_of(context)
    consent = get_consent(request) if request is not None else None
    return {
        "consent": consent,
        "services": services(),
        "next": current_path(context),
        "show": consent is not None and not consent.decided and not context.get("consent_page"),
    }


@register.simple_tag(takes_context=True)
def current_consent(context):
    request = request_of(context)
    return get_consent(request) if request is not None else None


@register.inclusion_tag("privacy/form.html", takes_context=True)
def consent_form(context, prefix: str, next_url: str = "", collapsed: bool = False):
    request = request_of(context)
    consent = get_consent(request) if request is not None else None
    return {
        "consent": consent,
        "services": services(),
        "prefix": prefix,
        "next": next_url,
        "collapsed": collapsed,
    }


@register.inclusion_tag("privacy/cookie_table.html")
def cookie_table():
    cookies = all_cookies()
    return {
        "necessary": [c for c in cookies if c.category == Category.NECESSARY],
        "external": [c for c in cookies if c.category == Category.EXTERNAL],
        "services": services(),
    }


@register.inclusion_tag("privacy/embed.html", takes_context=True)
def video_embed(context, url, title, preview=""):
    video_id = youtube_id(url or "")
    if video_id is None:
        return {"service": None}
    return placeholder(
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
