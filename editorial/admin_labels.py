"""Accessible names for admin inputs that Django leaves without one (WCAG 1.3.1, 4.1.2).

Django's admin puts the date and the time input of a date-time field under one label that is
tied to neither, and its tabular inlines name their columns in headers that no input refers to.
"""

from django import forms
from django.contrib.admin import options
from django.db import models
from django.forms.utils import pretty_name
from django.utils.translation import gettext as _


class LabelledSplitDateTimeField(forms.SplitDateTimeField):
    """Each input is named by the field and its part: "Veröffentlichen ab: Datum"."""

    def get_bound_field(self, form, field_name):
        # At rendering time, not in __init__: a form may rename its fields after that.
        label = self.label or pretty_name(field_name)
        for widget, part in zip(self.widget.widgets, (_("Datum"), _("Uhrzeit")), strict=True):
            widget.attrs["aria-label"] = f"{label}: {part}"
        return super().get_bound_field(form, field_name)


def label_split_datetimes() -> None:
    """Every admin's date-time fields use the field above (called once, at start)."""
    options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.DateTimeField] = {
        **options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.DateTimeField],
        "form_class": LabelledSplitDateTimeField,
    }


class _DeletionLabelledFormSet:
    """The "Löschen?" checkbox of each row names the row it deletes."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            row = form.instance
            label = _("„%s“ löschen") % row if row.pk is not None else _("Löschen")
            form.fields["DELETE"].widget.attrs["aria-label"] = label


class ColumnLabelsInlineMixin:
    """For tabular inlines: each input is named by its column ("Name", "E-Mail")."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (_DeletionLabelledFormSet, formset), {})

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        # A date-time pair names its two inputs itself (above).
        if formfield is not None and not isinstance(formfield.widget, forms.MultiWidget):
            formfield.widget.attrs.setdefault("aria-label", str(formfield.label))
        return formfield
