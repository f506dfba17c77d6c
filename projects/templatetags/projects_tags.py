"""Fragments of the projects app shown on pages of the apps below it (members).

Each inclusion tag runs exactly one query, so a municipality page keeps a fixed query count.
"""

from django import template

from ..models import Project, WorkingGroup
from ..views import newest_projects

register = template.Library()


@register.inclusion_tag("projects/includes/municipality_projects.html")
def projects_of_municipality(municipality):
    projects, more = newest_projects(
        Project.objects.filter(municipalities=municipality).select_related("field_of_action")
    )
    return {"municipality": municipality, "projects": projects, "more": more}


@register.inclusion_tag("projects/includes/municipality_working_groups.html")
def working_groups_of_municipality(municipality):
    groups = list(
        WorkingGroup.objects.published()
        .filter(municipalities=municipality)
        .select_related("field_of_action")
        .order_by("name")
    )
    return {"municipality": municipality, "groups": groups}


@register.filter
def as_markdown_list(text: str) -> str:
    """Turns 'one goal per line' into a Markdown bullet list (bullets typed by editors kept)."""
    lines = (line.strip().lstrip("-*•").strip() for line in (text or "").splitlines())
    return "\n".join(f"- {line}" for line in lines if line)
