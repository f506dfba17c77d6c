"""Checks OParl JSON against the copied OParl 1.1 schema (tests/oparl/schema, CC BY-SA 4.0)
and against the stricter rules of real importers (docs/architecture.md, "Interfaces that outside tools read")."""

import json
import re
from datetime import datetime
from functools import cache
from pathlib import Path

from jsonschema import Draft7Validator, FormatChecker

SCHEMA_DIR = Path(__file__).parent / "schema"
TYPE_PREFIX = "https://schema.oparl.org/1.1/"
# The spec's own forms: yyyy-mm-dd and yyyy-mm-ddThh:mm:ss±hh:mm.
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")
EXTENSION_PREFIX = "stadtregion:"

formats = FormatChecker(formats=())
formats.checks("url")(lambda value: bool(re.fullmatch(r"https?://\S+", value)))
formats.checks("date")(lambda value: bool(DATE.fullmatch(value)))
formats.checks("date-time")(lambda value: bool(DATE_TIME.fullmatch(value)))


@cache
def schema(type_name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{type_name}.json").read_text())


def type_name(obj: dict) -> str:
    assert obj["type"].startswith(TYPE_PREFIX), obj["type"]
    return obj["type"].removeprefix(TYPE_PREFIX)


def validate(obj: dict) -> list[dict]:
    """Validates obj and every object embedded in it; returns them all, obj first."""
    name = type_name(obj)
    assert DATE_TIME.fullmatch(obj["created"]) and DATE_TIME.fullmatch(obj["modified"]), obj
    if obj.get("deleted"):
        # A tombstone keeps id, type, created and modified; the rest may go (spec 2.8).
        assert set(obj) == {"id", "type", "created", "modified", "deleted"}, obj
        return [obj]
    definition = schema(name)
    Draft7Validator(definition, format_checker=formats).validate(obj)
    for key in obj:
        known = key in definition["properties"] or key.startswith(EXTENSION_PREFIX)
        assert known, f"{name} has a property the schema does not know: {key}"
    strict(name, obj)
    found = [obj]
    for key, value in obj.items():
        spec = definition["properties"].get(key, {})
        if spec.get("type") == "object" and "schema" in spec:
            found += validate(value)
        elif spec.get("type") == "array" and "schema" in spec.get("items", {}):
            for item in value:
                found += validate(item)
    # A change to an embedded object is a change to its container (spec 2.8): clients that
    # sync by `modified` would miss it otherwise.
    latest = max(datetime.fromisoformat(inner["modified"]) for inner in found)
    assert datetime.fromisoformat(obj["modified"]) == latest, obj["id"]
    return found


def strict(name: str, obj: dict) -> None:
    """What meine-stadt-transparent's importer needs beyond the spec (docs/architecture.md)."""
    if name == "Meeting":
        assert "start" in obj
    if name == "LegislativeTerm":
        assert "startDate" in obj
    if name == "AgendaItem":
        assert obj.get("name")
    if name == "Membership":
        assert obj.get("organization")
    if name == "Body":
        assert len(obj.get("ags", "")) <= 8
    if name == "Paper":
        assert obj.get("reference") and len(obj["reference"]) <= 50
