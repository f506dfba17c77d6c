from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    """The stadtregionales Berichtswesen: indicators, their values per town and year, reports."""

    name = "figures"
    verbose_name = _("Zahlen und Berichte")
    # Editors edit its models: the Redaktion's permissions and the admin follow from this.
    content = True
