"""The one model field for files that office staff upload.

An UploadField checks name and content (uploads.formats), enforces the kind's size limit, and
stores the file under a random name in its own folder, with the extension of the format it
found. Files are served only by uploads.media, which finds their object first.
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.text import clean_line

from .formats import KINDS, check_upload, detect_format, missing_file_error

ORIGINAL_NAME_LENGTH = 255

# Stored names look like "dokumente/3f2a….pdf": no client-chosen part survives.
NAME_PATTERN = r"[a-z]+/[0-9a-f]{32}\.[a-z0-9]{2,4}"


class UploadFieldFile(FieldFile):
    @property
    def display_name(self) -> str:
        """The name the file had when it was uploaded, where the model keeps it; else ours."""
        kept = self.field.original_name_field
        return (kept and getattr(self.instance, kept, "")) or self.name

    def save(self, name, content, save=True):
        # The name the client sent is dropped here, whatever path led to save(): admin, seed or
        # ORM. Content that is none of the kind's formats is never written.
        found = detect_format(self.field.kind, content)
        if found is None:
            raise ValidationError(
                _("Die Datei ist %(label)s."),
                code="content",
                params={"label": KINDS[self.field.kind].label},
            )
        if self.field.original_name_field:  # shown to staff, never part of a path
            original = clean_line(PurePath(str(name)).name)[:ORIGINAL_NAME_LENGTH]
            setattr(self.instance, self.field.original_name_field, original)
        name = f"{self.field.directory}/{uuid.uuid4().hex}.{found}"
        super().save(name, content, save)


class UploadAdminWidget(AdminFileWidget):
    template_name = "uploads/file_input.html"


class UploadField(models.FileField):
    attr_class = UploadFieldFile

    def __init__(self, *args, kind: str, directory: str, original_name_field=None, **kwargs):
        if kind not in KINDS:
            raise ValueError(f"Unknown upload kind {kind!r}")
        self.kind = kind
        self.directory = directory
        # A CharField of the model that keeps the uploaded file's own name, for display.
        self.original_name_field = original_name_field
        kwargs.setdefault("max_length", 100)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.update(kind=self.kind, directory=self.directory)
        if self.original_name_field:
            kwargs["original_name_field"] = self.original_name_field
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not value:
            return
        if value._committed:
            if not value.storage.exists(value.name):
                raise missing_file_error()
            return
        self._check_size(value.file)
        check_upload(self.kind, value.file, value.name)

    def _check_size(self, file):
        limit = getattr(settings, KINDS[self.kind].max_mb_setting) * 1024 * 1024
        if file.size > limit:
            raise ValidationError(
                _("Die Datei ist %(size)s groß; erlaubt sind höchstens %(limit)s."),
                code="file_too_large",
                params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            )

    def formfield(self, **kwargs):
        spec = KINDS[self.kind]
        extensions = ", ".join(f".{ext}" for ext in spec.extensions)
        pixels = spec.max_megapixels_setting
        rule = format_lazy(
            _("Erlaubt: {extensions}; höchstens {limit} MB und {megapixels} Megapixel.")
            if pixels
            else _("Erlaubt: {extensions}; höchstens {limit} MB."),
            extensions=extensions,
            limit=getattr(settings, spec.max_mb_setting),
            megapixels=getattr(settings, pixels) if pixels else None,
        )
        kwargs.setdefault(
            "help_text", format_lazy("{} {}", self.help_text, rule) if self.help_text else rule
        )
        if kwargs.get("widget") is AdminFileWidget:  # the admin's, showing the uploaded name
            kwargs["widget"] = UploadAdminWidget
        field = super().formfield(**kwargs)
        # The file picker offers only what will be accepted; the limit is known before uploading.
        field.widget.attrs.setdefault("accept", extensions.replace(" ", ""))
        return field


def stored_size(field_file) -> int | None:
    """Size of an uploaded file in bytes, or None when it is missing on disk (shown as unknown)."""
    try:
        return field_file.size
    except (OSError, ValueError):
        return None
