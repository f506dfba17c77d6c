"""What the login does beyond django-axes' lockout (settings: AXES_*).

django-axes locks one address guessing one account and one address trying many accounts, never
an account alone: otherwise anybody who knows a user name could keep its owner out. Guessing
one account from many addresses is answered here instead, by a mail to the Geschäftsstelle
(at most one per account and LOGIN_ALERT window), and a completed password reset lifts the
account's locks.
"""

from axes.utils import reset
from django.conf import settings
from django.contrib.auth import get_user_model

from core import ratelimit
from core.client import client_address

from . import mails

ADDRESS_SCOPE = "login-failure-address"
ACCOUNT_SCOPE = "login-failure-account"


def note_failure(sender, credentials=None, request=None, **kwargs):
    """user_login_failed: counts the distinct addresses that failed for one user name, and
    mails the Geschäftsstelle when they reach LOGIN_ALERT's number within its window."""
    username = (credentials or {}).get("username")
    if request is None or not username:
        return
    addresses, window = settings.LOGIN_ALERT
    pair = f"{username}\n{client_address(request)}"
    if ratelimit.count(ADDRESS_SCOPE, pair, window=window) != 1:
        return  # this address was counted for this account already
    if ratelimit.count(ACCOUNT_SCOPE, username, window=window) != addresses:
        return  # below the threshold, or mailed already in this window
    user_model = get_user_model()
    user = user_model._default_manager.filter(
        **{user_model.USERNAME_FIELD: username}, is_staff=True
    ).first()
    if user is not None:
        mails.login_alert(user, addresses=addresses, minutes=window // 60)


def unlock(user) -> None:
    """Lifts the locks of ``user``'s account at every address (after a password reset)."""
    reset(username=user.get_username())
