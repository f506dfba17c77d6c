from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MapsConfig(AppConfig):
    """The region map: geo helpers, the map page, the GeoJSON and the frames that draw maps after
    consent."""

    name = "maps"
    verbose_name = _("Karten")
    content = False  # no models editors edit (see the content apps)
