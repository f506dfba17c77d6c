"""Open forms: who has which object's change form open ("Wird gerade von … bearbeitet"), and
the typing not yet saved, kept on the server at short intervals so that a crash or a closed tab
loses nothing; the form offers it back the next time.

Rows in the database rather than cache keys: they hold across app servers and need no Redis.
The page's script (static/editorial/edit-guard.js) reports every HEARTBEAT seconds; a form not
reported for STALE_AFTER seconds counts as closed. Its saved typing includes the version the
form started from (editorial.versions), so restoring old typing can never silently overwrite a
colleague's newer save.
"""

import datetime

from django.conf import settings
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

HEARTBEAT = 20
STALE_AFTER = 3 * HEARTBEAT
NEW_OBJECT = 0  # object_id of an add form's session


class EditSession(models.Model):
    # A heartbeat every few seconds while a form is open: never a reason to render pages anew.
    changes_public_pages = False

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    seen_at = models.DateTimeField(_("zuletzt gesehen"), default=timezone.now)
    # The form's fields as posted ({name: [values]}); empty when nothing unsaved.
    data = models.JSONField(_("nicht gespeicherte Eingaben"), default=dict, blank=True)
    typed_at = models.DateTimeField(_("zwischengespeichert am"), null=True, blank=True)

    class Meta:
        verbose_name = _("geöffnetes Formular")
        verbose_name_plural = _("geöffnete Formulare")
        default_permissions = ()  # written by the forms themselves, never edited
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="editorial_one_session"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.content_type} {self.object_id}"


def _key(model, object_id) -> dict:
    return {
        "content_type": ContentType.objects.get_for_model(model),
        "object_id": object_id or NEW_OBJECT,
    }


def others_editing(model, object_id, user) -> list[str]:
    """Names of the other people who have this object's form open right now."""
    if not object_id:
        return []
    since = timezone.now() - datetime.timedelta(seconds=STALE_AFTER)
    sessions = (
        EditSession.objects.filter(**_key(model, object_id), seen_at__gte=since)
        .exclude(user=user)
        .select_related("user")
        .order_by("seen_at")
    )
    return [s.user.get_full_name() or s.user.get_username() for s in sessions]


def report(model, object_id, user, typed: dict | None = None) -> None:
    """The form is open (and, with ``typed``, these are its unsaved fields)."""
    defaults = {"seen_at": timezone.now()}
    if typed is not None:
        defaults.update(data=typed, typed_at=timezone.now())
    EditSession.objects.update_or_create(user=user, **_key(model, object_id), defaults=defaults)


def forget_typing(model, object_id, user) -> None:
    EditSession.objects.filter(user=user, **_key(model, object_id)).update(data={}, typed_at=None)


def unsaved_typing(model, object_id, user) -> EditSession | None:
    return (
        EditSession.objects.filter(user=user, **_key(model, object_id), typed_at__isnull=False)
        .exclude(data={})
        .first()
    )


class EditSessionAdminMixin:
    """For EditorialAdmin: the session endpoint, the notice and the offer on the forms."""

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_edit_session"
        wrap = self.admin_site.admin_view
        return [
            path("<path:object_id>/sitzung/", wrap(self.edit_session_view), name=name),
            *super().get_urls(),
        ]

    def _session_url(self, object_id) -> str:
        name = f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_edit_session"
        return reverse(name, args=[object_id or "add"])

    @method_decorator(require_POST)
    def edit_session_view(self, request, object_id):
        """The page's heartbeat: ``_typed`` carries unsaved fields, ``_discard`` drops them."""
        if object_id == "add":
            if not self.has_add_permission(request):
                raise PermissionDenied
            pk = NEW_OBJECT
        else:
            obj = self.get_object(request, unquote(object_id))
            if obj is None:
                raise Http404
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
            pk = obj.pk
        if "_discard" in request.POST:
            forget_typing(self.model, pk, request.user)
        typed = None
        if "_typed" in request.POST:
            skip = {"csrfmiddlewaretoken", "_typed", "_discard"}
            typed = {k: v for k, v in request.POST.lists() if k not in skip}
        report(self.model, pk, request.user, typed)
        return JsonResponse({"others": others_editing(self.model, pk, request.user)})

    def _session_context(self, request, object_id) -> dict:
        pk = None
        if object_id:
            obj = self.get_object(request, unquote(object_id))
            pk = obj.pk if obj is not None else None
            if pk is None:
                return {}
        if request.method == "GET":
            report(self.model, pk, request.user)
        return {
            "edit_session_url": self._session_url(pk),
            "edit_session_heartbeat": HEARTBEAT,
            "edit_session_others": others_editing(self.model, pk, request.user),
            "unsaved_typing": unsaved_typing(self.model, pk, request.user),
        }

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        context = {**self._session_context(request, object_id), **(extra_context or {})}
        return super().changeform_view(request, object_id, form_url, context)

    def log_addition(self, request, obj, message):
        forget_typing(self.model, NEW_OBJECT, request.user)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        forget_typing(self.model, obj.pk, request.user)
        return super().log_change(request, obj, message)
