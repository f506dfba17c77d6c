"""Plain-text mails in German about staff sign-in: enrolment links, added and removed
authenticator apps, and many failed logins for one account."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django_otp import user_has_device

logger = logging.getLogger(__name__)


def _send(template: str, subject: str, recipients: list[str], context: dict) -> bool:
    """False if the mail server refused; the change the mail reports stands all the same."""
    body = render_to_string(
        f"accounts/mail/{template}.txt", {"site_name": settings.SITE_NAME, **context}
    )
    try:
        send_mail(subject, body, None, recipients)
    except (smtplib.SMTPException, OSError):
        logger.exception("The %s mail could not be sent", template)
        return False
    return True


def enrolment_link(user, url: str, expires) -> bool:
    return _send(
        "enrolment_link",
        f"Zwei-Faktor-Anmeldung für die Redaktion der {settings.SITE_NAME} einrichten",
        [user.email],
        {"user": user, "url": url, "expires": expires},
    )


def device_changed(device, *, added: bool) -> None:
    """Tells the owner that an authenticator app was added to or removed from their account,
    once the change is committed."""
    user = device.user
    if not user.email:
        return
    context = {"username": user.get_username(), "added": added}
    subject = (
        "Neue Authenticator-App für Ihr Konto"
        if added
        else "Authenticator-App von Ihrem Konto entfernt"
    )
    email = user.email
    transaction.on_commit(lambda: _send("device_changed", subject, [email], context))


def device_saved(sender, instance, created, **kwargs):
    """post_save of an authenticator app."""
    if created and instance.confirmed:
        device_changed(instance, added=True)


def device_deleted(sender, instance, **kwargs):
    """post_delete of an authenticator app; a replaced one is told by the new one's mail."""
    if instance.confirmed and not user_has_device(instance.user):
        device_changed(instance, added=False)


def login_alert(user, *, addresses: int, minutes: int) -> None:
    _send(
        "login_alert",
        f"Viele fehlgeschlagene Anmeldungen für das Konto „{user.get_username()}“",
        settings.STAFF_NOTIFY_EMAILS,
        {
            "username": user.get_username(),
            "addresses": addresses,
            "minutes": minutes,
            "failure_limit": settings.AXES_FAILURE_LIMIT,
        },
    )
