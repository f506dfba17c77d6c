from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.signals import user_login_failed
from django_otp import user_has_device

from . import twofactor

TOKEN_WIDGET = forms.TextInput(
    attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
)


class StaffLoginForm(AdminAuthenticationForm):
    """The admin login with a field for the one-time code, needed once a device is set up."""

    otp_token = forms.CharField(
        label="Einmalcode",
        required=False,
        max_length=8,
        widget=TOKEN_WIDGET,
        help_text="Nur mit eingerichteter Zwei-Faktor-Anmeldung: "
        "der sechsstellige Code aus Ihrer Authenticator-App.",
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "token_required": "Bitte geben Sie auch den Einmalcode aus Ihrer Authenticator-App ein.",
        "invalid_token": "Der Einmalcode stimmt nicht oder ist abgelaufen. "
        "Bitte geben Sie den aktuellen Code ein.",
    }

    def clean(self):
        cleaned_data = super().clean()  # the password (django-axes checks the lockout first)
        user = self.get_user()
        # Without a device nobody is asked for a code; a superuser is sent to set one up.
        if user is None or not user_has_device(user):
            return cleaned_data
        token = (cleaned_data.get("otp_token") or "").replace(" ", "")
        if not token:
            raise forms.ValidationError(
                self.error_messages["token_required"], code="token_required"
            )
        device = twofactor.match(user, token)
        if device is None:
            # A wrong code counts as a failed login, so django-axes locks out guessing too.
            user_login_failed.send(
                sender=__name__,
                credentials={"username": user.get_username()},
                request=self.request,
            )
            raise forms.ValidationError(self.error_messages["invalid_token"], code="invalid_token")
        user.otp_device = device  # django_otp's user_logged_in handler puts it into the session
        return cleaned_data


class StaffPasswordResetForm(PasswordResetForm):
    """Reset mails go to staff accounts only."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)


class TokenForm(forms.Form):
    otp_token = forms.CharField(
        label="Einmalcode",
        max_length=8,
        widget=TOKEN_WIDGET,
        help_text="Der sechsstellige Code, den die App nach dem Scannen anzeigt.",
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"].replace(" ", "")
        if not self.device.verify_token(token):
            raise forms.ValidationError(
                "Der Code stimmt nicht. Prüfen Sie die Uhrzeit Ihres Telefons und geben Sie "
                "den aktuellen Code ein."
            )
        return token
