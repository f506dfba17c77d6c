from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from editorial.admin import PUBLISH_ACTIONS, EditorialAdmin, GermanHistoryMixin

from .models import AccessibilityFeedback, SignLanguageVideo


@admin.register(AccessibilityFeedback)
class AccessibilityFeedbackAdmin(GermanHistoryMixin, SimpleHistoryAdmin):
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
