"""The second factor: a one-time code (TOTP, django-otp) from an authenticator app.

Every staff account needs a confirmed device: a password alone opens no admin page and shows no
draft (core.staff). A device is set up only through an enrolment link (accounts.enrolment): the
key is made for the browser session that opened the link, and the device row is written only
when a code from that key confirms it, replacing whatever the person had before.
"""

import time
from base64 import b32encode

import segno
from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user, verify_token
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

DEVICE_NAME = "Authenticator-App"


def match(user, token: str):
    """The user's confirmed device that accepts ``token`` (throttled by django-otp), or None."""
    for device in devices_for_user(user):
        verified = verify_token(user, device.persistent_id, token)
        if verified is not None:
            return verified
    return None


def throttled_until(user):
    """When the user's devices take codes again after a run of wrong ones (django-otp's
    throttling), or None if one takes them now: a right code in that time is refused too."""
    until = []
    for device in devices_for_user(user):
        allowed, data = device.verify_is_allowed()
        if allowed:
            return None
        until.append((data or {}).get("locked_until"))
    return min((u for u in until if u), default=None)


def new_key() -> str:
    """A fresh secret key (hex, 20 bytes: django-otp's default)."""
    return random_hex(20)


def unsaved_device(user, key: str) -> TOTPDevice:
    """The device ``key`` would become, not yet written: for the QR code and the first code."""
    return TOTPDevice(user=user, name=DEVICE_NAME, key=key, confirmed=True)


def confirms(device: TOTPDevice, token: str) -> bool:
    """Whether ``token`` is a current code of the unsaved ``device``. On success the device
    remembers the code's time step, so that the same code cannot sign in afterwards.

    TOTPDevice.verify_token would save the device (and on failure count a throttle on it);
    here nothing is written before the code is right.
    """
    try:
        value = int(token)
    except ValueError:
        return False
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if not totp.verify(value, device.tolerance):
        return False
    device.last_t = totp.t()
    device.drift = totp.drift
    device.last_used_at = timezone.now()
    return True


def replace_devices(device: TOTPDevice) -> None:
    """Writes ``device`` as its user's only device: one phone, one code. The new one is written
    first, so that removing the old one reads as a replacement (accounts.mails)."""
    with transaction.atomic():
        device.save()
        TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()


def qr_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// URL as an SVG data: URI (the CSP allows data: images, nothing inline)."""
    # A white background of its own: on the admin's dark theme a transparent code would not scan.
    qr = segno.make(device.config_url, error="m")
    return qr.svg_data_uri(scale=5, border=2, dark="#000", light="#fff")


def secret_for_typing(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for apps that cannot scan."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
