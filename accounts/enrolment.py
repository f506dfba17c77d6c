"""Enrolment links: the one way to set up an authenticator app.

The password alone never reaches a setup page. A superuser issues a link in the user admin (or an
operator runs ``manage.py enrolment_link``), and the link reaches its owner by another channel.
Whoever opens it gets a key made for that browser session only; the device exists once a code
from that key and the owner's password confirm it, and the link is then used up. Only a hash of
the link's token is stored.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from . import twofactor
from .models import EnrolmentLink


class LinkGone(Exception):
    """A link that was valid once: used, expired or replaced by a newer one."""


def _hash(token: str) -> str:
    # The token carries 256 random bits, so a plain hash cannot be reversed by guessing.
    return hashlib.sha256(token.encode()).hexdigest()


def hours() -> int:
    return settings.ENROLMENT_LINK_MAX_AGE // 3600


def issue(user) -> tuple[str, datetime]:
    """A new link path for ``user`` and its expiry (local time); their older links close."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        EnrolmentLink.objects.filter(user=user, used_at=None, expires_at__gt=now).update(
            expires_at=now
        )
        link = EnrolmentLink.objects.create(
            user=user,
            token_hash=_hash(token),
            expires_at=now + timedelta(seconds=settings.ENROLMENT_LINK_MAX_AGE),
        )
    path = reverse("two_factor_enrolment", kwargs={"token": token})
    return path, timezone.localtime(link.expires_at)


def open_link(token: str) -> EnrolmentLink:
    """The open link with this token: Http404 if we never issued it, LinkGone if it is closed
    or its account can no longer sign in to the admin."""
    link = EnrolmentLink.objects.select_related("user").filter(token_hash=_hash(token)).first()
    if link is None:
        raise Http404("Unbekannter Einrichtungslink")
    user = link.user
    if link.used_at or link.expires_at <= timezone.now() or not (user.is_active and user.is_staff):
        raise LinkGone
    return link


def complete(link: EnrolmentLink, device) -> bool:
    """Closes ``link`` and writes ``device`` as its owner's only device, both or neither. False
    if the link closed in the meantime (another session used it first)."""
    now = timezone.now()
    with transaction.atomic():
        closed = EnrolmentLink.objects.filter(pk=link.pk, used_at=None, expires_at__gt=now).update(
            used_at=now
        )
        if not closed:
            return False
        twofactor.replace_devices(device)
    return True
