"""Staff accounts: the authenticator apps under a German name, and the links that set one up.

django-otp's model says "TOTP device" in English and cannot be translated; its proxy adds no
table, only the names office staff read when they remove a lost phone's app.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice


class AuthenticatorApp(TOTPDevice):
    changes_public_pages = False

    class Meta:
        proxy = True
        verbose_name = _("Authenticator-App")
        verbose_name_plural = _("Authenticator-Apps")


class EnrolmentLink(models.Model):
    """A single-use link that sets up a person's authenticator app (accounts.enrolment).

    Only a hash of the link's token is stored: whoever reads the database cannot open it. A link
    is closed by using it, by its expiry, or by a newer one for the same person (which moves
    ``expires_at`` to the moment it was replaced).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolment_links",
        verbose_name=_("Benutzer"),
    )
    token_hash = models.CharField(
        _("Prüfsumme des Links"), max_length=64, unique=True, editable=False
    )
    created_at = models.DateTimeField(_("Erstellt am"), auto_now_add=True)
    expires_at = models.DateTimeField(_("Gültig bis"))
    used_at = models.DateTimeField(_("Benutzt am"), null=True, blank=True)

    changes_public_pages = False

    class Meta:
        verbose_name = _("Einrichtungslink")
        verbose_name_plural = _("Einrichtungslinks")
        ordering = ["-created_at"]

    def __str__(self):
        return str(self.user)
