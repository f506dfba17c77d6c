from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UploadsConfig(AppConfig):
    """The files office staff upload: the upload field, the checks of name and content, the
    media view that serves a file only for an object the visitor may see, and PDF text."""

    name = "uploads"
    verbose_name = _("Dateien")
    content = False  # no models editors edit (see the content apps)
