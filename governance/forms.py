from django import forms
from django.utils.translation import gettext_lazy as _

from projects.models import Project

from .models import Document


class DocumentFilterForm(forms.Form):
    """GET filter of the document list; bad values are shown as form errors, never a 500."""

    art = forms.ChoiceField(
        choices=[("", _("alle Arten")), *Document.Kind.choices],
        required=False,
        label=_("Art"),
    )
    gremium = forms.ChoiceField(required=False, label=_("Gremium"))
    jahr = forms.TypedChoiceField(coerce=int, required=False, label=_("Jahr"), empty_value=None)
    # Set by the "all documents" link of a project page; not a select, as projects keep coming.
    projekt = forms.ModelChoiceField(
        Project.objects.none(),  # published ones, judged per request in __init__
        to_field_name="slug",
        required=False,
        widget=forms.HiddenInput,
        label=_("Projekt"),
    )

    def __init__(self, *args, years=(), bodies=(), **kwargs):
        """``bodies`` are (slug, name) pairs, ``years`` the years with documents."""
        super().__init__(*args, **kwargs)
        self.fields["gremium"].choices = [("", _("alle Gremien")), *bodies]
        self.fields["projekt"].queryset = Project.objects.published()
        self.fields["jahr"].choices = [("", _("alle Jahre"))] + [(y, y) for y in years]

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        if self.cleaned_data["art"]:
            queryset = queryset.filter(kind=self.cleaned_data["art"])
        if self.cleaned_data["gremium"]:
            queryset = queryset.filter(body__slug=self.cleaned_data["gremium"])
        if self.cleaned_data["jahr"]:
            queryset = queryset.filter(date__year=self.cleaned_data["jahr"])
        if self.cleaned_data["projekt"]:
            queryset = queryset.filter(project=self.cleaned_data["projekt"])
        return queryset
