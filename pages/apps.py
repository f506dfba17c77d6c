from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Pages office staff edit (Impressum, Datenschutz, Leichte Sprache, ...) and the menus they
    appear in."""

    name = "pages"
    verbose_name = _("Seiten und Meldungen")
    # Editors edit its models: the Redaktion's permissions and the admin follow from this.
    content = True
