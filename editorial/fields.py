"""The type of the text fields editors write in Markdown: the admin gives them the editor
(toolbar, preview, image check), the image library finds its images in them, and templates
render them with |markdown (editorial_tags)."""

from functools import cache

from django.apps import apps
from django.db import models
from simple_history.models import HistoricalChanges


class MarkdownField(models.TextField):
    def deconstruct(self):
        # Migrations see a plain TextField: the type changes the admin and the checks, not the
        # column, and no migration of a content app depends on this app for it.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs


@cache
def markdown_fields() -> tuple[tuple[type, MarkdownField], ...]:
    """Every (model, field) of this type; history tables copy the field but are no texts of
    their own."""
    return tuple(
        (model, field)
        for model in apps.get_models()
        if not issubclass(model, HistoricalChanges)
        for field in model._meta.fields
        if isinstance(field, MarkdownField)
    )
