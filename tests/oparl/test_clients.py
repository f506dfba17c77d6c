"""What real OParl clients (meine-stadt-transparent above all) need beyond the schema: types from
the specification's list, no nested object without an id, licence and contact on System and Body."""

import pytest

from governance.models import Body
from tests.factories import BodyFactory

from .conftest import BODY, ROOT, get_json, list_url
from .test_schema import crawl

SPEC_ORGANIZATION_TYPES = {
    "Gremium", "Partei", "Fraktion", "Verwaltungsbereich", "externes Gremium", "Institution",
    "Sonstiges",
}  # fmt: skip


def test_organization_types_come_from_the_specification(client, council):
    for kind in Body.Kind:
        BodyFactory(kind=kind, name=f"Gremium der Art {kind.label}")

    organizations = get_json(client, list_url("organization"))["data"]

    assert {o["organizationType"] for o in organizations} <= SPEC_ORGANIZATION_TYPES
    office = next(o for o in organizations if o["name"] == "Gremium der Art Geschäftsstelle")
    # The precise kind stays in classification.
    assert (office["organizationType"], office["classification"]) == (
        "Verwaltungsbereich",
        "Geschäftsstelle",
    )


def _objects_without_id(value, path="$"):
    if isinstance(value, dict):
        if path != "$" and not ("id" in value and "type" in value):
            yield path
        for name, item in value.items():
            yield from _objects_without_id(item, f"{path}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _objects_without_id(item, f"{path}[{index}]")


def test_no_object_inside_an_object_lacks_id_and_type(client, council):
    answers = crawl(client)
    objects = [obj for data in answers.values() for obj in data.get("data", [data])]

    assert [path for obj in objects for path in _objects_without_id(obj)] == []


@pytest.mark.parametrize("url", [ROOT, BODY])
def test_system_and_body_name_licence_and_contact(client, db, url):
    data = get_json(client, url)

    assert data["license"] == "https://www.govdata.de/dl-de/by-2-0"
    assert data["contactEmail"] == "geschaeftsstelle@stadtregion-muenster.de"
    assert data["contactName"] == "Geschäftsstelle der Stadtregion Münster"
    if url == ROOT:
        assert data["vendor"] == "http://testserver/"
        assert data["product"] == "http://testserver/opendaten/"
