import datetime
import json
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.utils import timezone

from governance.models import Document
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    ContactPersonFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
    MunicipalityFactory,
    WorkingGroupFactory,
)

ROOT = "/oparl/v1/"
BODY = "/oparl/v1/body/stadtregion/"
LISTS = (
    "organization",
    "person",
    "membership",
    "meeting",
    "agenda-item",
    "consultation",
    "paper",
    "file",
    "location",
    "legislative-term",
)


def get_json(client, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert not response.content.startswith(b"\xef\xbb\xbf")  # no BOM
    return json.loads(response.content.decode("utf-8"))


def list_url(kind: str, **params) -> str:
    return f"{BODY}{kind}/" + (f"?{urlencode(params)}" if params else "")


@dataclass
class Council:
    gremium: object
    group: object
    meeting: object
    item: object
    secret_item: object
    paper: object
    invitation: object
    member: object
    contact: object


@pytest.fixture
def council(db):
    """A Gremium with a member, a published meeting with agenda, Vorlage and files."""
    town = MunicipalityFactory(name="Havixbeck", slug="havixbeck")
    gremium = BodyFactory(name="Beirat Stadtregion", slug="beirat")
    member = MembershipFactory(
        body=gremium, person_name="Erika Muster", municipality=town, function="Ratsmitglied"
    )
    contact = ContactPersonFactory(
        municipality=town, email="erika.privat@example.org", phone="+49 2507 123456"
    )
    group = WorkingGroupFactory(name="AG Mobilität")
    group.contacts.add(contact)
    meeting = MeetingFactory(
        body=gremium,
        title="Sitzung des Beirats",
        start=timezone.make_aware(datetime.datetime(2024, 9, 18, 17, 0)),
        location="Stadthaus 1",
        address="Klemensstraße 10, 48143 Münster",
    )
    paper = DocumentFactory(
        kind=Document.Kind.DRAFT_RESOLUTION, meeting=meeting, title="Beschlussvorlage Velorouten"
    )
    invitation = DocumentFactory(kind=Document.Kind.INVITATION, meeting=meeting)
    item = AgendaItemFactory(
        meeting=meeting,
        number="1",
        title="Velorouten",
        paper=paper,
        result="beschlossen",
        resolution_text="Der Beirat empfiehlt die Velorouten.",
        votes_yes=30,
        votes_no=2,
        votes_abstain=1,
    )
    secret_item = AgendaItemFactory(
        meeting=meeting, number="2", title="Personalie", is_public=False
    )
    return Council(gremium, group, meeting, item, secret_item, paper, invitation, member, contact)
