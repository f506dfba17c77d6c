"""Subscription addresses of calendars, on the configured site address (core.siteurl): people
paste them into Outlook, Google or Apple, where they must keep working whatever host served
the page."""

from django import template

from core.siteurl import absolute_url

register = template.Library()


@register.simple_tag
def subscription(path: str) -> dict:
    """{"address": "https://…/kalender.ics", "webcal": "webcal://…/kalender.ics"}: webcal://
    makes a click open the calendar program as a subscription instead of a one-time import."""
    address = absolute_url(path)
    return {"address": address, "webcal": "webcal://" + address.split("://", 1)[1]}
