"""Who needs a one-time code (TOTP, django-otp) for the admin.

Superusers always: without a confirmed device they may only set one up. Everybody else on the
staff opts in; once they have a confirmed device, their sessions need it too.
"""

import segno
from django_otp import devices_for_user, user_has_device, verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator-App"


def code_required(user) -> bool:
    return user.is_superuser or user_has_device(user)


def satisfied(user) -> bool:
    """The session may use the admin as far as the second factor is concerned."""
    return user.is_verified() or not code_required(user)


def setup_required(user) -> bool:
    """A signed-in superuser who has no device yet: the setup page is all they may use."""
    return (
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.is_superuser
        and not user_has_device(user)
    )


def match(user, token: str):
    """The user's confirmed device that accepts ``token`` (throttled by django-otp), or None."""
    for device in devices_for_user(user):
        verified = verify_token(user, device.persistent_id, token)
        if verified is not None:
            return verified
    return None


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device being set up; the same one until it is confirmed, so that a
    reloaded page still matches the code already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def confirm(device: TOTPDevice) -> None:
    """Makes ``device`` the user's only device: one phone, one code."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()


def qr_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// URL as an SVG data: URI (the CSP allows data: images, nothing inline)."""
    # A white background of its own: on the admin's dark theme a transparent code would not scan.
    qr = segno.make(device.config_url, error="m")
    return qr.svg_data_uri(scale=5, border=2, dark="#000", light="#fff")


def secret_for_typing(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for apps that cannot scan."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
