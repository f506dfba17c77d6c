"""Fragments of the governance app shown on pages of the apps below it (members, projects).

Each inclusion tag runs exactly one query, so the host page keeps a fixed query count.
"""

from django import template
from django.db.models import Case, IntegerField, Value, When

from core.views import newest

from .. import views
from ..models import Document, Membership, TimelineEvent

register = template.Library()

# Chairs first, then deputies and leads, then members.
_ROLE_RANK = Case(
    *(When(role=role, then=Value(rank)) for rank, role in enumerate(Membership.Role.values)),
    output_field=IntegerField(),
)


@register.inclusion_tag("governance/includes/municipality_memberships.html")
def memberships_of_municipality(municipality):
    memberships = list(
        Membership.objects.current()
        .filter(municipality=municipality)
        .select_related("body")
        .annotate(role_rank=_ROLE_RANK)
        .order_by("body__order", "body__name", "role_rank", "person_name")
    )
    return {"municipality": municipality, "memberships": memberships}


@register.inclusion_tag("governance/includes/project_documents.html")
def documents_of_project(project):
    """The newest documents; the rest are a link away, in the document list."""
    documents, more = newest(
        Document.objects.published().filter(project=project).order_by("-date", "title"),
        views.NEWEST_DOCUMENTS,
    )
    return {"project": project, "documents": documents, "more": more}


_DATE_FORMATS = {
    TimelineEvent.Precision.YEAR: ("Y", "Y"),
    TimelineEvent.Precision.MONTH: ("Y-m", "F Y"),
    TimelineEvent.Precision.DAY: ("Y-m-d", "j. F Y"),
}


@register.inclusion_tag("governance/includes/event_date.html")
def event_date(event):
    """A Chronik date only as exact as the editors know it: '2001', 'Oktober 2020', '19. Juni 2015'."""
    machine, human = _DATE_FORMATS.get(event.precision, _DATE_FORMATS[TimelineEvent.Precision.DAY])
    return {"date": event.date, "machine": machine, "human": human}
