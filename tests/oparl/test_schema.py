"""Every object a client can reach from the System is valid OParl 1.1 (copied schema) and
meets the stricter importers' needs; links lead somewhere and never loop."""

import re

import pytest

from .conftest import BODY, LISTS, ROOT, get_json, list_url
from .oparl_schema import TYPE_PREFIX, validate

OWN_URL = re.compile(r"^http://testserver(/oparl/v1/\S*)$")


def crawl(client, start: str = ROOT) -> dict[str, dict]:
    """Follows every URL of ours in every answer; returns path -> JSON."""
    seen, queue = {}, [start]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        data = seen[path] = get_json(client, path)
        if "data" in data:  # a list page
            assert data["links"].get("next") != data["links"]["self"]
        paths = [m[1] for m in map(OWN_URL.match, _strings(data)) if m]
        queue += [p for p in paths if p not in seen and not p.endswith("/download/")]
    return seen


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_every_reachable_object_is_valid_oparl(client, council):
    answers = crawl(client)
    objects = []
    for data in answers.values():
        for obj in data.get("data", [data]):
            objects += validate(obj)
    types = {obj["type"].removeprefix(TYPE_PREFIX) for obj in objects}
    assert types == {
        "System", "Body", "Organization", "Person", "Membership", "Meeting", "AgendaItem",
        "Paper", "File", "Location", "LegislativeTerm", "Consultation",
    }  # fmt: skip
    # Every id answers with the same object as the lists embed (embedded objects included).
    for obj in objects:
        path = OWN_URL.match(obj["id"])[1]
        assert answers[path] == obj
    assert f"{BODY}" in answers and all(list_url(kind) in answers for kind in LISTS)


def test_body_and_organizations_as_importers_need_them(client, council):
    body = get_json(client, BODY)
    assert "ags" not in body  # the Stadtregion has no Gemeindeschlüssel
    assert body["legislativeTerm"][0]["startDate"] == "2018-12-31"
    organizations = get_json(client, list_url("organization"))["data"]
    assert [o["name"] for o in organizations] == ["Beirat Stadtregion", "AG Mobilität"]
    assert {o["body"] for o in organizations} == {body["id"]}
    memberships = get_json(client, list_url("membership"))["data"]
    assert memberships[0]["organization"] == organizations[0]["id"]
    assert organizations[0]["membership"] == [memberships[0]["id"]]


def test_meeting_embeds_place_public_agenda_and_files(client, council):
    meeting = get_json(client, f"{ROOT}meeting/{council.meeting.pk}/")
    assert meeting["start"] == "2024-09-18T17:00:00+02:00"
    assert meeting["location"]["description"] == "Stadthaus 1, Klemensstraße 10, 48143 Münster"
    assert meeting["invitation"]["id"].endswith(f"/file/{council.invitation.pk}/")
    assert [f["name"] for f in meeting["auxiliaryFile"]] == ["Beschlussvorlage Velorouten"]
    [item] = meeting["agendaItem"]  # the non-public item is left out
    assert item["name"] == "Velorouten" and item["order"] == 1 and item["public"] is True
    assert item["result"] == "beschlossen"
    assert item["resolutionText"] == "Der Beirat empfiehlt die Velorouten."
    # Flat extension properties: a nested object without id trips meine-stadt-transparent.
    assert (item["stadtregion:votesYes"], item["stadtregion:votesNo"]) == (30, 2)
    assert item["stadtregion:votesAbstention"] == 1
    assert "stadtregion:votes" not in item
    without = get_json(client, list_url("meeting", omit_internal="true"))["data"][0]
    assert "agendaItem" not in without and "auxiliaryFile" not in without


def test_paper_with_main_file_and_consultation(client, council):
    [paper] = get_json(client, list_url("paper"))["data"]
    assert paper["paperType"] == "Beschlussvorlage"
    assert paper["reference"] == council.paper.slug
    file = paper["mainFile"]
    assert file["mimeType"] == "application/pdf" and file["size"] == council.paper.file.size
    assert file["accessUrl"] == f"http://testserver/dokumente/{council.paper.slug}/datei.pdf"
    assert paper["consultation"][0]["agendaItem"].endswith(f"/agenda-item/{council.item.pk}/")
    download = client.get(file["downloadUrl"])
    assert download["Content-Disposition"].startswith("attachment;")
    assert client.get(file["accessUrl"])["Content-Disposition"].startswith("inline;")


@pytest.mark.parametrize("slug_length", [49, 50, 120])
def test_paper_reference_never_exceeds_fifty_characters(client, council, slug_length):
    council.paper.slug = "v" * slug_length
    council.paper.save()
    [paper] = get_json(client, list_url("paper"))["data"]
    assert paper["reference"] == "v" * min(slug_length, 50)
