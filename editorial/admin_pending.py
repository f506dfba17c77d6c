"""The admin's side of pending versions (editorial.pending).

On a published page or news article, saving never publishes: "Sichern" (and Enter), a change of
address and restoring an old version all keep a draft of the change, and the form then shows
that draft, so a second save continues it. Publishing is its own step: a page that lists what
goes live, side by side with what is live now, and a button that says so.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .compare import rows
from .links import linking_warning
from .object_step import object_step_context
from .pending import PendingVersion, snapshot
from .versions import FIELD as VERSION_FIELD
from .versions import version_token


def _keeps_draft(request) -> bool:
    return getattr(request, "_keeps_draft", False)


def _is_restore(request) -> bool:
    return getattr(request, "_restoring", False)


class PendingVersionAdminMixin:
    # Pages and news: every save of a live object keeps a draft. Projects keep one only where
    # the change needs approval (editorial.admin_review).
    drafts_of_live_content = True

    def _pending_urlname(self, view: str) -> str:
        return f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_{view}"

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/ausstehend/veroeffentlichen/",
                wrap(self.publish_pending_view),
                name=f"{prefix}_publish_pending",
            ),
            path(
                "<path:object_id>/ausstehend/verwerfen/",
                wrap(self.discard_pending_view),
                name=f"{prefix}_discard_pending",
            ),
            *super().get_urls(),
        ]

    # The changelist marks objects with a pending change (one EXISTS per list, no query per row).
    def get_queryset(self, request):
        pending = PendingVersion.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), object_id=OuterRef("pk")
        )
        return super().get_queryset(request).annotate(has_pending_change=Exists(pending))

    def get_list_display(self, request):
        return [*super().get_list_display(request), "pending_change_column"]

    @admin.display(description=_("Ausstehende Änderung"), boolean=True)
    def pending_change_column(self, obj):
        return obj.has_pending_change

    def keeps_draft(self, request, obj) -> bool:
        """Saves of this object (as stored) go into its pending version."""
        if obj is None:
            return False
        return obj.pending_version is not None or (self.drafts_of_live_content and obj.is_live)

    def draft_saved_message(self, request, obj) -> str:
        return (
            _(
                "Die Änderung an „%s“ ist als ausstehende Änderung gespeichert. Die "
                "Öffentlichkeit sieht weiter die veröffentlichte Fassung, bis Sie „Änderung "
                "veröffentlichen“ wählen."
            )
            % obj
        )

    def pending_published(self, request, obj) -> None:
        """Called after the pending version of ``obj`` went live."""

    def pending_discarded(self, request, obj) -> None:
        """Called after the pending version of ``obj`` was discarded."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        context = {}
        if obj is not None:
            request._keeps_draft = request.method == "POST" and self.keeps_draft(request, obj)
            context = {
                "pending_version": obj.pending_version,
                "keeps_draft": self.keeps_draft(request, obj),
                "publish_pending_url": reverse(
                    self._pending_urlname("publish_pending"), args=[obj.pk]
                ),
                "discard_pending_url": reverse(
                    self._pending_urlname("discard_pending"), args=[obj.pk]
                ),
            }
        return super().change_view(
            request, object_id, form_url, {**context, **(extra_context or {})}
        )

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # A restore of a published object becomes its draft as well.
        obj = self.get_object(request, unquote(object_id))
        request._restoring = True
        request._restored_from = (
            self.model.history.filter(history_id=version_id)
            .values_list("history_date", flat=True)
            .first()
        )
        request._keeps_draft = request.method == "POST" and self.keeps_draft(request, obj)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        pending = obj.pending_version if obj is not None and not _is_restore(request) else None
        if pending is None:
            return form
        pending_initial = pending.initial(obj)

        class PendingForm(form):
            def __init__(self, *args, **kwargs):
                kwargs["initial"] = {**pending_initial, **(kwargs.get("initial") or {})}
                super().__init__(*args, **kwargs)

        return PendingForm

    # The usual save path, but the values go into the pending version, not into the object.
    def save_form(self, request, form, change):
        obj = super().save_form(request, form, change)
        if change and _keeps_draft(request):
            form.save_m2m = lambda: None  # relations wait in the draft too (restores call this)
        return obj

    def save_model(self, request, obj, form, change):
        if change and _keeps_draft(request):
            PendingVersion.store(form, request.user)
        else:
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if not (change and _keeps_draft(request)):
            super().save_related(request, form, formsets, change)

    def log_change(self, request, obj, message):
        if _keeps_draft(request) and _is_restore(request):
            when = date_format(localtime(request._restored_from), "j. F Y, H:i")
            message = _("Fassung vom %s Uhr als ausstehende Änderung übernommen") % when
        elif _keeps_draft(request):
            message = _("Ausstehende Änderung gespeichert")
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if not _keeps_draft(request):
            return super().response_change(request, obj)
        self.message_user(request, self.draft_saved_message(request, obj), messages.SUCCESS)
        if "_continue" in request.POST or _is_restore(request):
            return HttpResponseRedirect(reverse(self._pending_urlname("change"), args=[obj.pk]))
        return HttpResponseRedirect(reverse(self._pending_urlname("changelist")))

    def _pending_object(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or obj.pending_version is None:
            raise Http404(_("Hier gibt es keine ausstehende Änderung."))
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _back_to_form(self, obj):
        return HttpResponseRedirect(reverse(self._pending_urlname("change"), args=[obj.pk]))

    def publish_pending_view(self, request, object_id):
        """GET: what goes live, beside what is live now; POST: publishes exactly that."""
        obj = self._pending_object(request, object_id)
        pending = obj.pending_version
        if request.method == "POST":
            if request.POST.get(VERSION_FIELD) != version_token(obj):
                self.message_user(
                    request,
                    _(
                        "Entwurf oder veröffentlichte Fassung wurden inzwischen geändert. Bitte "
                        "prüfen Sie unten erneut, was veröffentlicht wird."
                    ),
                    messages.ERROR,
                )
                return HttpResponseRedirect(request.path)
            try:
                pending.publish(obj)
            except ValidationError as exc:
                self.message_user(
                    request,
                    _("Die ausstehende Änderung kann so nicht veröffentlicht werden: %s")
                    % " ".join(exc.messages),
                    messages.ERROR,
                )
                return self._back_to_form(obj)
            self.log_change(request, obj, _("Ausstehende Änderung veröffentlicht"))
            self.pending_published(request, obj)
            self.message_user(
                request, _("Die ausstehende Änderung ist jetzt veröffentlicht."), messages.SUCCESS
            )
            return self._back_to_form(obj)
        changed = [field.name for field in pending.changed_fields(obj)]
        context = object_step_context(
            self,
            request,
            obj,
            _("Änderung veröffentlichen: %s") % obj,
            pending_version=pending,
            rows=rows(type(obj), changed, snapshot(obj, changed), pending.data),
            conflicts=[capfirst(str(f.verbose_name)) for f in pending.conflicts(obj)],
            base_version=version_token(obj),
            # Withdrawn by this publication: the texts that link here would lead nowhere.
            linking_warning=(
                linking_warning([obj]) if pending.data.get("is_published") is False else ""
            ),
        )
        return TemplateResponse(request, "admin/editorial/publish_pending.html", context)

    @method_decorator(require_POST)
    def discard_pending_view(self, request, object_id):
        obj = self._pending_object(request, object_id)
        obj.pending_version.delete()
        self.log_change(request, obj, _("Ausstehende Änderung verworfen"))
        self.pending_discarded(request, obj)
        self.message_user(request, _("Die ausstehende Änderung ist verworfen."), messages.SUCCESS)
        return self._back_to_form(obj)
