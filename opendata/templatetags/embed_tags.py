"""What pages of the apps below embed from this top layer: schema.org JSON-LD for detail
pages and the home page, and the contents of the towns' widget (members/widget.html)."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core.siteurl import absolute_url
from governance.models import Meeting
from projects.models import Project

from .. import jsonld as schema

register = template.Library()
WIDGET_ITEMS = 5


def _script(context, data: dict) -> str:
    html = render_to_string("includes/jsonld/script.html", {"json": mark_safe(schema.dumps(data))})
    return mark_safe(html)


@register.simple_tag(takes_context=True)
def jsonld(context, obj):
    """<script type="application/ld+json"> describing the page's object (opendata.jsonld)."""
    return _script(context, schema.describe(obj, absolute_url))


@register.simple_tag(takes_context=True)
def jsonld_home(context, municipalities):
    """The Stadtregion as an Organization with its members, for the home page."""
    data = schema.home(absolute_url, municipalities)
    return _script(context, {"@context": schema.SCHEMA, **data})


@register.simple_tag
def widget_contents(municipality) -> dict:
    """The town's running or planned published projects and the next meetings of the bodies it
    holds seats or members in: two queries."""
    projects = (
        Project.objects.published()
        .filter(municipalities=municipality)
        .exclude(status=Project.Status.COMPLETED)
        .select_related("field_of_action")
        .order_by("title")[:WIDGET_ITEMS]
    )
    meetings = (
        Meeting.objects.published()
        .upcoming()
        .concerning(municipality)
        .select_related("body")[:WIDGET_ITEMS]
    )
    return {"projects": list(projects), "meetings": list(meetings)}
