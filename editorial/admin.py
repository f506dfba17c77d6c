"""Admin building blocks shared by the apps' admins (core is the lowest layer, so all may
import them).

Every content admin derives from SimpleHistoryAdmin: its "Änderungshistorie" lists each saved
version with the editor (recorded by HistoryRequestMiddleware) and can restore one.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core.models import PublicationStatus, live_q

from .admin_preview import PreviewAdminMixin
from .edit_sessions import EditSessionAdminMixin
from .history import GermanHistoryContextHelper
from .history_entries import inline_changes, one_entry_per_save, restore_reason, write_entry
from .links import linking_warning
from .markdown_admin import MarkdownEditorAdminMixin
from .versions import VersionCheckAdminMixin

TIMESTAMP_FIELDS = ("created_at", "updated_at")
TIMESTAMPS_FIELDSET = (
    _("Bearbeitungsstand"),
    {"classes": ["collapse"], "fields": TIMESTAMP_FIELDS},
)
PUBLICATION_FIELDS = ("is_published", "publish_from", "visible_until")
SCHEDULE_FIELDSET = (_("Veröffentlichung"), {"fields": PUBLICATION_FIELDS})
PUBLICATION_FIELDSET = (_("Veröffentlichung"), {"fields": (*PUBLICATION_FIELDS, "is_demo")})

# The "Beispielinhalt" badge marks invented content. The rule, applied to every form an
# editorial admin saves (its own form, its inlines' rows and its changelist's editable rows):
# - the editor sees the checkbox wherever demo content is edited and may clear or set it;
# - a saved demo object whose content the editor changed loses the badge by itself: replacing
#   an invented contact's name or e-mail makes it a real one, and the public page must not go
#   on calling the real person invented;
# - changing the checkbox in the same save is the editor's explicit choice and wins; so does
#   a save that changes only fields that say nothing about the content (below). To keep an
#   edited object marked, check the box again and save once more.
DEMO_NEUTRAL_FIELDS = frozenset({"is_demo", "is_public", "order", *PUBLICATION_FIELDS})
DEMO_HELP_TEXT = _(
    "Erfundener Inhalt zu Vorführzwecken; wird öffentlich so gekennzeichnet. Wer den Inhalt "
    "ändert, entfernt die Kennzeichnung damit automatisch."
)


def clear_demo_badge_if_edited(form) -> None:
    """Applies the demo-badge rule above to ``form.instance`` before it is saved."""
    instance = form.instance
    if instance._state.adding or not getattr(instance, "is_demo", False):
        return
    if "is_demo" in form.changed_data:
        return
    if set(form.changed_data) - DEMO_NEUTRAL_FIELDS:
        instance.is_demo = False


class DemoBadgeFieldMixin:
    """For admins and inlines: the "Beispielinhalt" checkbox explains the rule above."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "is_demo" and formfield is not None:
            formfield.help_text = DEMO_HELP_TEXT
        return formfield


class GermanHistoryMixin:
    """For every SimpleHistoryAdmin: the history and its old versions read as German
    (core/history.py formats the changes, templates/simple_history/ words the pages)."""

    def get_historical_record_context_helper(self, request, historical_record):
        # German labels and values, long texts as a diff (core/history.py).
        return GermanHistoryContextHelper(self.model, historical_record)

    def history_view_title(self, request, obj):
        return _("Änderungshistorie: %s") % obj

    def history_form_view_title(self, request, obj):
        return _("Frühere Fassung: %s") % obj

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history passes the historical model's options as `opts`, so the page would
        # name the "historical <model>"; the model's own read as German.
        extra_context = {"opts": self.model._meta, **(extra_context or {})}
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, extra_context)
        request._restored_from = (
            self.model.history.filter(history_id=version_id)
            .values_list("history_date", flat=True)
            .first()
        )
        with one_entry_per_save(self.model):
            return super().history_form_view(request, object_id, version_id, extra_context)

    # One entry per save (editorial.history_entries), whichever way the admin saves.
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        with one_entry_per_save(self.model):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        if request.method != "POST":
            return super().changelist_view(request, extra_context)
        with one_entry_per_save(self.model):
            return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change):
        restored_from = getattr(request, "_restored_from", None)
        if restored_from is not None:
            obj._change_reason = restore_reason(restored_from)
        super().save_model(request, obj, form, change)

    def log_change(self, request, obj, message):
        restored_from = getattr(request, "_restored_from", None)
        if restored_from is not None and isinstance(message, list):  # the admin's own message
            message = restore_reason(restored_from)
        return super().log_change(request, obj, message)


WITHDRAWN = "withdrawn"  # an unpublished object that was public once: not a draft


def was_published(model) -> Exists:
    """Annotation: whether a history entry of the row shows it published (one subquery)."""
    pk_name = model._meta.pk.attname
    return Exists(model.history.filter(**{pk_name: OuterRef("pk")}, is_published=True))


class PublicationStatusFilter(admin.SimpleListFilter):
    """Entwurf, geplant, öffentlich or abgelaufen: the schedule read against the clock."""

    title = _("Veröffentlichungsstatus")
    parameter_name = "veroeffentlichung"

    def lookups(self, request, model_admin):
        choices = PublicationStatus.choices
        return [*choices[:1], (WITHDRAWN, _("zurückgezogen")), *choices[1:]]

    def queryset(self, request, queryset):
        now = timezone.now()
        live = live_q(now=now)
        filters = {
            PublicationStatus.DRAFT: Q(is_published=False, was_published=False),
            WITHDRAWN: Q(is_published=False, was_published=True),
            PublicationStatus.SCHEDULED: Q(is_published=True, publish_from__gt=now),
            PublicationStatus.LIVE: live,
            PublicationStatus.EXPIRED: Q(is_published=True, visible_until__lte=now),
        }
        return queryset.filter(filters[self.value()]) if self.value() in filters else queryset


