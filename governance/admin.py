from django.contrib import admin
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.admin import (
    PUBLICATION_FIELDSET,
    PUBLISH_ACTIONS,
    TIMESTAMPS_FIELDSET,
    EditorialAdmin,
)
from editorial.admin_labels import ColumnLabelsInlineMixin
from editorial.save_as_new import SaveAsNewAdminMixin

from .admin_forms import (
    AgendaItemForm,
    AgendaItemInlineFormSet,
    DocumentAdminForm,
    MeetingAdminForm,
    MeetingDocumentForm,
    MembershipAdminForm,
    MembershipInlineFormSet,
    SeatQuotaForm,
    SeatQuotaInlineFormSet,
)
from .models import AgendaItem, Body, Document, Meeting, Membership, SeatQuota, TimelineEvent


class MunicipalityColumnMixin:
    """Rows only pick one of the members: no add/change/delete/view icons next to the select."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "municipality":
            widget = formfield.widget
            widget.can_add_related = widget.can_change_related = False
            widget.can_delete_related = widget.can_view_related = False
        return formfield


class SeatQuotaInline(MunicipalityColumnMixin, ColumnLabelsInlineMixin, admin.TabularInline):
    model = SeatQuota
    form = SeatQuotaForm
    formset = SeatQuotaInlineFormSet
    extra = 0


class MembershipInline(MunicipalityColumnMixin, ColumnLabelsInlineMixin, admin.TabularInline):
    model = Membership
    formset = MembershipInlineFormSet
    fields = [
        "person_name",
        "function",
        "role",
        "municipality",
        "start_date",
        "end_date",
        "is_demo",
    ]
    extra = 1
    show_change_link = True


@admin.register(Body)
class BodyAdmin(EditorialAdmin):
    list_display = ["name", "kind", "current_members", "order"]
    list_editable = ["order"]
    list_filter = ["kind"]
    search_fields = ["name", "summary", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SeatQuotaInline, MembershipInline]
    fieldsets = [
        (_("Gremium"), {"fields": ["name", "slug", "kind", "summary", "order"]}),
        (_("Beschreibung"), {"fields": ["description"]}),
        TIMESTAMPS_FIELDSET,
    ]

    def get_queryset(self, request):
        current = (
            Membership.objects.current()
            .filter(body=OuterRef("pk"))
            .order_by()
            .values("body")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                current_member_count=Coalesce(Subquery(current), 0, output_field=IntegerField())
            )
        )

    @admin.display(description=_("aktuelle Mitglieder"), ordering="current_member_count")
    def current_members(self, obj):
        return obj.current_member_count


class MembershipStatusFilter(admin.SimpleListFilter):
    title = _("Stand")
    parameter_name = "stand"

    def lookups(self, request, model_admin):
        return [("aktuell", _("aktuelle Mitglieder")), ("ehemalig", _("ehemalige Mitglieder"))]

    def queryset(self, request, queryset):
        if self.value() == "aktuell":
            return queryset.current()
        if self.value() == "ehemalig":
            return queryset.former()
        return queryset


@admin.register(Membership)
class MembershipAdmin(EditorialAdmin):
    form = MembershipAdminForm
    list_display = [
        "person_name",
        "body",
        "role",
        "municipality",
        "start_date",
        "end_date",
        "is_current",
        "is_demo",
    ]
    list_filter = [MembershipStatusFilter, "body", "role", "municipality", "is_demo"]
    search_fields = ["person_name", "function", "body__name", "municipality__name"]
    list_select_related = ["body", "municipality"]
    fieldsets = [
        (_("Person"), {"fields": ["person_name", "function", "role"]}),
        (_("Gremium und Kommune"), {"fields": ["body", "municipality"]}),
        (_("Zeitraum"), {"fields": ["start_date", "end_date"]}),
        (_("Anzeige"), {"fields": ["is_demo"]}),
        TIMESTAMPS_FIELDSET,
    ]

    @admin.display(description=_("aktuell"), boolean=True)
    def is_current(self, obj):
        return obj.is_current()

    def view_on_site(self, obj):
        return obj.body.get_absolute_url()


AGENDA_ITEM_FIELDSETS = [
    (None, {"fields": [("number", "order", "is_public"), "title", "description", "paper"]}),
    (
        _("Beschluss"),
        {
            "fields": ["result", ("votes_yes", "votes_no", "votes_abstain"), "resolution_text"],
            "description": _(
                "Nach der Sitzung ausfüllen. Stimmen bitte alle drei angeben (auch 0) oder keine."
            ),
        },
    ),
]


class AgendaItemInline(admin.StackedInline):
    """Stacked: with result, votes and decision text a row would not fit a 1280 px screen."""

    model = AgendaItem
    form = AgendaItemForm
    formset = AgendaItemInlineFormSet
    fieldsets = AGENDA_ITEM_FIELDSETS
    extra = 1


class DocumentInline(admin.StackedInline):
    model = Document
    form = MeetingDocumentForm
    fk_name = "meeting"
    fields = ["title", "slug", "kind", "date", "file", "description", "is_published", "is_demo"]
    prepopulated_fields = {"slug": ["title"]}
    extra = 0
    show_change_link = True


class MeetingTimeFilter(admin.SimpleListFilter):
    title = _("Zeitraum")
    parameter_name = "zeitraum"

    def lookups(self, request, model_admin):
        return [("kommende", _("kommende")), ("vergangene", _("vergangene"))]

    def queryset(self, request, queryset):
        if self.value() == "kommende":
            return queryset.upcoming()
        if self.value() == "vergangene":
            return queryset.past()
        return queryset


@admin.register(Meeting)
class MeetingAdmin(SaveAsNewAdminMixin, EditorialAdmin):
    form = MeetingAdminForm
    # "Als neu speichern": the next meeting of a body takes over the agenda, not the papers and
    # minutes of this one, and its items are not yet decided.
    save_as_new_skips = (Document,)
    save_as_new_resets = {
        AgendaItem: {
            "result": "",
            "resolution_text": "",
            "votes_yes": None,
            "votes_no": None,
            "votes_abstain": None,
        }
    }
    list_display = ["title", "body", "start", "location", "cancelled", "is_published", "is_demo"]
    list_filter = [MeetingTimeFilter, "body", "is_published", "cancelled", "is_demo"]
    search_fields = ["title", "location", "address", "room", "description", "body__name"]
    list_select_related = ["body"]
    date_hierarchy = "start"
    prepopulated_fields = {"slug": ["title"]}
    actions = PUBLISH_ACTIONS
    inlines = [AgendaItemInline, DocumentInline]
    fieldsets = [
        (
            _("Sitzung/Termin"),
            {"fields": ["title", "slug", "body", "start", "end", "cancelled", "attendance"]},
        ),
        (
            _("Ort"),
            {"fields": ["location", "room", "address", "step_free_access", "directions"]},
        ),
        (_("Niederschrift"), {"fields": ["minutes_expected"]}),
        (_("Beschreibung"), {"fields": ["description"]}),
        PUBLICATION_FIELDSET,
        TIMESTAMPS_FIELDSET,
    ]


@admin.register(AgendaItem)
class AgendaItemAdmin(EditorialAdmin):
    readonly_fields = ()  # no timestamps on agenda items
    form = AgendaItemForm
    list_display = ["number", "title", "meeting", "result", "is_public"]
    list_filter = ["is_public", "result", "meeting__body"]
    search_fields = ["title", "description", "resolution_text", "meeting__title"]
    list_select_related = ["meeting"]
    autocomplete_fields = ["meeting"]
    fieldsets = [(None, {"fields": ["meeting"]}), *AGENDA_ITEM_FIELDSETS]

    def view_on_site(self, obj):
        return obj.meeting.get_absolute_url()


@admin.register(Document)
class DocumentAdmin(EditorialAdmin):
    form = DocumentAdminForm
    list_display = [
        "title",
        "kind",
        "date",
        "body",
        "meeting",
        "project",
        "is_published",
        "is_demo",
    ]
    list_filter = ["kind", "is_published", "is_demo", "body", "field_of_action"]
    # The PDF's words too, as the site search finds them.
    search_fields = ["title", "description", "text_content"]
    list_select_related = ["body", "meeting", "project"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["meeting", "project"]
    actions = PUBLISH_ACTIONS
    fieldsets = [
        (_("Dokument"), {"fields": ["title", "slug", "kind", "date", "description"]}),
        (_("Datei"), {"fields": ["file"]}),
        (_("Zuordnung"), {"fields": ["body", "meeting", "project", "field_of_action"]}),
        PUBLICATION_FIELDSET,
        TIMESTAMPS_FIELDSET,
    ]


@admin.register(TimelineEvent)
class TimelineEventAdmin(EditorialAdmin):
    list_display = ["date", "precision", "title"]
    list_filter = ["precision"]
    search_fields = ["title", "description"]
    date_hierarchy = "date"
    fieldsets = [
        (_("Eintrag"), {"fields": ["date", "precision", "title", "description", "link"]}),
        TIMESTAMPS_FIELDSET,
    ]

    def view_on_site(self, obj):
        return reverse("governance:timeline")
