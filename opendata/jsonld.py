"""schema.org descriptions (JSON-LD) of our pages, for search engines and other readers.

Builders take the objects the page has already loaded and run no query of their own.
"""

import json
from datetime import datetime

from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone

from governance.models import Document, Meeting
from members.models import Municipality
from pages.models import NewsArticle
from projects.models import Project

from .datasets import Absolute

SCHEMA = "https://schema.org"
# As django.utils.html.json_script: inside <script>, "</script>" or "<!--" must never appear.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def dumps(data: dict) -> str:
    """JSON safe to place inside a <script> element."""
    return json.dumps(data, ensure_ascii=False).translate(_ESCAPES)


def _iso(value) -> str | None:
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat() if value else None


def _place(obj, name: str) -> dict:
    place = {"@type": "Place", "name": name}
    if obj.has_location:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(obj.latitude),
            "longitude": float(obj.longitude),
        }
    return place


def _image(absolute: Absolute, path: str, width: int, height: int) -> dict:
    return {"@type": "ImageObject", "url": absolute(path), "width": width, "height": height}


def stadtregion(absolute: Absolute) -> dict:
    return {
        "@type": "GovernmentOrganization",
        "@id": absolute("/") + "#organisation",
        "name": settings.SITE_NAME,
        "url": absolute("/"),
        # Raster, at most 600×60: what search engines accept as a publisher's logo.
        "logo": _image(absolute, static("img/logo.png"), 600, 60),
    }


def home(absolute: Absolute, municipalities) -> dict:
    return {
        **stadtregion(absolute),
        "description": "Freiwillige Zusammenarbeit von zwölf Städten und Gemeinden in Wohnen, "
        "Mobilität, Klimaschutz und Schulentwicklung.",
        "member": [
            {
                "@type": "GovernmentOrganization",
                "name": town.name,
                "url": absolute(town.get_absolute_url()),
            }
            for town in municipalities
        ],
    }


def ags_value(ags: str) -> dict:
    return {
        "@type": "PropertyValue",
        "propertyID": "AGS",
        "name": "Amtlicher Gemeindeschlüssel",
        "value": ags,
    }


def municipality(town: Municipality, absolute: Absolute) -> dict:
    page = absolute(town.get_absolute_url())
    area = {**_place(town, town.name), "@type": "AdministrativeArea"}
    area["containedInPlace"] = {"@type": "AdministrativeArea", "name": town.district}
    if town.ags:
        area["identifier"] = ags_value(town.ags)
    return {
        "@type": "GovernmentOrganization",
        "@id": page + "#kommune",
        "name": town.official_name or town.name,
        "alternateName": town.name,
        "url": town.website,
        "mainEntityOfPage": page,
        "areaServed": area,
        "memberOf": stadtregion(absolute),
    }


def meeting(event: Meeting, absolute: Absolute) -> dict:
    status = "EventCancelled" if event.cancelled else "EventScheduled"
    data = {
        "@type": "Event",
        "name": event.title,
        "url": absolute(event.get_absolute_url()),
        "startDate": _iso(event.start),
        "endDate": _iso(event.end),
        "eventStatus": f"{SCHEMA}/{status}",
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": event.location or settings.SITE_NAME},
        "organizer": {
            "@type": "Organization",
            "name": event.body.name,
            "url": absolute(event.body.get_absolute_url()),
        },
        "isAccessibleForFree": True,
    }
    if event.address:
        data["location"]["address"] = event.address
    return {key: value for key, value in data.items() if value is not None}


def article(news: NewsArticle, absolute: Absolute) -> dict:
    data = {
        "@type": "NewsArticle",
        "headline": news.title[:110],  # search engines cut longer headlines
        "description": news.teaser,
        "datePublished": _iso(news.date),
        "dateModified": _iso(news.updated_at),
        "mainEntityOfPage": absolute(news.get_absolute_url()),
        "author": stadtregion(absolute),
        "publisher": stadtregion(absolute),
    }
    # An article needs an image for rich results: its own, else the site's preview image.
    if news.image:
        data["image"] = [absolute(news.image.url)]
    else:
        data["image"] = [_image(absolute, static("img/share.png"), 1200, 630)]
    return data


def project(item: Project, absolute: Absolute) -> dict:
    data = {
        "@type": "Project",
        "name": item.title,
        "description": item.summary,
        "url": absolute(item.get_absolute_url()),
        "parentOrganization": stadtregion(absolute),
        "foundingDate": _iso(item.start_date),
        "areaServed": [
            {"@type": "AdministrativeArea", "name": town.name} for town in item.municipalities.all()
        ],
    }
    if item.location_name or item.has_location:
        data["location"] = _place(item, item.location_name or item.title)
    return {key: value for key, value in data.items() if value not in (None, [])}


def document(item: Document, absolute: Absolute) -> dict:
    data = {
        "@type": "DigitalDocument",
        "name": item.title,
        "description": item.description or item.get_kind_display(),
        "url": absolute(item.get_absolute_url()),
        # contentUrl belongs to a MediaObject, not to a DigitalDocument: the PDF is its encoding.
        "encoding": {
            "@type": "MediaObject",
            "contentUrl": absolute(item.get_download_url()),
            "encodingFormat": "application/pdf",
        },
        "encodingFormat": "application/pdf",
        "inLanguage": "de",
        "datePublished": _iso(item.date),
        "dateModified": _iso(item.updated_at),
        "publisher": stadtregion(absolute),
        "genre": item.get_kind_display(),
    }
    return {key: value for key, value in data.items() if value is not None}


BUILDERS = {
    Document: document,
    Municipality: municipality,
    Meeting: meeting,
    NewsArticle: article,
    Project: project,
}


def describe(obj, absolute: Absolute) -> dict:
    return {"@context": SCHEMA, **BUILDERS[type(obj)](obj, absolute)}
