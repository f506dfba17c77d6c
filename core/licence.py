"""The one licence of everything we publish as open data, and who publishes it."""

from django.conf import settings

PUBLISHER = settings.SITE_NAME
# The IRI GovData's SHACL shapes accept (docs/architecture.md, "Interfaces that outside tools read"); the govdata.de page is for people.
LICENCE_IRI = "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
LICENCE_URL = "https://www.govdata.de/dl-de/by-2-0"
LICENCE_NAME = "Datenlizenz Deutschland – Namensnennung – Version 2.0"
LICENCE_ID = "dl-de/by-2-0"


def licence_json() -> dict:
    """The licence as every JSON and GeoJSON download states it."""
    return {
        "name": LICENCE_NAME,
        "kennung": LICENCE_ID,
        "url": LICENCE_URL,
        "namensnennung": f"{PUBLISHER}, {LICENCE_ID}",
    }


def licence_link_header() -> str:
    """RFC 8288 Link to the licence: what a CSV file can carry besides its cells."""
    return f'<{LICENCE_URL}>; rel="license"'
