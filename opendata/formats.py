"""The downloads: CSV (UTF-8, comma, header row), JSON and GeoJSON, each stating the licence; and
each CSV for German spreadsheets too (semicolon, decimal comma, UTF-8 with BOM), which Excel
opens with a double click and the umlauts intact."""

import csv
import io
import json

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from core.licence import PUBLISHER, licence_json, licence_link_header
from core.text import clean_text

from .datasets import Absolute, Dataset

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV
# injection"). Such text cells get a leading apostrophe, which spreadsheets show as text and
# hide; numbers never get one, so negative figures stay numbers.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_cell(value, to_csv=None, *, decimal_comma: bool = False) -> str:
    if to_csv is not None and value:
        value = to_csv(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float) and decimal_comma:
        return str(value).replace(".", ",")
    if isinstance(value, list):
        value = "; ".join(str(item) for item in value)
    if isinstance(value, str):
        value = clean_text(value)  # rows stored before core.text's rule, too
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    return str(value)


def _response(content: str, content_type: str, filename: str, *, attachment=False):
    response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Link"] = licence_link_header()
    # Open to other sites' scripts (CORS) by core.interfaces, as every interface.
    # No max-age: a withdrawn item must vanish at once, also from browser caches.
    return response


def _csv(dataset: Dataset, absolute: Absolute, *, excel: bool = False) -> str:
    rows, _ = dataset.rows(absolute)
    buffer = io.StringIO()
    if excel:
        buffer.write("\ufeff")  # how Excel knows the file is UTF-8
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(dataset.column_names)
    for row in rows:
        writer.writerow(
            [csv_cell(row[c.name], c.to_csv, decimal_comma=excel) for c in dataset.columns]
        )
    return buffer.getvalue()


def csv_response(dataset: Dataset, absolute: Absolute) -> HttpResponse:
    """RFC 4180, for programs."""
    return _response(_csv(dataset, absolute), "text/csv", f"{dataset.key}.csv", attachment=True)


def excel_csv_response(dataset: Dataset, absolute: Absolute) -> HttpResponse:
    """For German Excel: what it expects from a CSV file opened with a double click."""
    content = _csv(dataset, absolute, excel=True)
    return _response(content, "text/csv", f"{dataset.key}-excel.csv", attachment=True)


def _metadata(dataset: Dataset, absolute: Absolute, modified) -> dict:
    return {
        "titel": dataset.title,
        "beschreibung": dataset.description,
        "herausgeber": PUBLISHER,
        "lizenz": licence_json() if dataset.licence is None else _source_licence(dataset),
        "quelle": absolute(f"{reverse('opendata:index')}#{dataset.key}"),
        "stand": timezone.localtime(modified).isoformat() if modified else None,
    }


def _source_licence(dataset: Dataset) -> dict:
    """A statistics office's figures keep their own licence; the rows name the source."""
    return {"name": str(dataset.licence.label), "url": dataset.licence.iri}


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)


def json_response(dataset: Dataset, absolute: Absolute) -> HttpResponse:
    rows, modified = dataset.rows(absolute)
    data = {**_metadata(dataset, absolute, modified), "daten": rows}
    return _response(_dumps(data), "application/json", f"{dataset.key}.json")


def geojson_response(dataset: Dataset, absolute: Absolute) -> HttpResponse:
    features = dataset.features()
    for feature in features:
        properties = feature["properties"]
        properties["url"] = absolute(properties["url"])
    # The licence and the other metadata as foreign members (RFC 7946, 6.1).
    data = {"type": "FeatureCollection", **_metadata(dataset, absolute, None), "features": features}
    del data["stand"]
    return _response(_dumps(data), "application/geo+json", f"{dataset.key}.geojson")


RESPONSES = {"csv": csv_response, "json": json_response, "geojson": geojson_response}
