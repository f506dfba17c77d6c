"""The admin's side of pending versions (editorial.pending): on the change form of a published page
or news article, "Als ausstehende Änderung speichern" instead of saving; then preview, edit,
publish or discard the pending version."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .admin_preview import PENDING_PARAM
from .pending import PendingVersion

SAVE_PENDING = "_save_pending"


def _saves_pending(request) -> bool:
    return request.method == "POST" and SAVE_PENDING in request.POST


def _edits_pending(request, obj) -> bool:
    return (
        obj is not None
        and request.GET.get(PENDING_PARAM) == "1"
        and obj.pending_version is not None
    )


class PendingVersionAdminMixin:
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

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        context = {}
        if obj is not None:
            editing = _edits_pending(request, obj)
            context = {
                "pending_version": obj.pending_version,
                "editing_pending": editing,
                "can_save_pending": obj.is_live or obj.pending_version is not None,
                "publish_pending_url": reverse(
                    self._pending_urlname("publish_pending"), args=[obj.pk]
                ),
                "discard_pending_url": reverse(
                    self._pending_urlname("discard_pending"), args=[obj.pk]
                ),
            }
            if editing:
                # Editing the pending version never changes what the public sees.
                context.update(
                    show_save=False, show_save_and_continue=False, show_save_and_add_another=False
                )
        return super().change_view(
            request, object_id, form_url, {**context, **(extra_context or {})}
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if not _edits_pending(request, obj):
            return form
        pending_initial = obj.pending_version.initial(obj)

        class PendingForm(form):
            def __init__(self, *args, **kwargs):
                kwargs["initial"] = {**pending_initial, **(kwargs.get("initial") or {})}
                super().__init__(*args, **kwargs)

        return PendingForm

    # The usual save path, but the values go into the pending version, not into the object.
    def save_model(self, request, obj, form, change):
        if change and _saves_pending(request):
            PendingVersion.store(form, request.user)
        else:
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if not (change and _saves_pending(request)):
            super().save_related(request, form, formsets, change)

    def log_change(self, request, obj, message):
        if _saves_pending(request):
            message = _("Ausstehende Änderung gespeichert")
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if not _saves_pending(request):
            return super().response_change(request, obj)
        self.message_user(
            request,
            _(
                "Die Änderung an „%s“ ist als ausstehende Änderung gespeichert. Die "
                "Öffentlichkeit sieht weiter die veröffentlichte Fassung."
            )
            % obj,
            messages.SUCCESS,
        )
        return HttpResponseRedirect(request.path)

    def _pending_object(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or obj.pending_version is None:
            raise Http404(_("Hier gibt es keine ausstehende Änderung."))
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _back_to_form(self, obj):
        return HttpResponseRedirect(reverse(self._pending_urlname("change"), args=[obj.pk]))

    @method_decorator(require_POST)
    def publish_pending_view(self, request, object_id):
        obj = self._pending_object(request, object_id)
        try:
            obj.pending_version.publish(obj)
        except ValidationError as exc:
            self.message_user(
                request,
                _("Die ausstehende Änderung kann so nicht veröffentlicht werden: %s")
                % " ".join(exc.messages),
                messages.ERROR,
            )
            return self._back_to_form(obj)
        self.log_change(request, obj, _("Ausstehende Änderung veröffentlicht"))
        self.message_user(
            request, _("Die ausstehende Änderung ist jetzt veröffentlicht."), messages.SUCCESS
        )
        return self._back_to_form(obj)

    @method_decorator(require_POST)
    def discard_pending_view(self, request, object_id):
        obj = self._pending_object(request, object_id)
        obj.pending_version.delete()
        self.log_change(request, obj, _("Ausstehende Änderung verworfen"))
        self.message_user(request, _("Die ausstehende Änderung ist verworfen."), messages.SUCCESS)
        return self._back_to_form(obj)
