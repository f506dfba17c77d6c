from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from editorial.admin import (
    PUBLICATION_FIELDS,
    PUBLICATION_FIELDSET,
    PUBLISH_ACTIONS,
    SCHEDULE_FIELDSET,
    TIMESTAMPS_FIELDSET,
    EditorialAdmin,
)
from editorial.admin_pending import PendingVersionAdminMixin
from editorial.admin_review import ReviewAdminMixin
from editorial.save_as_new import SaveAsNewAdminMixin
from members.editors import TownEditorAdminMixin, is_town_editor, scope

from .models import NewsArticle, Page


@admin.register(Page)
class PageAdmin(ReviewAdminMixin, PendingVersionAdminMixin, EditorialAdmin):
    list_display = ["title", "address", "menu", "order", "is_published"]
    list_editable = ["order"]
    list_filter = ["menu", "is_published"]
    search_fields = ["title", "slug", "intro", "body"]
    actions = PUBLISH_ACTIONS
    fieldsets = [
        (_("Seite"), {"fields": ["title", "slug", "intro", "body"]}),
        (_("Video"), {"fields": ["video_url"]}),
        (_("Navigation"), {"fields": ["menu", "order"]}),
        SCHEDULE_FIELDSET,
        TIMESTAMPS_FIELDSET,
    ]

    @admin.display(description=_("Adresse"), ordering="slug")
    def address(self, obj):
        return f"/{obj.slug}/"

    # Legal pages (Page.is_legal) stay where banner and footer link to them. The per-object
    # delete permission also stops the "delete selected" action.
    def has_delete_permission(self, request, obj=None):
        return not (obj and obj.is_legal) and super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        # Their address and their publication stay as banner and footer expect them.
        return (*fields, "slug", *PUBLICATION_FIELDS) if obj and obj.is_legal else fields

    def get_prepopulated_fields(self, request, obj=None):
        # Not the prepopulated_fields attribute: simple_history's restore form reads that one
        # directly and would look for the read-only slug in its form.
        return {} if obj and obj.is_legal else {"slug": ["title"]}


@admin.register(NewsArticle)
class NewsArticleAdmin(
    SaveAsNewAdminMixin,
    TownEditorAdminMixin,
    ReviewAdminMixin,
    PendingVersionAdminMixin,
    EditorialAdmin,
):
    # Town editors write news of their own towns.
    town_lookup = "municipalities"
    list_display = ["title", "date", "is_published", "is_demo"]
    list_filter = ["is_published", "is_demo", "municipalities", "fields_of_action"]
    search_fields = ["title", "slug", "teaser", "text"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["municipalities", "fields_of_action", "projects"]
    actions = PUBLISH_ACTIONS
    fieldsets = [
        (_("Meldung"), {"fields": ["title", "slug", "date", "teaser", "text"]}),
        (_("Bild"), {"fields": ["image", "image_alt"]}),
        (_("Bezüge"), {"fields": ["municipalities", "fields_of_action", "projects"]}),
        PUBLICATION_FIELDSET,
        TIMESTAMPS_FIELDSET,
    ]

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if obj is not None and is_town_editor(request):
            # As with projects: the towns of an article stay as they are (see members.editors).
            fields = [*fields, "municipalities"]
        return fields

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "municipalities" and formfield and is_town_editor(request):
            # A town editor's new article belongs to one of their towns.
            formfield.queryset = formfield.queryset.filter(pk__in=scope(request).town_ids)
            formfield.required = True
        return formfield
