"""The accessibility feedback form: validated, rate-limited and spam-protected without any
third-party captcha (a honeypot field and a signed render time that can be sent once)."""

import logging
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import ratelimit
from core.client import client_address
from core.siteurl import absolute_url

from .models import AccessibilityFeedback

logger = logging.getLogger(__name__)

_SALT = "accessibility.feedback"
MIN_SECONDS_TO_FILL = 3  # bots post instantly; people need longer to describe a barrier
MAX_FORM_AGE = 2 * 60 * 60
RATE_WINDOW = 60 * 60
MESSAGE_MIN_LENGTH = 10
MESSAGE_MAX_LENGTH = 5000


def _formfield(field, **kwargs):
    if field.name == "message":
        # Given to the constructor, the lengths become validators as well as HTML attributes.
        kwargs.update(
            min_length=MESSAGE_MIN_LENGTH,
            max_length=MESSAGE_MAX_LENGTH,
            error_messages={
                "min_length": _("Bitte beschreiben Sie das Problem in mindestens 10 Zeichen."),
                "max_length": _(
                    "Bitte fassen Sie sich kürzer: höchstens 5.000 Zeichen "
                    "(Ihre Nachricht hat %(show_value)d)."
                ),
            },
        )
    return field.formfield(**kwargs)


class _RenderedFresh(forms.CharField):
    """Re-rendered forms carry a new token: the one posted may have expired or been used."""

    def bound_data(self, data, initial):
        return initial


def _expired():
    return forms.ValidationError(
        _("Das Formular ist abgelaufen. Bitte senden Sie es noch einmal ab."), code="expired"
    )


class FeedbackForm(forms.ModelForm):
    # Hidden from people by CSS and from assistive technology by aria-hidden; bots fill it in.
    website = forms.CharField(required=False, label=_("Bitte leer lassen"))
    started = _RenderedFresh(widget=forms.HiddenInput)

    class Meta:
        model = AccessibilityFeedback
        fields = ["page_url", "message", "name", "email"]
        formfield_callback = _formfield
        # autocomplete names the personal fields for browsers and assistive technology (1.3.5).
        widgets = {
            "message": forms.Textarea(attrs={"rows": 8}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "page_url": forms.TextInput(attrs={"autocomplete": "off"}),
        }
        help_texts = {
            "page_url": _("Auf welcher Seite ist das Problem aufgetreten?"),
            "message": _("Was hat nicht funktioniert? Mindestens 10 Zeichen."),
            "email": _("Freiwillig. Nur nötig, wenn Sie eine Antwort möchten."),
            "name": _("Freiwillig."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["started"] = signing.dumps(time.time(), salt=_SALT)
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                _("Die Nachricht konnte nicht gesendet werden."), code="spam"
            )
        token = cleaned.get("started", "")
        try:
            elapsed = time.time() - float(signing.loads(token, salt=_SALT))
        except (signing.BadSignature, TypeError, ValueError):
            elapsed = None
        if elapsed is None or elapsed > MAX_FORM_AGE:
            raise _expired()
        if elapsed < MIN_SECONDS_TO_FILL:
            raise forms.ValidationError(
                _("Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie erneut."),
                code="too_fast",
            )
        # One report per rendered form: the first valid submission uses the token up, on every
        # app server (core.ratelimit), for as long as the token would be accepted at all.
        signature = token.rpartition(":")[2]
        if not self.errors and not ratelimit.claim(
            "feedback-token", signature, lifetime=MAX_FORM_AGE
        ):
            raise _expired()
        return cleaned


def allow_submission(request) -> bool:
    """Counts a valid submission for the visitor; False once they are over the hourly limit."""
    sent = ratelimit.count("feedback", client_address(request), window=RATE_WINDOW)
    return sent <= settings.FEEDBACK_RATE_LIMIT


def notify_staff(feedback: AccessibilityFeedback) -> None:
    # A global cap: many addresses (or a botnet) must not flood the office's mailbox. Reports
    # beyond it are stored all the same and wait in the admin.
    limit = settings.FEEDBACK_MAIL_LIMIT
    sent = ratelimit.count("feedback-mail", "staff", window=RATE_WINDOW)
    if sent > limit:
        logger.warning(
            "Feedback %s stored without a staff mail: %s mails sent this hour", feedback.pk, limit
        )
        return
    admin_url = absolute_url(
        reverse("admin:accessibility_accessibilityfeedback_change", args=[feedback.pk])
    )
    last = (
        "\nDies ist die letzte Benachrichtigung in dieser Stunde; weitere Rückmeldungen finden "
        "Sie in der Verwaltung.\n"
        if sent == limit
        else ""
    )
    send_mail(
        subject="Neue Rückmeldung zur Barrierefreiheit",
        message=(
            f"Über das Feedback-Formular ist eine neue Rückmeldung eingegangen.\n\n"
            f"Seite: {feedback.page_url or '–'}\n\n{feedback.message}\n\n"
            f"Bearbeiten: {admin_url}\n{last}"
        ),
        from_email=None,
        recipient_list=settings.STAFF_NOTIFY_EMAILS,
        fail_silently=False,
    )
