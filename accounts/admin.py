from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device

from members.editors import TOWN_EDITOR_GROUP_NAME
from members.models import MunicipalityEditor

from . import enrolment, mails
from .device_admin import AuthenticatorAppAdmin
from .lockout_admin import GermanAccessAttemptAdmin
from .models import AuthenticatorApp

# Staff get the German-named proxy; django-otp's own admin (English) is never imported.
admin.site.register(AuthenticatorApp, AuthenticatorAppAdmin)
# Replaces the registration of django-axes (its admin module is imported by lockout_admin).
admin.site.unregister(AccessAttempt)
admin.site.register(AccessAttempt, GermanAccessAttemptAdmin)


class MunicipalityEditorInline(admin.TabularInline):
    model = MunicipalityEditor
    fields = ["municipality"]
    extra = 0
    verbose_name = _("Zuständigkeit")
    verbose_name_plural = _("Kommunale Redaktion: zuständig für")


@admin.register(MunicipalityEditor)
class MunicipalityEditorAdmin(admin.ModelAdmin):
    """Who edits which town: the Geschäftsstelle (superusers) assigns it, nobody else sees it."""

    list_display = ["municipality", "user"]
    list_filter = ["municipality"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "municipality__name"]
    list_select_related = ["municipality", "user"]


class StaffUserAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, MunicipalityEditorInline]

    def get_inline_instances(self, request, obj=None):
        # A new account gets its groups and towns on the change page, after the password.
        return super().get_inline_instances(request, obj) if obj else []

    def get_urls(self):
        return [
            path(
                "<path:object_id>/einrichtungslink/",
                self.admin_site.admin_view(self.enrolment_link_view),
                name="auth_user_enrolment_link",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            user = self.get_object(request, object_id)
            if user is not None:
                self._warn_without_town(request, user)
        if request.user.is_superuser:
            url = reverse(f"{self.admin_site.name}:auth_user_enrolment_link", args=[object_id])
            extra_context = {"enrolment_link_url": url, **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context)

    def enrolment_link_view(self, request, object_id):
        """GET explains; POST issues a link to set up the second factor, shown once here (and
        mailed to the person if asked). Only superusers, the Geschäftsstelle, issue them."""
        if not request.user.is_superuser:
            raise PermissionDenied
        user = self.get_object(request, unquote(object_id))
        if user is None:
            raise Http404(_("Diesen Eintrag gibt es nicht."))
        link = expires = mailed = None
        can_issue = user.is_active and user.is_staff
        if request.method == "POST" and can_issue:
            link_path, expires = enrolment.issue(user)
            link = request.build_absolute_uri(link_path)
            if "_mail" in request.POST and user.email:
                mailed = mails.enrolment_link(user, link, expires)
            self.log_change(
                request,
                user,
                _("Einrichtungslink erstellt, gültig bis %s")
                % date_format(expires, "SHORT_DATETIME_FORMAT"),
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Einrichtungslink: %s") % user,
            "opts": self.opts,
            "original": user,
            "can_issue": can_issue,
            "has_device": user_has_device(user),
            "link": link,
            "expires": expires,
            "mailed": mailed,
            "hours": enrolment.hours(),
            "change_url": reverse(f"{self.admin_site.name}:auth_user_change", args=[user.pk]),
        }
        return TemplateResponse(request, "admin/enrolment_link.html", context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if "_continue" not in request.POST:  # else the change page it returns to warns
            self._warn_without_town(request, form.instance)

    def _warn_without_town(self, request, user) -> None:
        """The role without a Zuständigkeit edits nothing: say so where it is assigned."""
        if (
            not user.is_superuser
            and user.groups.filter(name=TOWN_EDITOR_GROUP_NAME).exists()
            and not user.town_assignments.exists()
        ):
            messages.warning(
                request,
                _(
                    "„%(user)s“ gehört zur Kommunalen Redaktion, ist aber für keine Kommune "
                    "zuständig und kann deshalb nichts bearbeiten. Bitte unter „Kommunale "
                    "Redaktion: zuständig für“ eine Kommune eintragen."
                )
                % {"user": user.get_username()},
            )


admin.site.unregister(User)
admin.site.register(User, StaffUserAdmin)
