"""Our objects as OParl 1.1 JSON.

Mapping (written down once, see README "Schnittstellen: OParl"): the Stadtregion is the one
Body; each Gremium (governance.Body) and each working group is an Organization; each
governance.Membership is a Membership and, as we keep no person records, also a Person with the
same key; Meeting, AgendaItem and Document map by name, a Document is a File and, if it is a
Vorlage or Beschlussvorlage, also a Paper; an agenda item that considers a Vorlage is a
Consultation; a meeting's place is a Location; the Kontrakt period is the LegislativeTerm.

Only what the public site shows is published: never e-mail addresses, phone numbers or other
contact data (the spec's privacy chapter), only name, role, municipality and period of members.
Absent values are left out rather than given as null, "" or [] (spec: "null-Werte").
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from core.licence import LICENCE_URL
from governance.models import AgendaItem, Body, Document, Membership
from projects.models import WorkingGroup
from uploads.fields import stored_size

from .sources import publication_modified_of

SCHEMA = "https://schema.oparl.org/1.1/"
BODY_KEY = "stadtregion"
TERM_KEY = "kontrakt-2018"
# Objects of our own making (System, Body, LegislativeTerm) change only with a release; their
# created/modified is the day the interface went online. Bump LAUNCH when they change.
LAUNCH = datetime.fromisoformat("2026-11-30T00:00:00+01:00")
TERM_START = date(2018, 12, 31)  # the councils passed the Kontrakt at the end of 2018
PAPER_KINDS = (Document.Kind.PROPOSAL, Document.Kind.DRAFT_RESOLUTION)
PAPER_REFERENCE_MAX = 50  # longer references break importers (docs/architecture.md, "Interfaces that outside tools read")
# Extension properties are namespaced and flat (no nested object: meine-stadt-transparent reads
# every object inside an OParl object as an embedded one and warns when it has no id). OParl has
# no field for vote counts (open since 2014).
EXTENSION = "stadtregion:"
# Open data licence of everything the interface publishes (System.license, Body.license).
LICENSE = LICENCE_URL
CONTACT_NAME = "Geschäftsstelle der Stadtregion Münster"


@cache
def label(choices: type[models.Choices], value: str) -> str:
    """A choice's German label (the site speaks only German); get_FOO_display() translates
    anew on every call, which a page of 700 agenda items notices."""
    return str(choices(value).label)


def moment(value: datetime) -> str:
    """yyyy-mm-ddThh:mm:ss±hh:mm in German time, as the spec writes date-time."""
    return timezone.localtime(value).isoformat(timespec="seconds")


@dataclass
class Context:
    request: HttpRequest
    now: datetime = field(default_factory=timezone.now)
    omit_internal: bool = False

    def __post_init__(self):
        # Pages embed thousands of URLs: host and prefix are resolved once per request.
        self.origin = self.request.build_absolute_uri("/").removesuffix("/")
        self.root = self.url("system")

    def absolute(self, path: str) -> str:
        return f"{self.origin}{path}"

    def url(self, name: str, **kwargs) -> str:
        return self.absolute(reverse(f"oparl:{name}", kwargs=kwargs))

    def object_url(self, kind: str, key: str | int) -> str:
        """As url("object", ...) would give, without resolving the pattern each time."""
        return f"{self.root}{kind}/{key}/"

    @property
    def body_url(self) -> str:
        return self.url("body", key=BODY_KEY)


def header(context, kind, type_name, key, created, modified) -> dict:
    return {
        "id": context.object_url(kind, key),
        "type": f"{SCHEMA}{type_name}",
        "created": moment(created),
        "modified": moment(modified),
    }


def tombstone(context, kind, type_name, key, created, modified) -> dict:
    return {**header(context, kind, type_name, key, created, modified), "deleted": True}


def compact(data: dict) -> dict:
    return {name: value for name, value in data.items() if value not in (None, "", [])}


def demo_keyword(obj) -> list[str] | None:
    return ["Beispielinhalt"] if obj.is_demo else None


# Our own objects -----------------------------------------------------------------------------


def system(context: Context) -> dict:
    return {
        "id": context.url("system"),
        "type": f"{SCHEMA}System",
        "oparlVersion": SCHEMA,
        "name": "Stadtregion Münster",
        "body": context.url("body_list"),
        "website": context.absolute("/"),
        **contact(),
        # The Stadtregion builds and runs this software itself.
        "vendor": context.absolute("/"),
        "product": context.absolute(reverse("opendata:index")),
        "created": moment(LAUNCH),
        "modified": moment(LAUNCH),
    }


def contact() -> dict:
    return {
        "license": LICENSE,
        "contactEmail": settings.OPENDATA_CONTACT_EMAIL,
        "contactName": CONTACT_NAME,
    }


def legislative_term(context: Context) -> dict:
    return {
        **header(context, "legislative-term", "LegislativeTerm", TERM_KEY, LAUNCH, LAUNCH),
        "body": context.body_url,
        "name": "Kontrakt zur Zusammenarbeit in der Stadtregion Münster (seit Ende 2018)",
        "startDate": TERM_START.isoformat(),
    }


def body(context: Context) -> dict:
    lists = {
        name: context.url("list", key=BODY_KEY, kind=kind)
        for name, kind in (
            ("organization", "organization"),
            ("person", "person"),
            ("meeting", "meeting"),
            ("paper", "paper"),
            ("agendaItem", "agenda-item"),
            ("consultation", "consultation"),
            ("file", "file"),
            ("locationList", "location"),
            ("legislativeTermList", "legislative-term"),
            ("membership", "membership"),
        )
    }
    # No `ags`: the Stadtregion is no municipality and has no Gemeindeschlüssel of its own.
    return {
        "id": context.body_url,
        "type": f"{SCHEMA}Body",
        "system": context.url("system"),
        "name": "Stadtregion Münster",
        "shortName": "Stadtregion",
        "website": context.absolute("/"),
        "classification": "Interkommunale Kooperation",
        **contact(),
        "oparlSince": moment(LAUNCH),
        **lists,
        "legislativeTerm": [legislative_term(context)],
        "web": context.absolute("/"),
        "created": moment(LAUNCH),
        "modified": moment(LAUNCH),
    }


# Organizations, people, memberships ----------------------------------------------------------

# organizationType only from the specification's list ("Gremium", "Partei", "Fraktion",
# "Verwaltungsbereich", "externes Gremium", "Institution", "Sonstiges"): clients map these to
# their own types; `classification` carries our precise kind.
ORGANIZATION_TYPES = {Body.Kind.OFFICE: "Verwaltungsbereich"}
# Key prefixes of the two origins of Organizations (kinds.GREMIUM, kinds.WORKING_GROUP).
GREMIUM_PREFIX, GROUP_PREFIX = "gremium-", "arbeitsgruppe-"


def gremium_url(context: Context, pk: int) -> str:
    return context.object_url("organization", f"{GREMIUM_PREFIX}{pk}")


def gremium(gremium, context: Context) -> dict:
    return compact(
        {
            **header(
                context,
                "organization",
                "Organization",
                f"{GREMIUM_PREFIX}{gremium.pk}",
                gremium.created_at,
                gremium.oparl_modified,
            ),
            "body": context.body_url,
            "name": gremium.name,
            "organizationType": ORGANIZATION_TYPES.get(gremium.kind, "Gremium"),
            "classification": label(Body.Kind, gremium.kind),
            "membership": [
                context.object_url("membership", m.pk) for m in gremium.memberships.all()
            ],
            "web": context.absolute(gremium.get_absolute_url()),
        }
    )


def working_group(group, context: Context) -> dict:
    return compact(
        {
            **header(
                context,
                "organization",
                "Organization",
                f"{GROUP_PREFIX}{group.pk}",
                group.created_at,
                group.oparl_modified,
            ),
            "body": context.body_url,
            "name": group.name,
            "organizationType": "Sonstiges",
            "classification": label(WorkingGroup.Kind, group.kind),
            "web": context.absolute(group.get_absolute_url()),
            "keyword": demo_keyword(group),
        }
    )


def membership(member, context: Context) -> dict:
    municipality = member.municipality
    return compact(
        {
            **header(
                context, "membership", "Membership", member.pk, member.created_at, member.updated_at
            ),
            "person": context.object_url("person", member.pk),
            "organization": gremium_url(context, member.body_id),
            "role": label(Membership.Role, member.role),
            "startDate": member.start_date and member.start_date.isoformat(),
            "endDate": member.end_date and member.end_date.isoformat(),
            "keyword": demo_keyword(member),
            f"{EXTENSION}municipalityName": municipality and municipality.name,
            f"{EXTENSION}municipalityAgs": municipality and municipality.ags,
            f"{EXTENSION}municipalityWeb": municipality
            and context.absolute(municipality.get_absolute_url()),
        }
    )


def person(member, context: Context) -> dict:
    return compact(
        {
            **header(context, "person", "Person", member.pk, member.created_at, member.updated_at),
            "body": context.body_url,
            "name": member.person_name,
            "membership": None if context.omit_internal else [membership(member, context)],
            "keyword": demo_keyword(member),
        }
    )


# Meetings, agenda, papers, files -------------------------------------------------------------


def file(document, context: Context) -> dict:
    meeting = document.meeting if document.meeting_id else None
    return compact(
        {
            **header(
                context,
                "file",
                "File",
                document.pk,
                document.created_at,
                publication_modified_of(document, context.now),
            ),
            "name": document.title,
            "fileName": f"{document.slug}.pdf",
            "mimeType": "application/pdf",
            "date": document.date.isoformat(),
            "size": stored_size(document.file),
            "accessUrl": context.absolute(document.get_download_url()),
            "downloadUrl": context.url("download", key=str(document.pk)),
            "meeting": [context.object_url("meeting", meeting.pk)] if meeting else None,
            "paper": [context.object_url("paper", document.pk)]
            if document.kind in PAPER_KINDS
            else None,
            "web": context.absolute(document.get_absolute_url()),
            "keyword": demo_keyword(document),
        }
    )


def location(meeting, context: Context) -> dict:
    return compact(
        {
            **header(
                context,
                "location",
                "Location",
                meeting.pk,
                meeting.created_at,
                publication_modified_of(meeting, context.now),
            ),
            "description": ", ".join(part for part in (meeting.location, meeting.address) if part),
            "streetAddress": meeting.address,
            "meetings": [context.object_url("meeting", meeting.pk)],
        }
    )


def agenda_position(item) -> int:
    """1-based place among the meeting's public items (prefetched as public_items)."""
    return next(i for i, other in enumerate(item.meeting.public_items, 1) if other.pk == item.pk)


