from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.contrib.admin.apps import SimpleAdminConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPAppConfig


class AccountsConfig(AppConfig):
    """Staff sign-in: lockouts, a cheap limit before the password hash, two-factor login and
    password reset by e-mail. Its one model is a German-named proxy of django-otp's device."""

    # The module holds several app configs: without this, "accounts" in INSTALLED_APPS gets
    # Django's plain AppConfig (English "Accounts", no ready()).
    default = True
    name = "accounts"
    verbose_name = _("Anmeldung")

    def ready(self):
        from django.db.models.signals import post_migrate

        from .library_german import germanize_library_names
        from .permission_names import rename_permissions_after_migrate

        germanize_library_names()
        # For every app: auth's create_permissions (connected earlier) writes English names.
        post_migrate.connect(rename_permissions_after_migrate, dispatch_uid="german_permissions")


class StaffAdminConfig(SimpleAdminConfig):
    """The admin without autodiscovery (leaflet.admin needs GDAL, see stadtregion.apps), whose
    default site is the two-factor-aware StaffAdminSite."""

    default_site = "accounts.sites.StaffAdminSite"


# The libraries' apps under German names: the admin stays German for office staff.
class LoginAttemptsConfig(AxesAppConfig):
    verbose_name = _("Anmeldesperren")


class TwoFactorDevicesConfig(TOTPAppConfig):
    verbose_name = _("Zwei-Faktor-Anmeldung")
