from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from editorial.admin_labels import ColumnLabelsInlineMixin
from members.editors import TOWN_EDITOR_GROUP_NAME
from members.models import MunicipalityEditor

from .device_admin import AuthenticatorAppAdmin
from .enrolment_admin import EnrolmentLinkAdminMixin
from .lockout_admin import GermanAccessAttemptAdmin
from .models import AuthenticatorApp

# Staff get the German-named proxy; django-otp's own admin (English) is never imported.
admin.site.register(AuthenticatorApp, AuthenticatorAppAdmin)
# Replaces the registration of django-axes (its admin module is imported by lockout_admin).
admin.site.unregister(AccessAttempt)
admin.site.register(AccessAttempt, GermanAccessAttemptAdmin)


class MunicipalityEditorInline(ColumnLabelsInlineMixin, admin.TabularInline):
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


class StaffUserAdmin(EnrolmentLinkAdminMixin, UserAdmin):
    inlines = [*UserAdmin.inlines, MunicipalityEditorInline]

    def get_inline_instances(self, request, obj=None):
        # A new account gets its groups and towns on the change page, after the password.
        return super().get_inline_instances(request, obj) if obj else []

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            user = self.get_object(request, object_id)
            if user is not None:
                self._warn_without_town(request, user)
        return super().change_view(request, object_id, form_url, extra_context)

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
