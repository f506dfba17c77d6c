"""The admin's side of previews (editorial.preview): "Vorschau" and "Vorschaulink erstellen" on the
change form of every content type with a public page and a publication state."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import preview
from .object_step import object_step_context
from .pending import PendingVersionMixin

# ?ausstehend=1 on the preview (and on a change form): the pending version.
PENDING_PARAM = "ausstehend"


class PreviewAdminMixin:
    def _preview_urlname(self, view: str) -> str:
        return f"{self.opts.app_label}_{self.opts.model_name}_{view}"

    def get_urls(self):
        urls = super().get_urls()
        if not preview.is_previewable(self.model):
            return urls
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/vorschau/",
                wrap(self.preview_view),
                name=self._preview_urlname("preview"),
            ),
            path(
                "<path:object_id>/vorschaulink/",
                wrap(self.preview_link_view),
                name=self._preview_urlname("preview_link"),
            ),
            *urls,
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if preview.is_previewable(self.model):
            name = self.admin_site.name
            args = [object_id]
            extra_context = {
                "preview_url": reverse(f"{name}:{self._preview_urlname('preview')}", args=args),
                "preview_link_url": reverse(
                    f"{name}:{self._preview_urlname('preview_link')}", args=args
                ),
                **(extra_context or {}),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def _preview_object(self, request, object_id, *, change: bool = False):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("Diesen Eintrag gibt es nicht."))
        allowed = self.has_change_permission if change else self.has_view_permission
        if not allowed(request, obj):
            raise PermissionDenied
        return obj

    def _change_url(self, obj) -> str:
        return reverse(f"{self.admin_site.name}:{self._preview_urlname('change')}", args=[obj.pk])

    def _has_pending(self, obj) -> bool:
        return isinstance(obj, PendingVersionMixin) and obj.pending_version is not None

    def preview_view(self, request, object_id):
        """GET: the stored object (or its pending version); POST: the change form as typed,
        not saved (the form's "Vorschau" button opens it in a new tab)."""
        if request.method == "POST":
            return self._unsaved_preview(request, object_id)
        obj = self._preview_object(request, object_id)
        pending = request.GET.get(PENDING_PARAM) == "1" and self._has_pending(obj)
        edit_url = self._change_url(obj)
        return preview.render_preview(
            request, preview.Preview(obj, pending=pending, edit_url=edit_url)
        )

    def _unsaved_preview(self, request, object_id):
        obj = self._preview_object(request, object_id, change=True)
        # Uploads stay out: a preview stores no file.
        form = self.get_form(request, obj, change=True)(request.POST, instance=obj)
        if not form.is_valid():
            context = {
                **self.admin_site.each_context(request),
                "title": _("Vorschau nicht möglich: %s") % obj,
                "opts": self.opts,
                "original": obj,
                "form": form,
            }
            return TemplateResponse(
                request, "admin/editorial/preview_errors.html", context, status=400
            )
        return preview.render_preview(request, preview.Preview(obj, unsaved=True), form.save)

    def preview_link_view(self, request, object_id):
        """GET explains; POST creates a link (shown once, with its expiry) or revokes them all."""
        obj = self._preview_object(request, object_id, change=request.method == "POST")
        link = expires = None
        if request.method == "POST" and "_revoke" in request.POST:
            preview.revoke(request.user, obj)
            self.message_user(
                request,
                _("Alle bisher erstellten Vorschaulinks für „%s“ sind nun ungültig.") % obj,
                messages.SUCCESS,
            )
            return HttpResponseRedirect(self._change_url(obj))
        if request.method == "POST":
            # "0" is the published version's choice; any other value (a ticked box) the pending.
            pending = request.POST.get("_pending", "0") != "0" and self._has_pending(obj)
            link, expires = preview.issue_link(request, obj, pending=pending)
            self.log_change(
                request,
                obj,
                _("Vorschaulink erstellt, gültig bis %s")
                % date_format(expires, "SHORT_DATETIME_FORMAT"),
            )
        context = object_step_context(
            self,
            request,
            obj,
            _("Vorschaulink: %s") % obj,
            link=link,
            expires=expires,
            days=preview.max_age() // 86400,
            has_pending=self._has_pending(obj),
            can_change=self.has_change_permission(request, obj),
        )
        return TemplateResponse(request, "admin/preview_link.html", context)
