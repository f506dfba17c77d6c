"""Admin building blocks shared by the apps' admins (members is the lowest layer, so all may
import them).

Every content admin derives from SimpleHistoryAdmin: its "Änderungshistorie" lists each saved
version with the editor (recorded by HistoryRequestMiddleware) and can restore one.
"""

from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

TIMESTAMP_FIELDS = ("created_at", "updated_at")
TIMESTAMPS_FIELDSET = (
    _("Bearbeitungsstand"),
    {"classes": ["collapse"], "fields": TIMESTAMP_FIELDS},
)
PUBLICATION_FIELDSET = (_("Veröffentlichung"), {"fields": ("is_published", "is_demo")})


class EditorialAdmin(SimpleHistoryAdmin):
    """Base admin for content edited by the Redaktion (models with created_at/updated_at)."""

    readonly_fields = TIMESTAMP_FIELDS
    list_per_page = 50
    # Editors type "www.example.de"; every member site is served over HTTPS.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    class Media:
        # Listed after urlify.js so that the merged media keep this order.
        js = ["admin/js/urlify.js", "core/admin-slug-de.js"]


def _set_published(modeladmin, request, queryset, value: bool) -> int:
    changed = 0
    # One save per object instead of queryset.update(): only saves reach the history.
    for obj in queryset.exclude(is_published=value):
        obj.is_published = value
        obj.save()
        modeladmin.log_change(request, obj, [{"changed": {"fields": ["veröffentlicht"]}}])
        changed += 1
    return changed


@admin.action(description=_("Ausgewählte veröffentlichen"), permissions=["change"])
def publish(modeladmin, request, queryset):
    count = _set_published(modeladmin, request, queryset, True)
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d Eintrag wurde veröffentlicht.",
            "%(count)d Einträge wurden veröffentlicht.",
            count,
        )
        % {"count": count},
        messages.SUCCESS,
    )


@admin.action(
    description=_("Ausgewählte zurückziehen (nicht mehr anzeigen)"), permissions=["change"]
)
def unpublish(modeladmin, request, queryset):
    count = _set_published(modeladmin, request, queryset, False)
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d Eintrag wurde zurückgezogen.",
            "%(count)d Einträge wurden zurückgezogen.",
            count,
        )
        % {"count": count},
        messages.SUCCESS,
    )


PUBLISH_ACTIONS = (publish, unpublish)
