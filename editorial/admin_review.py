"""The admin's side of the review workflow (editorial.review), for admins with pending versions.

Whoever needs approval for an object keeps drafts of every change to it, even of a scheduled
one, and cannot publish, withdraw or delete it themselves, by form, bulk action or restore: a
new object of theirs stays a draft. They submit it ("Zur Freigabe einreichen"); a reviewer
approves it (which publishes exactly the draft) or returns it with a comment. Both sides are
told by e-mail.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin

from .admin import GermanHistoryMixin
from .compare import rows
from .object_step import object_step_context
from .pending import snapshot
from .review import ReviewRequest, ReviewSettings, approval_required, mail_author, mail_reviewers
from .versions import FIELD as VERSION_FIELD
from .versions import version_token

PUBLICATION_FIELDS = ("is_published", "publish_from", "visible_until")
MAX_TEXT = 4000


class ReviewAdminMixin:
    """Before PendingVersionAdminMixin in an admin's bases."""

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/freigabe/einreichen/",
                wrap(self.submit_review_view),
                name=f"{prefix}_submit_review",
            ),
            path("<path:object_id>/freigabe/", wrap(self.review_view), name=f"{prefix}_review"),
            *super().get_urls(),
        ]

    def keeps_draft(self, request, obj) -> bool:
        return super().keeps_draft(request, obj) or (
            obj is not None and obj.is_published and approval_required(request, obj)
        )

    def draft_saved_message(self, request, obj) -> str:
        if not approval_required(request, obj):
            return super().draft_saved_message(request, obj)
        return (
            _(
                "Die Änderung an „%s“ ist als Entwurf gespeichert. Sie geht online, sobald die "
                "Geschäftsstelle sie freigibt: Bitte reichen Sie sie zur Freigabe ein."
            )
            % obj
        )

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if (obj is None or not obj.is_published) and approval_required(request, obj):
            # A draft of theirs goes online through approval only.
            fields += [name for name in PUBLICATION_FIELDS if name not in fields]
        return fields

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_published and approval_required(request, obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if request.user.is_superuser:
            return actions
        return {
            name: (self._without_approval_only(func), name, description)
            for name, (func, name, description) in actions.items()
        }

    def _without_approval_only(self, func):
        @wraps(func)
        def action(modeladmin, request, queryset):
            needing = [obj for obj in queryset if approval_required(request, obj)]
            if needing:
                names = ", ".join(f"„{obj}“" for obj in needing)
                modeladmin.message_user(
                    request,
                    _(
                        "Nichts geändert: %s braucht eine Freigabe. Bitte den Eintrag öffnen, "
                        "die Änderung als Entwurf speichern und zur Freigabe einreichen."
                    )
                    % names,
                    messages.ERROR,
                )
                return None
            return func(modeladmin, request, queryset)

        return action

    # The change form: the review panel above it.
    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        context = {}
        if obj is not None:
            reviews = list(ReviewRequest.objects.for_object(obj)[:1])
            latest = reviews[0] if reviews else None
            required = approval_required(request, obj)
            context = {
                "approval_required": required,
                "latest_review": latest,
                "may_decide": not required and self.has_change_permission(request, obj),
                "may_submit": self._reviewable(obj) and self.has_change_permission(request, obj),
                "submit_review_url": reverse(self._pending_urlname("submit_review"), args=[obj.pk]),
                "review_url": reverse(self._pending_urlname("review"), args=[obj.pk]),
            }
        return super().change_view(
            request, object_id, form_url, {**context, **(extra_context or {})}
        )

    @staticmethod
    def _reviewable(obj) -> bool:
        """A pending change, or a draft of new content."""
        return obj.pending_version is not None or not obj.is_published

    def publish_pending_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and approval_required(request, obj):
            self.message_user(
                request,
                _("Diese Änderung braucht eine Freigabe: Bitte reichen Sie sie zur Freigabe ein."),
                messages.ERROR,
            )
            return self._back_to_form(obj)
        return super().publish_pending_view(request, object_id)

    def pending_published(self, request, obj):
        super().pending_published(request, obj)
        self._close_open_review(request, obj, ReviewRequest.State.APPROVED)

    def pending_discarded(self, request, obj):
        super().pending_discarded(request, obj)
        self._close_open_review(request, obj, ReviewRequest.State.WITHDRAWN)

    def _close_open_review(self, request, obj, state, comment=""):
        review = ReviewRequest.objects.for_object(obj).open().first()
        if review is None:
            return None
        review.decide(request.user, state, comment)
        if state != ReviewRequest.State.WITHDRAWN:
            mail_author(review, reverse(self._pending_urlname("change"), args=[obj.pk]))
        return review

    def _editable_object(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("Diesen Eintrag gibt es nicht."))
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        return obj

    @method_decorator(require_POST)
    def submit_review_view(self, request, object_id):
        obj = self._editable_object(request, object_id)
        if not self._reviewable(obj):
            self.message_user(
                request,
                _("Hier gibt es nichts freizugeben: Speichern Sie zuerst einen Entwurf."),
                messages.ERROR,
            )
        elif ReviewRequest.objects.for_object(obj).open().exists():
            self.message_user(request, _("Dies wartet bereits auf Freigabe."), messages.INFO)
        else:
            review = ReviewRequest.objects.create(
                content_object=obj,
                requested_by=request.user,
                message=request.POST.get("message", "").strip()[:MAX_TEXT],
            )
            self.log_change(request, obj, _("Zur Freigabe eingereicht"))
            mail_reviewers(review, reverse(self._pending_urlname("review"), args=[obj.pk]))
            self.message_user(
                request,
                _(
                    "„%s“ ist zur Freigabe eingereicht. Die Prüfenden sind per E-Mail "
                    "benachrichtigt; Sie erfahren ihre Entscheidung ebenso."
                )
                % obj,
                messages.SUCCESS,
            )
        return self._back_to_form(obj)

    def review_view(self, request, object_id):
        """GET: what the request would publish; POST: approve it or return it with a comment."""
        obj = self._editable_object(request, object_id)
        if approval_required(request, obj):
            raise PermissionDenied
        review = ReviewRequest.objects.for_object(obj).open().first()
        if review is None:
            raise Http404(_("Hier wartet nichts auf Freigabe."))
        error = ""
        if request.method == "POST":
            comment = request.POST.get("comment", "").strip()[:MAX_TEXT]
            if request.POST.get(VERSION_FIELD) != version_token(obj):
                error = _(
                    "Der Eintrag wurde inzwischen geändert. Bitte prüfen Sie unten erneut, was "
                    "veröffentlicht wird."
                )
            elif "_approve" in request.POST:
                error = self._approve(request, obj, review, comment)
                if not error:
                    return self._back_to_form(obj)
            elif "_return" in request.POST:
                if not comment:
                    error = _("Bitte schreiben Sie einen Kommentar: Was soll geändert werden?")
                else:
                    self._close_open_review(request, obj, ReviewRequest.State.RETURNED, comment)
                    self.log_change(
                        request, obj, _("Mit Kommentar zurückgegeben: %s") % comment[:150]
                    )
                    self.message_user(
                        request, _("Zurückgegeben; die Autorin oder der Autor ist benachrichtigt.")
                    )
                    return self._back_to_form(obj)
        return self._render_review(request, obj, review, error)

    def _approve(self, request, obj, review, comment) -> str:
        """Publishes what the request is about; a German error message if that fails."""
        pending = obj.pending_version
        try:
            if pending is not None:
                pending.publish(obj)
            else:
                obj.is_published = True
                obj.full_clean()
                obj._change_reason = _("Freigegeben")
                obj.save()
        except ValidationError as exc:
            return _("So kann es nicht veröffentlicht werden: %s") % " ".join(exc.messages)
        self._close_open_review(request, obj, ReviewRequest.State.APPROVED, comment)
        self.log_change(request, obj, _("Freigegeben und veröffentlicht"))
        self.message_user(request, _("Freigegeben und veröffentlicht."), messages.SUCCESS)
        return ""

    def _render_review(self, request, obj, review, error):
        pending = obj.pending_version
        if pending is not None:
            changed = [field.name for field in pending.changed_fields(obj)]
            compared = rows(type(obj), changed, snapshot(obj, changed), pending.data)
        else:
            names = [f.name for f in obj._meta.concrete_fields if f.editable and not f.primary_key]
            values = snapshot(obj, names)
            compared = rows(type(obj), names, values, values)
        context = object_step_context(
            self,
            request,
            obj,
            _("Freigabe: %s") % obj,
            review=review,
            is_new=pending is None,
            rows=compared,
            error=error,
            comment=request.POST.get("comment", ""),
            base_version=version_token(obj),
        )
        return TemplateResponse(request, "admin/editorial/review.html", context)


class ReviewSettingsAdmin(GermanHistoryMixin, SimpleHistoryAdmin):
    """The one row of ReviewSettings, for superusers."""

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    list_display = ["__str__", "town_editors_need_approval", "editors_need_approval"]

    def changelist_view(self, request, extra_context=None):
        ReviewSettings.load()  # the list always shows the one row
        return super().changelist_view(request, extra_context)
