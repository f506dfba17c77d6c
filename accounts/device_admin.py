"""Staff's authenticator apps in the admin, in German.

django-otp's TOTPDeviceAdmin shows its model's English field names and help texts ("The number
of time steps the prover is known to deviate from our clock."), which no catalogue translates.
Staff need this page for one thing: to see who has set up an app, and to remove a lost phone's
app (its owner gets a mail), after which a superuser issues the owner a new enrolment link in the
user admin. So the admin shows only that, in German; adding one here is not offered, since
nobody could scan its secret. Every app listed is confirmed: unconfirmed ones are never stored.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import display_for_value
from django.utils.translation import gettext_lazy as _

from .models import AuthenticatorApp


class AuthenticatorAppForm(forms.ModelForm):
    class Meta:
        model = AuthenticatorApp
        fields = ["name"]
        labels = {"name": _("Bezeichnung")}
        help_texts = {"name": _("Zum Wiedererkennen, z. B. das Telefon, auf dem die App läuft.")}


class AuthenticatorAppAdmin(admin.ModelAdmin):
    form = AuthenticatorAppForm
    fields = ["owner", "name", "created", "last_used"]
    readonly_fields = ["owner", "created", "last_used"]
    list_display = ["owner", "name", "created", "last_used"]
    list_display_links = ["owner", "name"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__email", "user__first_name", "user__last_name"]
    search_help_text = _("Suche nach Benutzername, E-Mail-Adresse oder Name")
    ordering = ["user__username", "pk"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("Benutzer"), ordering="user__username")
    def owner(self, obj):
        return obj.user

    @admin.display(description=_("Eingerichtet am"), ordering="created_at")
    def created(self, obj):
        # Read-only methods are shown as returned: format like a column (German date, "-").
        return display_for_value(obj.created_at, self.get_empty_value_display())

    @admin.display(description=_("Zuletzt benutzt"), ordering="last_used_at")
    def last_used(self, obj):
        return display_for_value(obj.last_used_at, self.get_empty_value_display())
