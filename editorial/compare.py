"""Two versions of an object side by side, in the words of the history (editorial.history):
what a publication puts live, and what someone else saved while an editor was typing."""

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst

from .history import format_value


@dataclass(frozen=True)
class Row:
    label: str
    left: str
    right: str


def display(field, value) -> str:
    """A stored value (as a pending version keeps it, or as the form or model holds it)."""
    if field.many_to_many:
        if isinstance(value, models.QuerySet) or (value and not isinstance(value[0], int)):
            return format_value(field, list(value))
        related = field.related_model._default_manager.filter(pk__in=value or [])
        return format_value(field, list(related))
    if isinstance(field, models.FileField):
        return format_value(field, getattr(value, "name", value) or "")
    if field.is_relation and value is not None and not isinstance(value, models.Model):
        value = field.related_model._default_manager.filter(pk=value).first()
    elif not field.is_relation:
        value = field.to_python(value)
    return format_value(field, value)


def rows(model, names, left: dict, right: dict) -> list[Row]:
    """Label, left and right value of each field in ``names`` (model fields only)."""
    result = []
    for name in names:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        result.append(
            Row(
                capfirst(str(field.verbose_name)),
                display(field, left.get(name)),
                display(field, right.get(name)),
            )
        )
    return result
