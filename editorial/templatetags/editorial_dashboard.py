"""The dashboard on the admin's start page (editorial.dashboard)."""

from django import template

from editorial.dashboard import dashboard

register = template.Library()


@register.inclusion_tag("admin/editorial/dashboard.html", takes_context=True)
def editorial_dashboard(context):
    return {"lists": dashboard(context["request"])}
