"""Staff accounts: the authenticator apps under a German name.

django-otp's model says "TOTP device" in English and cannot be translated; its proxy adds no
table, only the names office staff read when they remove a lost phone's app.
"""

from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice


class AuthenticatorApp(TOTPDevice):
    class Meta:
        proxy = True
        verbose_name = _("Authenticator-App")
        verbose_name_plural = _("Authenticator-Apps")
