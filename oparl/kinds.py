"""The OParl object types we serve from our models, by the URL segment of their ids.

Ids are /oparl/v1/<kind>/<key>/ with the row's primary key as key (slugs can be edited, primary
keys never change and are never reused); organizations prefix it with their origin
("gremium-3", "arbeitsgruppe-5"). These URLs must never change.
"""

from dataclasses import dataclass

from django.db.models import F, Prefetch, Q

from core.models import live_q
from governance.models import AgendaItem, Body, Document, Meeting, Membership
from governance.querysets import public_agenda_item_q
from projects.models import WorkingGroup

from . import serializers as s
from .sources import Source, later_of, latest_of, publication_modified, published


@dataclass(frozen=True)
class Kind:
    slug: str
    type_name: str
    sources: tuple[Source, ...]


def _public_items():
    return AgendaItem.objects.on_public_agenda().select_related("paper").in_agenda_order()


def _item_modified(now):
    """Withdrawing the meeting withdraws its items; withdrawing the Vorlage, the consultation."""
    return later_of(
        F("updated_at"),
        publication_modified(now, "meeting__"),
        publication_modified(now, "paper__"),
    )


def _latest_deletion(model, link: str):
    """When the last row of model linked to the outer row was deleted (simple-history)."""
    deletions = model.history.model.objects.filter(history_type="-")
    return latest_of(deletions, link, F("history_date"))


def _meeting_modified(now):
    """Agenda items and documents are embedded in the meeting: their changes, deletions
    included, change it."""
    return later_of(
        publication_modified(now),
        latest_of(AgendaItem.objects.all(), "meeting", _item_modified(now)),
        latest_of(Document.objects.all(), "meeting", publication_modified(now)),
        _latest_deletion(AgendaItem, "meeting"),
        _latest_deletion(Document, "meeting"),
    )


def _with_meeting_items(queryset):
    return queryset.select_related("meeting", "paper").prefetch_related(
        Prefetch("meeting__agenda_items", queryset=_public_items(), to_attr="public_items")
    )


def _with_meeting_relations(queryset):
    return queryset.prefetch_related(
        Prefetch("agenda_items", queryset=_public_items(), to_attr="public_items"),
        Prefetch(
            "documents",
            queryset=Document.objects.published().order_by("date", "title"),
            to_attr="public_documents",
        ),
    )


def _with_visible_meeting(queryset):
    return queryset.prefetch_related(Prefetch("meeting", queryset=Meeting.objects.published()))


def _with_consultations(queryset):
    items = AgendaItem.objects.visible().select_related("meeting")
    return _with_visible_meeting(queryset).prefetch_related(
        Prefetch("agenda_items", queryset=items, to_attr="public_consultations")
    )


def _item_live(now):
    return public_agenda_item_q(now)


PAPER_SCOPE = Q(kind__in=s.PAPER_KINDS)
PLACE_SCOPE = ~Q(location="", address="")

MEETING = Source(
    Meeting,
    s.meeting,
    live=published,
    modified=_meeting_modified,
    related=_with_meeting_relations,
)
AGENDA_ITEM = Source(
    AgendaItem, s.agenda_item, live=_item_live, modified=_item_modified, related=_with_meeting_items
)
FILE = Source(
    Document,
    s.file,
    live=published,
    modified=publication_modified,
    related=_with_visible_meeting,
)
PAPER = Source(
    Document,
    s.paper,
    scope=PAPER_SCOPE,
    live=published,
    modified=lambda now: later_of(
        publication_modified(now),
        latest_of(AgendaItem.objects.all(), "paper", _item_modified(now)),
        _latest_deletion(AgendaItem, "paper"),
    ),
    related=_with_consultations,
)
CONSULTATION = Source(
    AgendaItem,
    s.consultation,
    scope=Q(paper__isnull=False),
    live=lambda now: _item_live(now) & live_q("paper__", now) & Q(paper__kind__in=s.PAPER_KINDS),
    modified=_item_modified,
    related=lambda queryset: queryset.select_related("meeting", "paper"),
)
LOCATION = Source(
    Meeting, s.location, scope=PLACE_SCOPE, live=published, modified=publication_modified
)
MEMBERSHIP = Source(
    Membership, s.membership, related=lambda queryset: queryset.select_related("municipality")
)
PERSON = Source(
    Membership, s.person, related=lambda queryset: queryset.select_related("municipality")
)
GREMIUM = Source(
    Body,
    s.gremium,
    key_prefix=s.GREMIUM_PREFIX,
    modified=lambda now: later_of(
        F("updated_at"),
        latest_of(Membership.objects.all(), "body", F("updated_at")),
        _latest_deletion(Membership, "body"),
    ),
    related=lambda queryset: queryset.prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.order_by("pk"))
    ),
)
WORKING_GROUP = Source(
    WorkingGroup,
    s.working_group,
    key_prefix=s.GROUP_PREFIX,
    live=published,
    modified=publication_modified,
)

KINDS = {
    kind.slug: kind
    for kind in (
        Kind("organization", "Organization", (GREMIUM, WORKING_GROUP)),
        Kind("person", "Person", (PERSON,)),
        Kind("membership", "Membership", (MEMBERSHIP,)),
        Kind("meeting", "Meeting", (MEETING,)),
        Kind("agenda-item", "AgendaItem", (AGENDA_ITEM,)),
        Kind("paper", "Paper", (PAPER,)),
        Kind("file", "File", (FILE,)),
        Kind("location", "Location", (LOCATION,)),
        Kind("consultation", "Consultation", (CONSULTATION,)),
    )
}
