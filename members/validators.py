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
        try:
            size = file.size
        except OSError:
            raise _missing_file_error() from None
        if size > limit:
            raise ValidationError(
                _("Die Datei ist %(size)s groß; erlaubt sind höchstens %(limit)s."),
                code="file_too_large",
                params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
            )

    def __eq__(self, other):
        return isinstance(other, MaxFileSizeValidator) and other.setting_name == self.setting_name


def validate_pdf(file):
    """Checks the content, not the name: a PDF starts with %PDF- within its first kilobyte."""
    if b"%PDF-" not in _head(file, 1024):
        raise ValidationError(
            _("Die Datei ist kein PDF-Dokument. Bitte laden Sie eine PDF-Datei hoch."),
            code="not_pdf",
        )


def _head(file, size: int) -> bytes:
    try:
        file.seek(0)
        head = file.read(size)
        file.seek(0)
    except OSError:
        raise _missing_file_error() from None
    return head


def _missing_file_error() -> ValidationError:
    # A stored file that went missing on disk: ask for a new upload instead of failing.
    return ValidationError(
        _("Die gespeicherte Datei ist nicht mehr vorhanden. Bitte laden Sie sie erneut hoch."),
        code="file_missing",
    )


def validate_video_file(file):
    """MP4 carries an 'ftyp' box at byte 4; WebM starts with the EBML magic number."""
    head = _head(file, 12)
    if head[4:8] != b"ftyp" and not head.startswith(b"\x1a\x45\xdf\xa3"):
        raise ValidationError(
            _("Die Datei ist kein Video im Format MP4 oder WebM."), code="not_video"
        )


def validate_webvtt(file):
    head = _head(file, 16).lstrip(b"\xef\xbb\xbf")
    if not head.startswith(b"WEBVTT"):
        raise ValidationError(
            _("Die Untertiteldatei ist keine WebVTT-Datei (sie muss mit „WEBVTT“ beginnen)."),
            code="not_webvtt",
        )


def stored_size(field_file) -> int | None:
    """Size of an uploaded file in bytes, or None when it is missing on disk (shown as unknown)."""
    try:
        return field_file.size
    except (OSError, ValueError):
        return None