class PublicationStatusMixin:
    """For admins of scheduled content: the "veröffentlicht" column and filter become the
    status against the clock, since a checked box alone no longer says what visitors see."""

    def _is_scheduled(self) -> bool:
        return any(field.name == "publish_from" for field in self.model._meta.fields)

    def get_list_display(self, request):
        list_display = list(super().get_list_display(request))
        if self._is_scheduled():
            list_display = [
                "publication_status_column" if name == "is_published" else name
                for name in list_display
            ]
        return list_display

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self._is_scheduled() and hasattr(self.model, "history"):
            queryset = queryset.annotate(was_published=was_published(self.model))
        return queryset

    def get_list_filter(self, request):
        list_filter = list(super().get_list_filter(request))
        if self._is_scheduled():
            list_filter = [
                PublicationStatusFilter if name == "is_published" else name for name in list_filter
            ]
        return list_filter

    @admin.display(description=_("Status"), ordering="is_published")
    def publication_status_column(self, obj):
        status = obj.publication_status
        if status == PublicationStatus.SCHEDULED:
            return _("geplant ab %s") % date_format(
                timezone.localtime(obj.publish_from), "SHORT_DATETIME_FORMAT"
            )
        if status == PublicationStatus.DRAFT and getattr(obj, "was_published", False):
            return _("zurückgezogen")
        if status == PublicationStatus.LIVE and obj.visible_until:
            return _("öffentlich bis %s") % date_format(
                timezone.localtime(obj.visible_until), "SHORT_DATETIME_FORMAT"
            )
        return status.label


class OnSiteLinkColumnMixin:
    """For admins of models with a public page: each changelist row links to that page.

    The URL comes from ``get_absolute_url`` (a reverse() on the row's own slug, no query), so
    the column costs no query per row. Drafts answer visitors with a 404, staff see them.
    """

    def get_list_display(self, request):
        list_display = list(super().get_list_display(request))
        if hasattr(self.model, "get_absolute_url") and "on_site_link" not in list_display:
            list_display.append("on_site_link")
        return list_display

    @admin.display(description=_("Website"))
    def on_site_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>', obj.get_absolute_url(), _("Auf der Website ansehen")
        )


class ReadOnlyNoticeMixin:
    """A change form the user may only view says why ("Nur lesbar: …") instead of just
    lacking its save buttons."""

    def readonly_reason(self, request, obj) -> str:
        if self.has_change_permission(request):  # may change objects of this kind, not this one
            return _("Nur lesbar: Diesen Eintrag dürfen Sie nicht ändern.")
        return _(
            "Nur lesbar: Ihr Benutzerkonto darf %(kind)s ansehen, aber nicht ändern. Wenden Sie "
            "sich an die Geschäftsstelle, wenn Sie Änderungsrechte brauchen."
        ) % {"kind": self.opts.verbose_name_plural}

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        context = dict(extra_context or {})
        if obj is not None and not self.has_change_permission(request, obj):
            context["readonly_reason"] = self.readonly_reason(request, obj)
        return super().change_view(request, object_id, form_url, context)


class EditorialAdmin(
    ReadOnlyNoticeMixin,
    VersionCheckAdminMixin,
    EditSessionAdminMixin,
    PreviewAdminMixin,
    MarkdownEditorAdminMixin,
    PublicationStatusMixin,
    OnSiteLinkColumnMixin,
    DemoBadgeFieldMixin,
    GermanHistoryMixin,
    SimpleHistoryAdmin,
):
    """Base admin for content edited by the Redaktion (models with created_at/updated_at)."""

    readonly_fields = TIMESTAMP_FIELDS
    list_per_page = 50
    # Editors type "www.example.de"; every member site is served over HTTPS.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    class Media:
        # Listed after urlify.js so that the merged media keep this order.
        js = ["admin/js/urlify.js", "editorial/admin-slug-de.js", "editorial/edit-guard.js"]
        # Narrower inputs in tabular inlines, so their rows fit a 1280 px screen.
        css = {"all": ["editorial/admin-inlines.css"]}

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, object_id) if request.method == "GET" else None
        warning = linking_warning([obj]) if obj is not None else ""
        return super().delete_view(
            request, object_id, {"linking_warning": warning, **(extra_context or {})}
        )

    def save_form(self, request, form, change):
        # Also called for the rows of list_editable and when a version is restored.
        if change:
            clear_demo_badge_if_edited(form)
        return super().save_form(request, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            if inline_form.has_changed():
                clear_demo_badge_if_edited(inline_form)
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A save that changes only relations or inline rows (towns of an article, contacts of
        # a municipality) changes the page too; its own fields kept updated_at (ChangedAtField).
        if not change or not hasattr(form.instance, "updated_at"):
            return
        inlines = inline_changes(formsets)
        m2m = {field.name for field in self.model._meta.many_to_many}
        if inlines:  # named in the object's own history entry
            write_entry(form.instance, inlines)
        elif m2m & set(form.changed_data):
            self.model._default_manager.filter(pk=form.instance.pk).update(
                updated_at=timezone.now()
            )


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
    warning = linking_warning(queryset.filter(is_published=True))
    count = _set_published(modeladmin, request, queryset, False)
    if warning:
        modeladmin.message_user(request, warning, messages.WARNING)
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
