from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from editorial.admin import (
    PUBLICATION_FIELDSET,
    PUBLISH_ACTIONS,
    TIMESTAMPS_FIELDSET,
    EditorialAdmin,
)
from editorial.admin_pending import PendingVersionAdminMixin
from editorial.admin_review import ReviewAdminMixin
from editorial.widgets import MapPickerAdminMixin
from members.editors import TownEditorAdminMixin
from members.models import ContactPerson

from .models import FieldOfAction, Project, WorkingGroup


@admin.register(FieldOfAction)
class FieldOfActionAdmin(EditorialAdmin):
    list_display = ["name", "summary", "order"]
    list_editable = ["order"]
    search_fields = ["name", "summary", "description"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (_("Handlungsfeld"), {"fields": ["name", "slug", "summary", "order"]}),
        (_("Inhalt"), {"fields": ["description", "goals"]}),
        TIMESTAMPS_FIELDSET,
    ]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(EditorialAdmin):
    list_display = ["name", "kind", "field_of_action", "is_published", "is_demo"]
    list_filter = ["kind", "field_of_action", "municipalities", "is_published", "is_demo"]
    search_fields = ["name", "summary", "description"]
    list_select_related = ["field_of_action"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["municipalities", "contacts"]
    actions = PUBLISH_ACTIONS
    fieldsets = [
        (
            _("Arbeitsgruppe"),
            {"fields": ["name", "slug", "kind", "field_of_action", "summary", "description"]},
        ),
        (_("Beteiligte"), {"fields": ["municipalities", "contacts"]}),
        PUBLICATION_FIELDSET,
        TIMESTAMPS_FIELDSET,
    ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "contacts":
            # A contact's label names the municipality: one query instead of one per contact.
            kwargs["queryset"] = ContactPerson.objects.select_related("municipality")
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Project)
class ProjectAdmin(
    TownEditorAdminMixin,
    ReviewAdminMixin,
    PendingVersionAdminMixin,
    MapPickerAdminMixin,
    EditorialAdmin,
):
    town_lookup = "municipalities"
    # Saved directly, unless the change needs approval (a town editor on a region-wide project).
    drafts_of_live_content = False
    change_form_template = "admin/pages/change_form.html"
    # Which towns take part is the Redaktion's call: a town editor neither removes their own town
    # (locking the others' editors out) nor puts the project on another town's page.
    town_editor_readonly_fields = ("municipalities",)
    list_display = [
        "title",
        "field_of_action",
        "working_group",
        "status",
        "start_date",
        "end_date",
        "is_published",
        "is_demo",
    ]
    list_filter = ["status", "field_of_action", "is_published", "is_demo", "municipalities"]
    search_fields = ["title", "summary", "description", "location_name"]
    list_select_related = ["field_of_action", "working_group"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["municipalities"]
    actions = PUBLISH_ACTIONS
    fieldsets = [
        (
            _("Projekt"),
            {
                "fields": [
                    "title",
                    "slug",
                    "field_of_action",
                    "working_group",
                    "status",
                    "summary",
                    "description",
                ]
            },
        ),
        (_("Zeitraum"), {"fields": ["start_date", "end_date"]}),
        (_("Beteiligte Kommunen"), {"fields": ["municipalities"]}),
        (_("Links und Video"), {"fields": ["website", "video_url"]}),
        (_("Lage"), {"fields": ["location_name", "latitude", "longitude"]}),
        PUBLICATION_FIELDSET,
        TIMESTAMPS_FIELDSET,
    ]
