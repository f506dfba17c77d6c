from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import authenticate
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.signals import user_login_failed
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django_otp import user_has_device

from . import twofactor

TOKEN_WIDGET = forms.TextInput(
    attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
)


def _count_wrong_code(request, user) -> None:
    """A wrong code counts as a failed login, so django-axes locks out guessing codes too."""
    user_login_failed.send(
        sender=__name__, credentials={"username": user.get_username()}, request=request
    )


class StaffLoginForm(AdminAuthenticationForm):
    """The admin login: password and the one-time code of the account's authenticator app."""

    otp_token = forms.CharField(
        label="Einmalcode",
        required=False,
        max_length=8,
        widget=TOKEN_WIDGET,
        help_text="Der sechsstellige Code aus Ihrer Authenticator-App.",
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "no_device": "Für Ihr Konto ist die Zwei-Faktor-Anmeldung noch nicht eingerichtet. "
        "Bitten Sie die Geschäftsstelle um einen Einrichtungslink; erst danach können Sie sich "
        "anmelden.",
        "token_required": "Bitte geben Sie auch den Einmalcode aus Ihrer Authenticator-App ein.",
        "invalid_token": "Der Einmalcode stimmt nicht oder ist abgelaufen. "
        "Bitte geben Sie den aktuellen Code ein.",
        "throttled": "Nach mehreren falschen Einmalcodes nimmt Ihr Konto bis %(time)s Uhr keinen "
        "Code an, auch keinen richtigen. Bitte warten Sie bis dahin und geben Sie dann den "
        "aktuellen Code ein.",
    }

    def clean(self):
        cleaned_data = super().clean()  # the password (django-axes checks the lockout first)
        user = self.get_user()
        if not user_has_device(user):
            # The password was right, but without a device it opens nothing (core.staff).
            raise forms.ValidationError(self.error_messages["no_device"], code="no_device")
        token = (cleaned_data.get("otp_token") or "").replace(" ", "")
        if not token:
            raise forms.ValidationError(
                self.error_messages["token_required"], code="token_required"
            )
        # Asked before the code is checked: a wrong code starts the throttle itself.
        until = twofactor.throttled_until(user)
        device = twofactor.match(user, token) if until is None else None
        if device is None:
            _count_wrong_code(self.request, user)
            if until is not None:
                raise forms.ValidationError(
                    self.error_messages["throttled"],
                    code="throttled",
                    params={"time": date_format(localtime(until), "H:i:s")},
                )
            raise forms.ValidationError(self.error_messages["invalid_token"], code="invalid_token")
        user.otp_device = device  # django_otp's user_logged_in handler puts it into the session
        return cleaned_data


class StaffPasswordResetForm(PasswordResetForm):
    """Reset mails go to staff accounts only."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)


class EnrolmentForm(forms.Form):
    """Confirms a new authenticator app: its first code, and the owner's password once more,
    so that a link alone (a forwarded mail) sets up nothing."""

    password = forms.CharField(
        label="Ihr Passwort",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    otp_token = forms.CharField(
        label="Einmalcode",
        max_length=8,
        widget=TOKEN_WIDGET,
        help_text="Der sechsstellige Code, den die App nach dem Scannen anzeigt.",
    )

    def __init__(self, *args, request, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.device = device

    def clean(self):
        cleaned_data = super().clean()
        password, token = cleaned_data.get("password"), cleaned_data.get("otp_token")
        if password is None or token is None:
            return cleaned_data
        user = self.device.user
        # Through django-axes like a login: wrong passwords count, a locked address is refused.
        if authenticate(self.request, username=user.get_username(), password=password) != user:
            raise forms.ValidationError(
                "Das Passwort stimmt nicht. Bitte geben Sie das Passwort Ihres Kontos ein.",
                code="invalid_password",
            )
        if not twofactor.confirms(self.device, token.replace(" ", "")):
            _count_wrong_code(self.request, user)
            raise forms.ValidationError(
                "Der Code stimmt nicht. Prüfen Sie die Uhrzeit Ihres Telefons und geben Sie "
                "den aktuellen Code ein.",
                code="invalid_token",
            )
        return cleaned_data
