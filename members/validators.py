"""Upload validators shared by every app that accepts files from office staff."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _


@deconstructible
class MaxFileSizeValidator:
    """Rejects files above a limit given in megabytes by a setting, so operators can tune it."""

    def __init__(self, setting_name: str):
        self.setting_name = setting_name

    def __call__(self, file):
        limit = getattr(settings, self.setting_name) * 1024 * 1024
        if file.size > limit:
            raise ValidationError(
                _("Die Datei ist %(size)s groß; erlaubt sind höchstens %(limit)s."),
                code="file_too_large",
                params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            )

    def __eq__(self, other):
        return isinstance(other, MaxFileSizeValidator) and other.setting_name == self.setting_name


def validate_pdf(file):
    """Checks the content, not the name: a PDF starts with %PDF- within its first kilobyte."""
    file.seek(0)
    head = file.read(1024)
    file.seek(0)
    if b"%PDF-" not in head:
        raise ValidationError(
            _("Die Datei ist kein PDF-Dokument. Bitte laden Sie eine PDF-Datei hoch."),
            code="not_pdf",
        )
