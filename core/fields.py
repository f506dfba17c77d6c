"""Model fields every app may use."""

from django.db import models

from .forms import GermanIntegerField


class GermanPositiveIntegerField(models.PositiveIntegerField):
    """A large count editors type as they write it, with digit grouping: "12.512"."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": GermanIntegerField, **kwargs})
