"""A list page costs the same number of queries however much data there is: one count, one
query for the page's keys, one per model and one per prefetched relation."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
    WorkingGroupFactory,
)

from .conftest import ROOT, get_json, list_url

EXPECTED = {
    "organization": 5,  # count, keys, Gremien + their memberships, working groups
    "person": 3,
    "membership": 3,
    "meeting": 5,  # count, keys, meetings, public agenda items, published documents
    "agenda-item": 4,  # count, keys, items with meeting and Vorlage, the meetings' agendas
    "consultation": 3,  # count, keys, agenda items with their meetings
    "paper": 5,  # count, keys, documents, their meetings, their consultations
    "file": 4,  # count, keys, documents, their meetings
    "location": 3,
    "legislative-term": 0,
}
SINCE = "2000-01-01T00:00:00+01:00"


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Counts what the view itself costs, not a shared cache in front of it."""
    settings.PAGE_CACHE_ENABLED = False


def grow(council, n):
    """n more of everything, withdrawn and deleted ones included."""
    for _ in range(n):
        meeting = MeetingFactory(body=council.gremium, address="Markt 1")
        paper = DocumentFactory(kind="vorlage", meeting=meeting)
        DocumentFactory(meeting=meeting)
        AgendaItemFactory(meeting=meeting, paper=paper, votes_yes=1, votes_no=1, votes_abstain=1)
        AgendaItemFactory(meeting=meeting, is_public=False)
        MembershipFactory(body=council.gremium)
        WorkingGroupFactory()
        MeetingFactory(is_published=False)
        DocumentFactory(kind="beschlussvorlage").delete()
        MembershipFactory().delete()
        WorkingGroupFactory().delete()


def counts(client, **params):
    found = {}
    for kind in EXPECTED:
        with CaptureQueriesContext(connection) as queries:
            page = get_json(client, list_url(kind, **params))
        assert page["data"], kind
        found[kind] = len(queries)
    return found


@pytest.mark.parametrize("params", [{}, {"modified_since": SINCE}])
def test_list_pages_have_fixed_query_counts(client, council, params):
    assert counts(client, **params) == EXPECTED
    grow(council, 6)
    assert counts(client, **params) == EXPECTED


def test_detail_query_counts(client, council, django_assert_num_queries):
    grow(council, 3)
    meeting, paper = council.meeting.pk, council.paper.pk
    for path, queries in [
        (f"meeting/{meeting}/", 3),
        (f"agenda-item/{council.item.pk}/", 2),
        (f"paper/{paper}/", 3),
        (f"file/{paper}/", 2),
        (f"organization/gremium-{council.gremium.pk}/", 2),
        (f"person/{council.member.pk}/", 1),
        # Not found: the row, the deletion records, then the moved addresses (editorial.redirects).
        ("meeting/99999/", 3),
    ]:
        with django_assert_num_queries(queries):
            client.get(f"{ROOT}{path}")
