from django import forms
from django.utils.translation import gettext_lazy as _

from members.models import Municipality

from .models import FieldOfAction, Project, WorkingGroup


class ProjectFilterForm(forms.Form):
    """GET filter of the project list; unknown values become form errors, never a 500."""

    handlungsfeld = forms.ModelChoiceField(
        FieldOfAction.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Handlungsfeld"),
        empty_label=_("alle Handlungsfelder"),
    )
    kommune = forms.ModelChoiceField(
        Municipality.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Kommune"),
        empty_label=_("alle Kommunen"),
    )
    status = forms.ChoiceField(
        choices=[("", _("alle")), *Project.Status.choices],
        required=False,
        label=_("Status"),
    )
    # Set by the "all projects" link of a working group's page; not a select, like a rare filter.
    arbeitsgruppe = forms.ModelChoiceField(
        WorkingGroup.objects.none(),  # published ones, judged per request in __init__
        to_field_name="slug",
        required=False,
        widget=forms.HiddenInput,
        label=_("Arbeitsgruppe"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["arbeitsgruppe"].queryset = WorkingGroup.objects.published()

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["handlungsfeld"]:
            queryset = queryset.filter(field_of_action=data["handlungsfeld"])
        if data["kommune"]:
            queryset = queryset.filter(municipalities=data["kommune"])
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["arbeitsgruppe"]:
            queryset = queryset.filter(working_group=data["arbeitsgruppe"])
        return queryset
