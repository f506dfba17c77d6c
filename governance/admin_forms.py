"""Admin forms: bodies within their seat quotas (Beirat: 3 seats each, 7 for Münster), and
slugs suggested from a title that are made unique instead of refused."""

import datetime

from django import forms
from django.contrib.admin.widgets import AdminTextareaWidget
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import german_slug

from .models import AgendaItem, Document, Meeting, Membership, SeatQuota, validate_quota


class SeatQuotaForm(forms.ModelForm):
    # The database allows 0, but a quota of no seats is a typo, not a rule.
    seats = forms.IntegerField(label=_("Sitze"), min_value=1, max_value=999)

    class Meta:
        model = SeatQuota
        fields = ["municipality", "seats"]


class SeatQuotaInlineFormSet(BaseInlineFormSet):
    """The quotas as submitted; the membership inline of the same page counts against them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # All inline formsets of one admin page share the body instance; this is how the
        # membership formset finds the quotas edited in the same submit.
        self.instance._submitted_seat_quotas = self

    def submitted_quotas(self) -> dict[int, int] | None:
        """Seats per municipality id after this submit, or None while the quota rows are invalid."""
        if not self.is_valid():
            return None
        quotas = {}
        for form in self.forms:
            if self._should_delete_form(form) or not form.cleaned_data:
                continue
            quotas[form.cleaned_data["municipality"].pk] = form.cleaned_data["seats"]
        return quotas


def _check_quotas(body, members: list[Membership], quotas: dict[int, int] | None) -> None:
    """Validates every municipality among the members; raises all violations at once."""
    municipalities = sorted(
        {m.municipality for m in members if m.municipality_id}, key=lambda m: m.name
    )
    errors = []
    for municipality in municipalities:
        try:
            validate_quota(body, municipality, members, quotas=quotas)
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)


class MembershipInlineFormSet(BaseInlineFormSet):
    """Counts the members as submitted (deleted rows excluded) against the body's quotas."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        quota_formset = getattr(self.instance, "_submitted_seat_quotas", None)
        if quota_formset is not None:
            quotas = quota_formset.submitted_quotas()
            if quotas is None:  # the quota rows show their own errors first
                return
        elif self.instance.pk is None:
            quotas = {}  # a new body without a quota inline has no quotas yet
        else:
            quotas = None  # the stored quotas
        _check_quotas(self.instance, [form.instance for form in self._kept_forms()], quotas)

    def _kept_forms(self):
        for form in self.forms:
            if self._should_delete_form(form):
                continue
            if form.instance.pk is None and not form.has_changed():
                continue  # an empty extra row
            yield form


class MembershipAdminForm(forms.ModelForm):
    """A single membership, checked against the other members already stored for the body."""

    class Meta:
        model = Membership
        fields = [
            "person_name",
            "function",
            "role",
            "body",
            "municipality",
            "start_date",
            "end_date",
            "is_demo",
        ]

    def clean(self):
        cleaned_data = super().clean()
        body = cleaned_data.get("body")
        municipality = cleaned_data.get("municipality")
        if body is None or municipality is None:
            return cleaned_data
        candidate = Membership(
            pk=self.instance.pk,
            body=body,
            municipality=municipality,
            start_date=cleaned_data.get("start_date"),
            end_date=cleaned_data.get("end_date"),
        )
        others = body.memberships.filter(municipality=municipality).exclude(pk=self.instance.pk)
        _check_quotas(body, [*others, candidate], quotas=None)
        return cleaned_data


class AgendaItemForm(forms.ModelForm):
    """An agenda item with what the meeting decided; short text areas keep the list scannable."""

    class Meta:
        model = AgendaItem
        fields = [
            "number",
            "order",
            "is_public",
            "title",
            "description",
            "paper",
            "result",
            "votes_yes",
            "votes_no",
            "votes_abstain",
            "resolution_text",
        ]
        widgets = {
            "description": AdminTextareaWidget(attrs={"rows": 2}),
            "resolution_text": AdminTextareaWidget(attrs={"rows": 4}),
        }


class AgendaItemInlineFormSet(BaseInlineFormSet):
    """Every row offers the same Vorlagen: read once for the meeting, not once per row."""

    _paper_choices: list | None = None

    def add_fields(self, form, index):
        super().add_fields(form, index)
        field = form.fields["paper"]
        # Taken from a form, not base_fields: the form applies limit_choices_to (Vorlagen only).
        if self._paper_choices is None:
            self._paper_choices = list(field.choices)
        field.choices = self._paper_choices


class PrepopulatedSlugForm(forms.ModelForm):
    """A slug the admin suggested from the title is made unique instead of refused.

    "Sitzung des Beirats Stadtregion" is a title that comes back every few months; its
    suggested slug then gets the date ("…-2025-03-12") or a number ("…-2"). A slug the editor
    typed differently is theirs and keeps the usual error when it is taken.
    """

    slug_source = "title"
    slug_date_field: str | None = None

    def clean(self):
        cleaned_data = super().clean()
        slug = cleaned_data.get("slug")
        source = cleaned_data.get(self.slug_source)
        if not slug or not source:
            return cleaned_data
        max_length = self._meta.model._meta.get_field("slug").max_length
        if slug != german_slug(source, max_length) or not self._slug_taken(slug):
            return cleaned_data
        day = cleaned_data.get(self.slug_date_field) if self.slug_date_field else None
        if day is not None:
            day = timezone.localtime(day) if isinstance(day, datetime.datetime) else day
            suffixes = [f"-{day:%Y-%m-%d}"]
        else:
            suffixes = []
        suffixes += [f"-{n}" for n in range(2, 1000)]
        for suffix in suffixes:
            candidate = slug[: max_length - len(suffix)].rstrip("-") + suffix
            if not self._slug_taken(candidate):
                cleaned_data["slug"] = candidate
                break
        return cleaned_data

    def _slug_taken(self, slug: str) -> bool:
        others = self._meta.model._default_manager.filter(slug=slug)
        if self.instance.pk is not None:
            others = others.exclude(pk=self.instance.pk)
        return others.exists()


class MeetingAdminForm(PrepopulatedSlugForm):
    slug_date_field = "start"

    class Meta:
        model = Meeting
        fields = [
            "title",
            "slug",
            "body",
            "start",
            "end",
            "cancelled",
            "attendance",
            "location",
            "room",
            "address",
            "step_free_access",
            "directions",
            "minutes_expected",
            "description",
            "is_published",
            "is_demo",
        ]


class DocumentAdminForm(PrepopulatedSlugForm):
    slug_date_field = "date"

    class Meta:
        model = Document
        fields = [
            "title",
            "slug",
            "kind",
            "date",
            "description",
            "file",
            "body",
            "meeting",
            "project",
            "field_of_action",
            "is_published",
            "is_demo",
        ]


class MeetingDocumentForm(DocumentAdminForm):
    """A document in the meeting's inline: its Gremium is always the meeting's (Document.save)."""

    def clean(self):
        cleaned_data = super().clean()
        # The inline has no body field; a body stored earlier must not contradict the meeting.
        self.instance.body = None
        return cleaned_data
