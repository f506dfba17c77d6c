"""Withdrawn (draft, scheduled, expired, not public) and deleted objects stay as
`deleted: true` tombstones at their ids, and lists name them to syncing clients
(with modified_since only, as the spec says)."""

import datetime

import pytest
from django.utils import timezone

from governance.models import AgendaItem, Document, Meeting
from tests.factories import DocumentFactory, MeetingFactory, MembershipFactory, WorkingGroupFactory

from .conftest import ROOT, get_json, list_url
from .oparl_schema import validate

SINCE = {"modified_since": "2000-01-01T00:00:00+01:00"}


def ids(client, kind, **params):
    return {obj["id"]: obj for obj in get_json(client, list_url(kind, **params))["data"]}


def assert_tombstone(obj, key):
    assert obj["id"] == f"http://testserver{ROOT}{key}/"
    assert obj["deleted"] is True
    validate(obj)


def test_unpublished_meeting_is_a_tombstone_with_its_agenda_and_place(client, council):
    council.meeting.is_published = False
    council.meeting.save()
    pk = council.meeting.pk
    assert_tombstone(get_json(client, f"{ROOT}meeting/{pk}/"), f"meeting/{pk}")
    item_key = f"agenda-item/{council.item.pk}"
    assert_tombstone(get_json(client, f"{ROOT}{item_key}/"), item_key)
    assert_tombstone(get_json(client, f"{ROOT}location/{pk}/"), f"location/{pk}")
    assert ids(client, "meeting") == {}
    tombstones = ids(client, "meeting", **SINCE)
    assert [obj["deleted"] for obj in tombstones.values()] == [True]
    assert ids(client, "agenda-item") == {}
    assert len(ids(client, "agenda-item", **SINCE)) == 2  # the non-public item as well


def test_non_public_agenda_item_is_a_tombstone(client, council):
    key = f"agenda-item/{council.secret_item.pk}"
    obj = get_json(client, f"{ROOT}{key}/")
    assert_tombstone(obj, key)
    assert "Personalie" not in str(get_json(client, list_url("agenda-item", **SINCE)))


def test_expiry_moves_modified_to_the_moment_it_took_effect(client, db):
    expired_at = timezone.now() - datetime.timedelta(hours=1)
    document = DocumentFactory(visible_until=expired_at)
    edited = expired_at - datetime.timedelta(hours=1)  # last edited while still visible
    type(document).objects.filter(pk=document.pk).update(updated_at=edited)
    obj = get_json(client, f"{ROOT}file/{document.pk}/")
    assert obj["deleted"] is True
    assert obj["modified"] == timezone.localtime(expired_at).isoformat(timespec="seconds")
    # A client that synced before the expiry learns of it.
    before = (expired_at - datetime.timedelta(minutes=1)).isoformat()
    assert f"http://testserver{ROOT}file/{document.pk}/" in ids(
        client, "file", modified_since=before
    )


def test_scheduled_publication_is_withdrawn_until_it_starts(client, db):
    document = DocumentFactory(publish_from=timezone.now() + datetime.timedelta(days=1))
    assert get_json(client, f"{ROOT}file/{document.pk}/")["deleted"] is True
    assert ids(client, "file") == {}


@pytest.mark.parametrize(
    ("factory", "kind", "prefix"),
    [
        (MeetingFactory, "meeting", ""),
        (DocumentFactory, "file", ""),
        (MembershipFactory, "membership", ""),
        (MembershipFactory, "person", ""),
        (WorkingGroupFactory, "organization", "arbeitsgruppe-"),
    ],
)
def test_deleted_rows_remain_as_tombstones(client, db, factory, kind, prefix):
    obj = factory()
    key, created = f"{kind}/{prefix}{obj.pk}", obj.created_at
    obj.delete()
    tombstone = get_json(client, f"{ROOT}{key}/")
    assert_tombstone(tombstone, key)
    assert tombstone["created"] == timezone.localtime(created).isoformat(timespec="seconds")
    assert ids(client, kind) == {}
    assert list(ids(client, kind, **SINCE)) == [tombstone["id"]]
    # A client that synced after the deletion has nothing new to learn.
    assert ids(client, kind, modified_since=timezone.now().isoformat()) == {}


def test_deleted_gremium_is_a_tombstone(client, council):
    key = f"organization/gremium-{council.gremium.pk}"
    council.meeting.delete()  # meetings protect their body
    council.gremium.delete()
    assert_tombstone(get_json(client, f"{ROOT}{key}/"), key)


def test_document_no_longer_a_vorlage_leaves_a_paper_tombstone(client, council):
    council.paper.kind = "bericht"
    council.paper.save()
    key = f"paper/{council.paper.pk}"
    assert_tombstone(get_json(client, f"{ROOT}{key}/"), key)
    assert ids(client, "paper") == {}
    # Syncing clients learn of it (and of other documents as papers they never had).
    assert ids(client, "paper", **SINCE)[f"http://testserver{ROOT}{key}/"]["deleted"] is True
    assert get_json(client, f"{ROOT}file/{council.paper.pk}/").get("deleted") is None


@pytest.mark.parametrize(
    "path",
    [
        "meeting/999/",
        "meeting/01/",  # not the canonical spelling of 1
        "meeting/abc/",
        "organization/1/",  # organizations name their origin
        "organization/verein-1/",
        "legislative-term/2020/",
        "sitzung/1/",
        "body/muenster/",
        "body/stadtregion/sitzung/",
    ],
)
def test_unknown_ids_answer_404_json(client, council, path):
    error = get_json(client, f"{ROOT}{path}", status=404)
    assert error["type"] == "https://schema.oparl.org/1.1/Error"


def test_deleting_an_embedded_object_moves_its_container_modified(client, council):
    yesterday = timezone.now() - datetime.timedelta(days=1)
    for model in (Meeting, AgendaItem, Document):  # nothing else changed since yesterday
        model.objects.update(updated_at=yesterday)
    item_pk = council.item.pk
    council.item.delete()  # not through the meeting's form: the meeting row stays as it was
    after = get_json(client, f"{ROOT}meeting/{council.meeting.pk}/")
    assert "agendaItem" not in after
    assert after["modified"] == timezone.localtime(
        AgendaItem.history.get(id=item_pk, history_type="-").history_date
    ).isoformat(timespec="seconds")


def test_withdrawn_vorlage_withdraws_its_consultation(client, council):
    yesterday = timezone.now() - datetime.timedelta(days=1)
    for model in (Meeting, AgendaItem, Document):
        model.objects.update(updated_at=yesterday)
    council.paper.refresh_from_db()
    before = timezone.now().replace(microsecond=0)
    council.paper.is_published = False
    council.paper.save()
    key = f"consultation/{council.item.pk}"
    assert_tombstone(get_json(client, f"{ROOT}{key}/"), key)
    assert "consultation" not in get_json(client, f"{ROOT}agenda-item/{council.item.pk}/")
    assert ids(client, "consultation") == {}
    # Clients that synced before the withdrawal learn of it: the consultation is gone, the
    # agenda item changed (it no longer names one).
    since = {"modified_since": before.isoformat()}
    assert list(ids(client, "consultation", **since)) == [f"http://testserver{ROOT}{key}/"]
    assert f"http://testserver{ROOT}agenda-item/{council.item.pk}/" in ids(
        client, "agenda-item", **since
    )
