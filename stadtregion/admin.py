from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from members.admin_base import PUBLISH_ACTIONS, TIMESTAMPS_FIELDSET, EditorialAdmin

from .models import AccessibilityFeedback, Page, SignLanguageVideo


@admin.register(Page)
class PageAdmin(EditorialAdmin):
    list_display = ["title", "address", "menu", "order", "is_published"]
    list_editable = ["order"]
    list_filter = ["menu", "is_published"]
    search_fields = ["title", "slug", "intro", "body"]
    actions = PUBLISH_ACTIONS
    fieldsets = [
        (_("Seite"), {"fields": ["title", "slug", "intro", "body"]}),
        (_("Video"), {"fields": ["video_url"]}),
        (_("Navigation"), {"fields": ["menu", "order"]}),
        (_("Veröffentlichung"), {"fields": ["is_published"]}),
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
        return (*fields, "slug", "is_published") if obj and obj.is_legal else fields

    def get_prepopulated_fields(self, request, obj=None):
        # Not the prepopulated_fields attribute: simple_history's restore form reads that one
        # directly and would look for the read-only slug in its form.
        return {} if obj and obj.is_legal else {"slug": ["title"]}


@admin.register(AccessibilityFeedback)
class AccessibilityFeedbackAdmin(SimpleHistoryAdmin):
    list_display = ["created_at", "short_message", "page_url", "status"]
    list_filter = ["status", "created_at"]
    search_fields = ["message", "page_url", "name", "email"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "page_url", "message", "name", "email"]
    fields = ["created_at", "page_url", "message", "name", "email", "status", "staff_note"]

    @admin.display(description=_("Nachricht"))
    def short_message(self, obj):
        return obj.message[:80]

    def has_add_permission(self, request):
        # Reports come from visitors through the public form only.
        return False


@admin.register(SignLanguageVideo)
class SignLanguageVideoAdmin(EditorialAdmin):
    list_display = ["title", "topic", "duration", "size", "is_published", "order"]
    list_filter = ["topic", "is_published"]
    search_fields = ["title", "description", "transcript"]
    list_editable = ["order"]
    actions = PUBLISH_ACTIONS

    @admin.display(description=_("Größe"))
    def size(self, obj):
        return filesizeformat(obj.file_size) if obj.file_size is not None else "–"
