"""Form building blocks for how office staff type: German digit grouping and German slugs."""

import re

from django import forms
from django.utils.text import slugify

_GERMAN_LETTERS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)
# "12.512", "1.234.567" or "12 512": groups of three digits after the first group.
_GROUPED = re.compile(r"^[+-]?\d{1,3}([.\s\u00a0\u202f]\d{3})+$")


def german_slug(text: str, max_length: int | None = None) -> str:
    """The slug the admin's prepopulated field suggests (the admin's German slug script): "muenster"."""
    slug = slugify(text.translate(_GERMAN_LETTERS))
    if max_length is not None:
        slug = slug[:max_length].rstrip("-")
    return slug


class GermanIntegerField(forms.IntegerField):
    """An integer that may be typed with German digit grouping: "12.512" is 12512.

    Django's IntegerField reads "12.000" as 12 (it drops a trailing ".000"), and a number
    input refuses the dot in the browser, so this field uses a text input with a numeric
    keyboard. A dot that does not group thousands ("12.5") stays an error.
    """

    widget = forms.TextInput

    def __init__(self, **kwargs):
        widget = kwargs.get("widget") or forms.NumberInput
        if isinstance(widget, type):
            widget = widget()
        if isinstance(widget, forms.NumberInput):
            # The admin passes its number input; keep its CSS class on a text input.
            kwargs["widget"] = forms.TextInput(attrs={**widget.attrs, "inputmode": "numeric"})
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip()
            if _GROUPED.match(value):
                value = re.sub(r"[.\s\u00a0\u202f]", "", value)
            elif "." in value:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)
