"""Lists: pages with links that keep the filters and end, the four date filters, errors."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import MeetingFactory, MembershipFactory

from .conftest import get_json, list_url

ERROR = "https://schema.oparl.org/1.1/Error"


def _set_created(meeting, when):
    type(meeting).objects.filter(pk=meeting.pk).update(created_at=when, updated_at=when)


@pytest.fixture
def meetings(db):
    """Five meetings created on 1 to 5 March 2024, noon German time."""
    found = []
    for day in range(1, 6):
        meeting = MeetingFactory(title=f"Sitzung {day}")
        _set_created(meeting, timezone.make_aware(datetime.datetime(2024, 3, day, 12)))
        found.append(meeting)
    return found


def walk(client, url):
    """Every page from url on, following links.next; fails on a loop."""
    pages, seen = [], set()
    while url:
        assert url not in seen, "links.next loops"
        seen.add(url)
        pages.append(get_json(client, url.removeprefix("http://testserver")))
        url = pages[-1]["links"].get("next")
    return pages


def names(pages):
    return [obj["name"] for page in pages for obj in page["data"]]


def test_pages_follow_next_to_the_end_and_keep_filters(client, meetings):
    url = list_url("meeting", limit=2, created_since="2024-03-02T00:00:00+01:00")
    pages = walk(client, url)
    assert names(pages) == ["Sitzung 2", "Sitzung 3", "Sitzung 4", "Sitzung 5"]
    # Page 1 by number; next after the last key, where page numbers mean nothing.
    assert pages[1]["pagination"] == {"totalElements": 4, "elementsPerPage": 2}
    assert f"after=0-{meetings[2].pk}" in pages[0]["links"]["next"]
    assert pages[0]["pagination"] == {
        "totalElements": 4,
        "elementsPerPage": 2,
        "currentPage": 1,
        "totalPages": 2,
    }
    assert "next" not in pages[-1]["links"]
    for link in (*pages[0]["links"].values(), *pages[1]["links"].values()):
        assert "created_since=2024-03-02T00%3A00%3A00%2B01%3A00" in link and "limit=2" in link


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"created_since": "2024-03-04T12:00:00+01:00"}, [4, 5]),
        ({"created_until": "2024-03-02T12:00:00+01:00"}, [1, 2]),
        # The same moment in UTC, with "Z"
        ({"created_until": "2024-03-02T11:00:00Z"}, [1, 2]),
        # An unencoded "+" arrives as a space; the meaning is plain.
        ({"created_since": "2024-03-05T12:00:00 01:00"}, [5]),
        ({"modified_since": "2024-03-03T00:00:00+01:00"}, [3, 4, 5]),
        ({"modified_until": "2024-03-01T23:59:59+01:00"}, [1]),
        (
            {
                "created_since": "2024-03-02T00:00:00+01:00",
                "modified_until": "2024-03-03T13:00:00+01:00",
            },
            [2, 3],
        ),
    ],
)
def test_date_filters(client, meetings, params, expected):
    found = names([get_json(client, list_url("meeting", **params))])
    assert found == [f"Sitzung {n}" for n in expected]


@pytest.mark.parametrize(
    "params",
    [
        {"created_since": "gestern"},
        {"modified_since": "2024-03-01"},  # a date, not a date-time
        {"modified_since": "2024-03-01T12:00:00"},  # no offset: which time?
        {"created_until": "2024-02-30T12:00:00+01:00"},
        {
            "created_since": "2024-03-05T00:00:00+01:00",
            "created_until": "2024-03-01T00:00:00+01:00",
        },
        {"limit": "0"},
        {"limit": "zehn"},
        {"page": "-1"},
        {"page": "02"},
        {"page": "²"},
        {"limit": "1_0"},
        {"omit_internal": "ja"},
    ],
)
def test_malformed_parameters_answer_400_with_an_error_object(client, meetings, params):
    error = get_json(client, list_url("meeting", **params), status=400)
    assert error["type"] == ERROR
    assert error["message"]  # German, for the client's user


def test_a_page_beyond_the_last_is_404_json(client, meetings):
    assert get_json(client, list_url("meeting", page=2), status=404)["type"] == ERROR
    assert get_json(client, list_url("meeting"))["pagination"]["totalPages"] == 1


def test_limit_is_capped_at_one_hundred(client, meetings):
    page = get_json(client, list_url("meeting", limit=500))
    assert page["pagination"]["elementsPerPage"] == 100


def test_constant_lists_honour_filters(client, db):
    assert len(get_json(client, list_url("legislative-term"))["data"]) == 1
    later = list_url("legislative-term", created_since="2030-01-01T00:00:00+01:00")
    assert get_json(client, later)["data"] == []
    assert len(get_json(client, "/oparl/v1/body/")["data"]) == 1
    assert get_json(client, "/oparl/v1/body/?modified_since=2030-01-01T00:00:00Z")["data"] == []


@pytest.mark.parametrize(
    "value", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "2024-03-01T25:00:00Z"]
)
def test_moments_out_of_range_are_400_not_500(client, meetings, value):
    assert get_json(client, list_url("meeting", modified_since=value), status=400)["message"]


def test_deleting_during_a_walk_skips_nothing(client, db):
    """Offset pages shifted under a client: the object after a deleted one was never seen."""
    members = [MembershipFactory(person_name=f"Mitglied {n}") for n in range(1, 7)]
    first = get_json(client, list_url("membership", limit=3))
    assert [m["id"].rstrip("/").rsplit("/", 1)[1] for m in first["data"]] == [
        str(m.pk) for m in members[:3]
    ]

    members[1].delete()  # on the page already read
    rest = walk(client, first["links"]["next"])

    seen = [m["id"] for page in [first, *rest] for m in page["data"]]
    assert len(seen) == 6 and len(set(seen)) == 6
    assert [m["id"].rstrip("/").rsplit("/", 1)[1] for m in rest[0]["data"]] == [
        str(m.pk) for m in members[3:]
    ]


@pytest.mark.parametrize("after", ["x", "1", "0-", "0-1-2", "-1-2", "0-99999999999999999999"])
def test_malformed_after_is_400(client, db, after):
    assert get_json(client, list_url("meeting", after=after), status=400)["type"] == ERROR


def test_after_with_page_is_400(client, db):
    assert get_json(client, list_url("meeting", after="0-1", page=2), status=400)["type"] == ERROR