def _item_modified(item, context: Context) -> datetime:
    """As kinds._item_modified, for one loaded item."""
    moments = [item.updated_at, publication_modified_of(item.meeting, context.now)]
    if item.paper_id:
        moments.append(publication_modified_of(item.paper, context.now))
    return max(moments)


def agenda_item(item, context: Context) -> dict:
    meeting = item.meeting
    votes = {}
    if item.has_votes:
        votes = {
            f"{EXTENSION}votesYes": item.votes_yes,
            f"{EXTENSION}votesNo": item.votes_no,
            f"{EXTENSION}votesAbstention": item.votes_abstain,
        }
    paper = item.paper if item.paper_id else None
    has_paper = paper is not None and paper.is_live and paper.kind in PAPER_KINDS
    return compact(
        {
            **header(
                context,
                "agenda-item",
                "AgendaItem",
                item.pk,
                item.created_at,
                _item_modified(item, context),
            ),
            "meeting": context.object_url("meeting", meeting.pk),
            "number": item.number,
            "order": agenda_position(item),
            "name": item.title,
            "public": True,
            "consultation": context.object_url("consultation", item.pk) if has_paper else None,
            "result": label(AgendaItem.Result, item.result) if item.result else None,
            "resolutionText": item.resolution_text,
            **votes,
        }
    )


