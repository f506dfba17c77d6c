"""The accessibility feedback form: validated, rate-limited and spam-protected without any
third-party captcha (a honeypot field and a signed render time)."""

import hashlib
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import AccessibilityFeedback

_SALT = "stadtregion.feedback"
MIN_SECONDS_TO_FILL = 3  # bots post instantly; people need longer to describe a barrier
MAX_FORM_AGE = 2 * 60 * 60
RATE_WINDOW = 60 * 60


class FeedbackForm(forms.ModelForm):
    # Hidden from people by CSS and from assistive technology by aria-hidden; bots fill it in.
    website = forms.CharField(required=False, label=_("Bitte leer lassen"))
    started = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = AccessibilityFeedback
        fields = ["page_url", "message", "name", "email"]
        widgets = {"message": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "page_url": _("Auf welcher Seite ist das Problem aufgetreten?"),
            "message": _("Was hat nicht funktioniert? Mindestens 10 Zeichen."),
            "email": _("Freiwillig. Nur nötig, wenn Sie eine Antwort möchten."),
            "name": _("Freiwillig."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = signing.dumps(time.time(), salt=_SALT)
        self.fields["message"].min_length = 10
        self.fields["message"].max_length = 5000
        self.fields["message"].widget.attrs.update(minlength="10", maxlength="5000")
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 10:
            raise forms.ValidationError(
                _("Bitte beschreiben Sie das Problem in mindestens 10 Zeichen.")
            )
        return message

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                _("Die Nachricht konnte nicht gesendet werden."), code="spam"
            )
        try:
            elapsed = time.time() - float(signing.loads(cleaned.get("started", ""), salt=_SALT))
        except (signing.BadSignature, TypeError, ValueError):
            elapsed = None
        if elapsed is None or elapsed > MAX_FORM_AGE:
            raise forms.ValidationError(
                _("Das Formular ist abgelaufen. Bitte senden Sie es noch einmal ab."),
                code="expired",
            )
        if elapsed < MIN_SECONDS_TO_FILL:
            raise forms.ValidationError(
                _("Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie erneut."),
                code="too_fast",
            )
        return cleaned


def _client_key(request) -> str:
    # Only a salted hash of the address lives in the cache, for one hour; nothing is stored.
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"feedback-rate:{digest}"


def rate_limited(request) -> bool:
    return cache.get(_client_key(request), 0) >= settings.FEEDBACK_RATE_LIMIT


def count_submission(request) -> None:
    key = _client_key(request)
    if not cache.add(key, 1, RATE_WINDOW):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, RATE_WINDOW)


def notify_staff(feedback: AccessibilityFeedback, request) -> None:
    admin_url = request.build_absolute_uri(
        reverse("admin:stadtregion_accessibilityfeedback_change", args=[feedback.pk])
    )
    send_mail(
        subject="Neue Rückmeldung zur Barrierefreiheit",
        message=(
            f"Über das Feedback-Formular ist eine neue Rückmeldung eingegangen.\n\n"
            f"Seite: {feedback.page_url or '–'}\n\n{feedback.message}\n\n"
            f"Bearbeiten: {admin_url}\n"
        ),
        from_email=None,
        recipient_list=settings.STAFF_NOTIFY_EMAILS,
        fail_silently=False,
    )
