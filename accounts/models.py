"""Staff accounts: the authenticator apps under a German name, and which municipalities a
town editor is responsible for.

django-otp's model says "TOTP device" in English and cannot be translated; its proxy adds no
table, only the names office staff read when they remove a lost phone's app.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice


class AuthenticatorApp(TOTPDevice):
    class Meta:
        proxy = True
        verbose_name = _("Authenticator-App")
        verbose_name_plural = _("Authenticator-Apps")


class MunicipalityEditor(models.Model):
    """A "Zuständigkeit": a member of the "Kommunale Redaktion" edits this municipality's page,
    its contacts and the projects it takes part in (accounts.towns). Assigned by the
    Geschäftsstelle in the user admin."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        related_name="town_assignments",
        on_delete=models.CASCADE,
    )
    municipality = models.ForeignKey(
        "members.Municipality",
        verbose_name=_("Kommune"),
        related_name="editor_assignments",
        on_delete=models.CASCADE,
    )

    class Meta:
        verbose_name = _("Zuständigkeit")
        verbose_name_plural = _("Zuständigkeiten für Kommunen")
        ordering = ["municipality__name", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality"],
                name="municipality_editor_unique",
                violation_error_message=_("Diese Person ist für die Kommune schon zuständig."),
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.municipality}"
