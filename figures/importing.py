"""Reading editors' uploads into values: the Landesdatenbank NRW's GENESIS flat CSV (ffcsv) and
our simple template, checked row by row, compared with what is stored, applied on confirmation.

GENESIS flat CSV (as GENESIS-Online and the Landesdatenbank NRW export it): UTF-8, ";" between
cells, decimal comma, one value a row, columns statistics_code; statistics_label; time_code;
time_label; time; then per dimension n_variable_code; n_variable_label;
n_variable_attribute_code; n_variable_attribute_label; then value; value_unit;
value_variable_code; value_variable_label; value_q. Exports in the older flat layout (Zeit;
n_Auspraegung_Code; one column "CODE__Label__Einheit" per value) are read as the same rows. The
towns are the dimension whose attribute
codes are Gemeindeschlüssel (8 digits, or 12 as Regionalschlüssel). In the statistical offices'
legend "-" means "nothing", i.e. zero; ".", "x", "/" and "..." mean "no value" (secret, not
applicable, unreliable) and are skipped.
"""

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from members.models import Municipality

from .ags import town_key
from .models import FIRST_YEAR, LAST_YEAR, Indicator, Value

MAX_BYTES = 5 * 1024 * 1024
NO_VALUE = {".", "x", "/", "...", ""}
GENESIS_REQUIRED = ("time", "value", "value_variable_code")
TEMPLATE_COLUMNS = ("indikator", "kommune", "jahr", "wert")
_YEAR = re.compile(r"(\d{4})")
_DIMENSION = re.compile(r"(\d+)_variable_attribute_code")
_OLD_DIMENSION = re.compile(r"(\d+)_Auspraegung_Code")


class UnreadableFile(Exception):
    """The whole file cannot be read; the message is German."""


@dataclass
class Parsed:
    # (indicator id, town id, year) -> (value, line)
    values: dict[tuple[int, int, int], tuple[Decimal, int]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)  # reason -> rows

    def add(self, line: int, indicator: Indicator, town: Municipality, year: int, value: Decimal):
        key = (indicator.pk, town.pk, year)
        if key in self.values and self.values[key][0] != value:
            first = self.values[key][1]
            self.errors.append(
                f"Zeile {line}: {indicator.name}, {town.name}, {year} steht schon in Zeile "
                f"{first} mit einem anderen Wert."
            )
            return
        self.values[key] = (value, line)


def decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise UnreadableFile("Die Datei ist größer als 5 MB. Bitte teilen Sie sie auf.")
    for encoding in ("utf-8-sig", "cp1252"):  # older exports of the Landesdatenbank: Windows
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("Die Datei ist keine Textdatei (CSV).")


def parse_number(text: str, *, decimal_comma: bool) -> Decimal:
    text = text.strip().replace(" ", "").replace("\u00a0", "")
    if decimal_comma:
        text = text.replace(".", "").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None
    if not number.is_finite() or abs(number) >= Decimal(10) ** 12:
        raise ValueError(text)
    return number


def _year(text: str) -> int | None:
    match = _YEAR.search(text or "")
    year = int(match.group(1)) if match else None
    return year if year and FIRST_YEAR <= year <= LAST_YEAR else None


def _towns() -> dict[str, Municipality]:
    """The members by slug and by AGS: imports name them either way."""
    towns = {}
    for town in Municipality.objects.only("name", "slug", "ags"):
        towns[town.slug] = town
        if town.ags:
            towns[town.ags] = town
    return towns


def _old_layout_rows(reader: csv.DictReader):
    """Rows of the older flat layout, one per value column, in the current layout's names."""
    columns = reader.fieldnames or []
    values = [c for c in columns if c.count("__") >= 1 and not c.endswith("__q")]
    for line, row in enumerate(reader, start=2):
        base = {"time": row.get("Zeit", ""), "line": line}
        for column in columns:
            if match := _OLD_DIMENSION.fullmatch(column):
                base[f"{match.group(1)}_variable_attribute_code"] = row.get(column)
        for column in values:
            yield {**base, "value": row.get(column), "value_variable_code": column.split("__")[0]}


def _genesis_rows(text: str) -> tuple[list[str], object]:
    """The column names and rows, in the current ffcsv's names whichever layout came."""
    reader = csv.DictReader(io.StringIO(text), delimiter=";")
    columns = reader.fieldnames or []
    if "Zeit" in columns and "time" not in columns:
        rows = list(_old_layout_rows(reader))
        return sorted({key for row in rows for key in row}) or ["time"], rows
    return columns, reader


