from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    """The image library: pictures editors place in Markdown texts, each with its alt text."""

    name = "images"
    verbose_name = _("Bildbibliothek")