def consultation(item, context: Context) -> dict:
    meeting = item.meeting
    return compact(
        {
            **header(
                context,
                "consultation",
                "Consultation",
                item.pk,
                item.created_at,
                _item_modified(item, context),
            ),
            "paper": context.object_url("paper", item.paper_id),
            "agendaItem": context.object_url("agenda-item", item.pk),
            "meeting": context.object_url("meeting", meeting.pk),
            "organization": [gremium_url(context, meeting.body_id)],
        }
    )


def meeting(meeting, context: Context) -> dict:
    documents = meeting.public_documents
    by_kind = {}
    for document in documents:
        by_kind.setdefault(document.kind, document)
    invitation = by_kind.get(Document.Kind.INVITATION)
    protocol = by_kind.get(Document.Kind.MINUTES)
    others = [d for d in documents if d not in (invitation, protocol)]
    has_place = meeting.location or meeting.address
    embedded = {}
    if not context.omit_internal:
        embedded = {
            "auxiliaryFile": [file(d, context) for d in others],
            "agendaItem": [agenda_item(i, context) for i in meeting.public_items],
        }
    return compact(
        {
            **header(
                context,
                "meeting",
                "Meeting",
                meeting.pk,
                meeting.created_at,
                meeting.oparl_modified,
            ),
            "name": meeting.title,
            "cancelled": meeting.cancelled,
            "start": moment(meeting.start),
            "end": meeting.end and moment(meeting.end),
            "location": location(meeting, context) if has_place else None,
            "organization": [gremium_url(context, meeting.body_id)],
            "invitation": invitation and file(invitation, context),
            "resultsProtocol": protocol and file(protocol, context),
            **embedded,
            "web": context.absolute(meeting.get_absolute_url()),
            "keyword": demo_keyword(meeting),
        }
    )


def paper_reference(document) -> str:
    return document.slug[:PAPER_REFERENCE_MAX]


def paper(document, context: Context) -> dict:
    consultations = [consultation(item, context) for item in document.public_consultations]
    return compact(
        {
            **header(
                context, "paper", "Paper", document.pk, document.created_at, document.oparl_modified
            ),
            "body": context.body_url,
            "name": document.title,
            "reference": paper_reference(document),
            "date": document.date.isoformat(),
            "paperType": label(Document.Kind, document.kind),
            "mainFile": file(document, context),
            "consultation": consultations,
            "web": context.absolute(document.get_absolute_url()),
            "keyword": demo_keyword(document),
        }
    )