def parse_genesis(text: str) -> Parsed:
    columns, reader = _genesis_rows(text)
    missing = [name for name in GENESIS_REQUIRED if name not in columns]
    if missing:
        raise UnreadableFile(
            "Das ist keine GENESIS-Datei im Format „Flatfile CSV“: es fehlen die Spalten "
            + ", ".join(f"„{name}“" for name in missing)
            + ". Bitte laden Sie die Tabelle in der Landesdatenbank als „Flatfile CSV“ herunter."
        )
    dimensions = sorted(int(m.group(1)) for c in columns if (m := _DIMENSION.fullmatch(c)))
    towns = _towns()
    by_code: dict[str, list[Indicator]] = {}
    for indicator in Indicator.objects.exclude(genesis_code=""):
        by_code.setdefault(indicator.genesis_code, []).append(indicator)
    parsed = Parsed()
    for number, row in enumerate(reader, start=2):
        line = row.get("line", number)  # the file's line, also for the older layout
        town, others = None, set()
        for n in dimensions:
            code = (row.get(f"{n}_variable_attribute_code") or "").strip()
            found = towns.get(town_key(code)) if code.isdigit() else None
            if found:
                town = found
            elif code.isdigit() and len(code) in (2, 3, 5, 8, 12):
                town = town or False  # another area (Kreis, Land, other municipality)
            elif code:
                others.add(code)
        if not town:
            parsed.skipped["andere Gebiete" if town is False else "ohne Gemeinde"] += 1
            continue
        code = (row.get("value_variable_code") or "").strip()
        matches = [i for i in by_code.get(code, []) if i.attribute_codes == others]
        if not matches:
            parsed.skipped["Merkmale ohne Indikator"] += 1
            continue
        year = _year(row.get("time", ""))
        if year is None:
            parsed.errors.append(f"Zeile {line}: „{row.get('time')}“ ist kein Jahr.")
            continue
        raw = (row.get("value") or "").strip()
        if raw in NO_VALUE:
            parsed.skipped["ohne Wert (Zeichen . x / …)"] += 1
            continue
        try:
            value = Decimal(0) if raw in ("-", "–") else parse_number(raw, decimal_comma=True)
        except ValueError:
            parsed.errors.append(f"Zeile {line}: „{raw}“ ist keine Zahl.")
            continue
        for indicator in matches:
            parsed.add(line, indicator, town, year, value)
    return parsed


def parse_template(text: str) -> Parsed:
    """Our template: indikator; kommune (AGS or slug); jahr; wert. With ";" numbers are German
    (1.234,5), with "," they are written with a decimal point (1234.5)."""
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    if tuple(columns[:4]) != TEMPLATE_COLUMNS:
        raise UnreadableFile(
            "Die erste Zeile muss die Spaltennamen „indikator; kommune; jahr; wert“ enthalten, "
            "in dieser Reihenfolge."
        )
    reader.fieldnames = columns
    indicators = {i.slug: i for i in Indicator.objects.all()}
    towns = _towns()
    parsed = Parsed()
    for line, row in enumerate(reader, start=2):
        cells = {name: (row.get(name) or "").strip() for name in TEMPLATE_COLUMNS}
        if not any(cells.values()):
            continue
        problems = []
        indicator = indicators.get(cells["indikator"].lower())
        if indicator is None:
            problems.append(f"den Indikator „{cells['indikator']}“ gibt es nicht")
        town = towns.get(town_key(cells["kommune"]))
        if town is None:
            problems.append(f"„{cells['kommune']}“ ist keine Kommune der Stadtregion")
        year = _year(cells["jahr"]) if cells["jahr"].isdigit() else None
        if year is None:
            problems.append(f"„{cells['jahr']}“ ist kein Jahr")
        try:
            value = parse_number(cells["wert"], decimal_comma=delimiter == ";")
        except ValueError:
            problems.append(f"„{cells['wert']}“ ist keine Zahl")
        if problems:
            parsed.errors.append(f"Zeile {line}: " + "; ".join(problems) + ".")
            continue
        parsed.add(line, indicator, town, year, value)
    return parsed


@dataclass(frozen=True)
class Change:
    indicator: str
    town: str
    year: int
    old: Decimal | None
    new: Decimal


@dataclass
class Plan:
    new: list[Change]
    changed: list[Change]
    unchanged: int


def _labels(values: dict) -> tuple[dict, dict]:
    indicator_ids = {key[0] for key in values}
    indicators = dict(Indicator.objects.filter(pk__in=indicator_ids).values_list("pk", "name"))
    towns = dict(Municipality.objects.values_list("pk", "name"))
    return indicators, towns


def _stored(values: dict) -> dict:
    indicator_ids = {key[0] for key in values}
    return {
        (v.indicator_id, v.municipality_id, v.year): v
        for v in Value.objects.filter(indicator_id__in=indicator_ids)
    }


def plan(values: dict[tuple[int, int, int], Decimal]) -> Plan:
    """What applying would do, compared with the stored values (nothing is written)."""
    indicators, towns = _labels(values)
    stored = _stored(values)
    result = Plan([], [], 0)
    for key in sorted(values, key=lambda k: (indicators.get(k[0], ""), k[2], towns.get(k[1]))):
        indicator_id, town_id, year = key
        old = stored[key].value if key in stored else None
        change = Change(indicators[indicator_id], towns[town_id], year, old, values[key])
        if old is None:
            result.new.append(change)
        elif old != values[key]:
            result.changed.append(change)
        else:
            result.unchanged += 1
    return result


@transaction.atomic
def apply(values: dict[tuple[int, int, int], Decimal], *, user, reason: str) -> Plan:
    """Writes new and changed values with a history entry each, and touches their indicators
    (their "Stand" and the page cache's version move)."""
    result = plan(values)
    stored = _stored(values)
    now = timezone.now()
    new, changed = [], []
    for key, value in values.items():
        if key not in stored:
            indicator_id, town_id, year = key
            new.append(
                Value(indicator_id=indicator_id, municipality_id=town_id, year=year, value=value)
            )
        elif stored[key].value != value:
            stored[key].value, stored[key].updated_at = value, now
            changed.append(stored[key])
    options = {"default_user": user, "default_change_reason": reason}
    if new:
        bulk_create_with_history(new, Value, **options)
    if changed:
        bulk_update_with_history(changed, Value, ["value", "updated_at"], **options)
    touched = {value.indicator_id for value in [*new, *changed]}
    for indicator in Indicator.objects.filter(pk__in=touched):
        indicator.save(update_fields=["updated_at"])
    return result
