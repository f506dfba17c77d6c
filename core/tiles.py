"""What every map of ours shares, read from settings.LEAFLET_CONFIG (the settings).

LEAFLET_CONFIG uses django-leaflet's format: TILES is a list of (name, URL template, Leaflet
tile-layer options), and our maps draw the first. django-leaflet copies LEAFLET_CONFIG once at
import; these functions read it on every call, so a changed setting reaches every map at once.
"""

from django.conf import settings


def tile_url() -> str:
    """The tile server's URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png."""
    return settings.LEAFLET_CONFIG["TILES"][0][1]


def map_options() -> dict:
    """The start of a Leaflet map as its script reads it: tiles, centre and zoom."""
    config = settings.LEAFLET_CONFIG
    _name, url, options = config["TILES"][0]
    return {
        "tileUrl": url,
        "tileOptions": {**options, "maxZoom": config["MAX_ZOOM"]},
        "center": list(config["DEFAULT_CENTER"]),
        "zoom": config["DEFAULT_ZOOM"],
        "minZoom": config["MIN_ZOOM"],
        "maxZoom": config["MAX_ZOOM"],
    }
