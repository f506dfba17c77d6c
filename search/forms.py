from django import forms
from django.utils.translation import gettext_lazy as _

from .sources import SOURCES

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    """The GET form of /suche/. A field with a bad value is reported and ignored, the search
    itself still runs; an overlong query is cut to MAX_QUERY_LENGTH characters."""

    q = forms.CharField(
        label=_("Suchbegriff"),
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH, "enterkeyhint": "search"}
        ),
    )
    typ = forms.ChoiceField(
        label=_("Art"),
        required=False,
        choices=[("", _("alle Arten")), *((s.key, s.label) for s in SOURCES)],
    )
    sortierung = forms.ChoiceField(
        label=_("Sortierung"),
        required=False,
        choices=[("relevanz", _("nach Relevanz")), ("datum", _("nach Datum, neueste zuerst"))],
    )

    truncated = False

    def clean_q(self):
        text = self.cleaned_data["q"]
        if len(text) > MAX_QUERY_LENGTH:
            self.truncated = True
            text = text[:MAX_QUERY_LENGTH].strip()
        return text

    @property
    def query(self) -> str:
        return self.cleaned_data.get("q", "") if self.is_bound else ""

    @property
    def kind(self) -> str:
        return self.cleaned_data.get("typ", "") if self.is_bound else ""

    @property
    def order(self) -> str:
        return (self.cleaned_data.get("sortierung") if self.is_bound else "") or "relevanz"
