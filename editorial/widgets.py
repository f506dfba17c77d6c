"""A map picker for latitude/longitude in the admin, without GeoDjango.

django-leaflet's own admin widget imports django.contrib.gis, which needs GDAL (docs/architecture.md, "No GDAL"); this
one uses only the Leaflet that django-leaflet ships as static files. The two number fields stay
the source of truth: the map sets them, and typing in them moves the marker.
"""

import json

from django import forms
from django.utils.html import format_html

from core.tiles import map_options

LATITUDE, LONGITUDE = "latitude", "longitude"
LOCATED_ZOOM = 14


class MapPickerWidget(forms.NumberInput):
    """The longitude input followed by a map; clicking or dragging sets both coordinates."""

    class Media:
        css = {"all": ["leaflet/leaflet.css", "editorial/admin-map-picker.css"]}
        js = ["leaflet/leaflet.js", "editorial/admin-map-picker.js"]

    def __init__(self, attrs=None):
        # The class keeps the input at its own height beside the map (admin-map-picker.css).
        super().__init__({"class": "admin-map-picker-input", **(attrs or {})})

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        longitude_id = (attrs or {}).get("id") or f"id_{name}"
        options = {**map_options(), "locatedZoom": LOCATED_ZOOM}
        return html + format_html(
            '<div class="admin-map-picker" data-map-picker data-latitude-input="{}" '
            'data-longitude-input="{}" data-map="{}">'
            '<p class="help">Klicken Sie in die Karte oder ziehen Sie die Markierung, um '
            "Breiten- und Längengrad zu setzen. Sie können die Zahlen auch eintippen.</p>"
            '<div class="admin-map-picker-map" role="region" '
            'aria-label="Karte zum Setzen der Lage"></div></div>',
            longitude_id.replace(LONGITUDE, LATITUDE),
            longitude_id,
            json.dumps(options),
        )


class MapPickerAdminMixin:
    """For admins of GeoPointModel subclasses: the map picker under the longitude field."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == LONGITUDE:
            kwargs["widget"] = MapPickerWidget()
        return super().formfield_for_dbfield(db_field, request, **kwargs)
