"""LEAFLET_CONFIG with another tile server, as a municipality would set MAP_TILE_URL."""

from django.conf import settings


def leaflet_config(url: str, attribution: str | None = None) -> dict:
    """A copy of the current LEAFLET_CONFIG whose tiles come from url (for override_settings)."""
    name, _url, options = settings.LEAFLET_CONFIG["TILES"][0]
    if attribution is not None:
        options = {**options, "attribution": attribution}
    return {**settings.LEAFLET_CONFIG, "TILES": [(name, url, options)]}
