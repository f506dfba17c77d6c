from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.contrib.admin.apps import SimpleAdminConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPAppConfig


class AccountsConfig(AppConfig):
    """Staff sign-in: lockouts, a cheap limit before the password hash, two-factor login with
    enrolment links, and password reset by e-mail. Its models: the enrolment links and a
    German-named proxy of django-otp's device."""

    # The module holds several app configs: without this, "accounts" in INSTALLED_APPS gets
    # Django's plain AppConfig (English "Accounts", no ready()).
    default = True
    name = "accounts"
    verbose_name = _("Anmeldung")
    content = False  # no models editors edit (see the content apps)

    def ready(self):
        from django.contrib.auth.signals import user_login_failed
        from django.db.models.signals import post_delete, post_save
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from . import lockout, mails
        from .models import AuthenticatorApp

        user_login_failed.connect(lockout.note_failure, dispatch_uid="login_failure_alert")
        # The admin saves and deletes through the proxy, everything else through django-otp's model.
        for model in (TOTPDevice, AuthenticatorApp):
            post_save.connect(mails.device_saved, sender=model, dispatch_uid=f"saved-{model}")
            post_delete.connect(mails.device_deleted, sender=model, dispatch_uid=f"deleted-{model}")


class StaffAdminConfig(SimpleAdminConfig):
    """The admin without autodiscovery (leaflet.admin needs GDAL, see stadtregion.apps), whose
    default site is the two-factor-aware StaffAdminSite."""

    default_site = "accounts.sites.StaffAdminSite"


# The libraries' apps under German names: the admin stays German for office staff.
class LoginAttemptsConfig(AxesAppConfig):
    verbose_name = _("Anmeldesperren")


class TwoFactorDevicesConfig(TOTPAppConfig):
    verbose_name = _("Zwei-Faktor-Anmeldung")
