"""The admin login resists guessing: lockouts by address (never by account alone), a cheap limit
before the hash, the second factor for every staff account, strong passwords and a password reset
that tells nobody anything (and lifts the account's lock)."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.admin_helpers import two_factor_login

LOGIN = "/admin/login/"
PASSWORD = "Ein-langes-Passwort-2026"
LOCKED = "Die Anmeldung ist nach zu vielen Fehlversuchen gesperrt."


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()  # rate-limit counters live in the cache
    yield
    cache.clear()


@pytest.fixture
def editor(db, django_user_model):
    """An editor as they work: with a confirmed authenticator app."""
    user = django_user_model.objects.create_user(
        "redaktion", "redaktion@example.org", PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Redaktion"))
    confirmed_device(user)
    return user


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("chefin", "chefin@example.org", PASSWORD)


def login(client, username, password=PASSWORD, *, code="", address="127.0.0.1"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "otp_token": code, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def code(device, *, ahead=0) -> str:
    """The device's current one-time code; ``ahead`` steps later for a second login (a code
    is accepted only once, and the device tolerates one step of drift)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift + ahead)
    return f"{totp.token():0{device.digits}d}"


def unused_code(user) -> str:
    """A code of the user's device that it has not accepted yet. django-otp makes a device wait
    a moment after a wrong code; that throttle is its own business, lifted here."""
    device = TOTPDevice.objects.get(user=user)
    device.throttle_reset()
    now = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).t()
    return code(device, ahead=max(0, device.last_t + 1 - now))


def confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)


def right_login(client, user, *, address="127.0.0.1", password=PASSWORD):
    return login(client, user.get_username(), password, code=unused_code(user), address=address)


def fail(client, username, times=1, *, address="127.0.0.1"):
    for _ in range(times):
        response = login(client, username, "falsch", address=address)
    return response


# --- Lockouts (django-axes) --------------------------------------------------------------------


def test_five_failures_from_one_address_lock_that_address_for_the_account(client, editor):
    fail(client, "redaktion", 4, address="192.0.2.1")
    response = fail(client, "redaktion", address="192.0.2.1")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()

    response = right_login(client, editor, address="192.0.2.1")
    assert response.status_code == 429
    content = response.content.decode()
    assert LOCKED in content
    assert "Stadtregion Münster – Redaktion" in content  # the admin's look
    assert not signed_in(client)


def test_five_failures_from_address_a_never_refuse_the_right_password_and_code_from_b(
    client, editor
):
    """Knowing a user name must not be enough to keep its owner out."""
    fail(client, "redaktion", 5, address="192.0.2.1")
    fail(client, "redaktion", 5, address="192.0.2.1")  # and more during the lock

    response = right_login(client, editor, address="198.51.100.7")
    assert response.status_code == 302
    assert signed_in(client)
    assert client.get("/admin/").status_code == 200


def test_failures_spread_over_addresses_lock_nothing(client, editor):
    for number in range(12):
        fail(client, "redaktion", 2, address=f"192.0.2.{number}")
    assert right_login(client, editor, address="192.0.2.200").status_code == 302


def test_an_address_is_locked_after_five_wrong_passwords_for_any_accounts(client, editor):
    for number in range(5):
        fail(client, f"gibt-es-nicht-{number}", address="203.0.113.9")

    response = right_login(client, editor, address="203.0.113.9")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert not signed_in(client)
    # The account itself is not locked: from elsewhere it signs in.
    assert right_login(client, editor, address="198.51.100.7").status_code == 302
    assert signed_in(client)


def test_failures_during_a_lock_do_not_prolong_it(client, editor):
    fail(client, "redaktion", 5, address="192.0.2.1")
    attempt = AccessAttempt.objects.get(username="redaktion")
    locked_at = attempt.attempt_time

    fail(client, "redaktion", 3, address="192.0.2.1")
    assert right_login(client, editor, address="192.0.2.1").status_code == 429  # the owner too
    attempt.refresh_from_db()
    assert (attempt.failures_since_start, attempt.attempt_time) == (5, locked_at)

    # An hour after the fifth failure the address may sign in again.
    AccessAttempt.objects.update(attempt_time=locked_at - timedelta(hours=1, seconds=1))
    assert right_login(client, editor, address="192.0.2.1").status_code == 302


def test_a_completed_password_reset_lifts_the_account_s_lock(client, editor):
    fail(client, "redaktion", 5, address="192.0.2.1")
    assert right_login(client, editor, address="192.0.2.1").status_code == 429

    request_reset(client, "redaktion@example.org", address="192.0.2.1")
    new = "Neues-Passwort-fuer-2027"
    set_password_url = client.get(reset_link(mail.outbox[-1]), follow=True).redirect_chain[-1][0]
    response = client.post(set_password_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302

    response = right_login(client, editor, address="192.0.2.1", password=new)
    assert response.status_code == 302
    assert signed_in(client)


def test_guessing_one_account_from_many_addresses_mails_the_office_once(client, editor, settings):
    settings.STAFF_NOTIFY_EMAILS = ["geschaeftsstelle@example.org"]
    fail(client, "redaktion", 20, address="192.0.2.1")  # one address: its lock is enough
    for number in range(2, 5):
        fail(client, "redaktion", 2, address=f"192.0.2.{number}")
    assert mail.outbox == []

    fail(client, "redaktion", address="192.0.2.5")  # the fifth address
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["geschaeftsstelle@example.org"]
    assert message.subject == "Viele fehlgeschlagene Anmeldungen für das Konto „redaktion“"
    assert "von mindestens 5 verschiedenen Adressen" in message.body
    assert "192.0.2." not in message.body  # no addresses in a mail

    for number in range(6, 30):
        fail(client, "redaktion", address=f"192.0.2.{number}")
    assert len(mail.outbox) == 1  # one per account and hour
    assert right_login(client, editor, address="198.51.100.7").status_code == 302  # no lock


def test_made_up_user_names_mail_nobody(client, db):
    for number in range(10):
        fail(client, "gibt-es-nicht", address=f"192.0.2.{number}")
    assert mail.outbox == []


def test_the_lockout_follows_the_client_address_helper(client, editor, settings):
    """Behind the proxy every request comes from the proxy; the lock must hit the client."""
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    for _ in range(5):
        client.post(
            LOGIN,
            {"username": "x", "password": "falsch"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.50",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.50"}
    response = client.post(
        LOGIN,
        {"username": "redaktion", "password": PASSWORD, "otp_token": unused_code(editor)},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert response.status_code == 302


def test_staff_unlock_an_account_with_the_management_command(client, editor):
    fail(client, "redaktion", 5)
    assert right_login(client, editor).status_code == 429

    call_command("axes_reset_username", "redaktion")

    assert right_login(client, editor).status_code == 302
    assert signed_in(client)


def test_staff_unlock_an_account_in_the_admin(client, admin_client, editor):
    fail(client, "redaktion", 5)
    assert right_login(client, editor).status_code == 429
    changelist = admin_client.get("/admin/axes/accessattempt/")
    assert changelist.status_code == 200
    assert "redaktion" in changelist.content.decode()

    ids = list(AccessAttempt.objects.filter(username="redaktion").values_list("pk", flat=True))
    response = admin_client.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )
    assert response.status_code == 302

    assert right_login(client, editor).status_code == 302
    assert signed_in(client)


def test_editors_cannot_see_or_lift_lockouts(editor_client):
    assert editor_client.get("/admin/axes/accessattempt/").status_code == 403


# --- The cheap limit before the password hash --------------------------------------------------


def test_a_login_flood_gets_429_without_touching_the_password_hasher(client, editor, settings):
    settings.LOGIN_RATE_LIMIT = (3, 600)
    for _ in range(3):
        assert login(client, "redaktion", "falsch").status_code == 200

    with (
        mock.patch("django.contrib.auth.forms.authenticate") as authenticate,
        mock.patch("django.contrib.auth.hashers.MD5PasswordHasher.verify") as verify,
    ):
        response = login(client, "redaktion", "falsch")
        also_right = right_login(client, editor)

    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert "Zu viele Anfragen von Ihrer Adresse." in response.content.decode()
    assert also_right.status_code == 429
    authenticate.assert_not_called()
    verify.assert_not_called()
    assert not signed_in(client)
    # Other addresses are not affected.
    assert right_login(client, editor, address="198.51.100.7").status_code == 302


def test_the_cheap_limit_answers_without_looking_at_accounts_or_attempts(client, editor, settings):
    settings.LOGIN_RATE_LIMIT = (0, 600)
    with CaptureQueriesContext(connection) as queries:
        assert login(client, "redaktion", "falsch").status_code == 429
    tables = " ".join(query["sql"] for query in queries)
    assert "auth_user" not in tables
    assert "axes_" not in tables


def test_logins_beyond_the_worker_s_password_slots_get_429_at_once(client, editor):
    """Many addresses at once, each under its own limit: the extra ones wait outside."""
    from accounts import sites

    assert sites._slots.acquire(blocking=False)  # another thread is checking a password
    try:
        with mock.patch("django.contrib.auth.forms.authenticate") as authenticate:
            response = right_login(client, editor)
    finally:
        sites._slots.release()
    assert response.status_code == 429
    assert response["Retry-After"] == "5"
    assert "Die Anmeldung ist gerade ausgelastet." in response.content.decode()
    authenticate.assert_not_called()
    assert right_login(client, editor).status_code == 302


# --- Passwords ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "password",
    [
        "Sommer24",  # eight characters
        "Sommer2024!",  # eleven
        "1qaz2wsx3edc",  # twelve, but on the list of common passwords
        "redaktion2026",  # too much like the user name
    ],
)
def test_weak_passwords_are_refused(editor, password):
    with pytest.raises(ValidationError):
        validate_password(password, editor)


def test_a_long_uncommon_password_is_accepted(editor):
    validate_password("Münsterland-Radweg-42", editor)


def test_the_admin_password_change_refuses_a_short_password(editor_client):
    response = editor_client.post(
        "/admin/password_change/",
        {"old_password": PASSWORD, "new_password1": "Sommer24", "new_password2": "Sommer24"},
    )
    assert response.status_code == 200
    assert "mindestens 12 Zeichen" in response.content.decode()


# --- Two-factor login --------------------------------------------------------------------------


def test_the_login_page_asks_for_the_code_and_offers_a_reset(client, db):
    content = client.get(LOGIN).content.decode()
    assert 'name="otp_token"' in content
    assert "Einmalcode" in content
    assert 'href="/admin/password_reset/"' in content
    assert "vergessen?" in content


@pytest.mark.parametrize("role", ["editor", "superuser"])
def test_staff_without_a_device_get_a_hint_and_no_session(client, role, request, django_user_model):
    user = request.getfixturevalue(role)
    TOTPDevice.objects.filter(user=user).delete()

    response = login(client, user.get_username(), code="123456")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Zwei-Faktor-Anmeldung noch nicht eingerichtet" in content
    assert "Bitten Sie die Geschäftsstelle um einen Einrichtungslink" in content
    assert not signed_in(client)
    assert not AccessAttempt.objects.exists()  # the password was right: no failure


def test_a_wrong_password_says_nothing_about_the_device(client, superuser):
    response = login(client, "chefin", "falsch")
    content = response.content.decode()
    assert "Einrichtungslink" not in content
    assert "und Passwort Ihres Redaktionszugangs ein" in content


def test_a_password_only_session_gets_no_admin_page_and_no_draft(client, editor):
    """A session signed in without the code (as before this rule, or by any other way)."""
    from core.staff import is_verified_staff
    from tests.factories import PageFactory

    draft = PageFactory(is_published=False)
    for has_device in (True, False):
        if not has_device:
            TOTPDevice.objects.filter(user=editor).delete()
        client.force_login(editor)
        for url in ["/admin/", "/admin/pages/page/", f"/admin/pages/page/{draft.pk}/change/"]:
            response = client.get(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith("/admin/login/")
        assert client.get(draft.get_absolute_url()).status_code == 404
        assert not is_verified_staff(editor)  # a user object without a session's verification

    two_factor_login(client, editor)
    assert client.get(draft.get_absolute_url()).status_code == 200
    assert client.get("/admin/pages/page/").status_code == 200


def test_no_setup_page_opens_with_a_password(client, editor):
    client.force_login(editor)
    TOTPDevice.objects.filter(user=editor).delete()
    assert client.get("/admin/zwei-faktor/").status_code in (302, 404)
    assert not TOTPDevice.objects.exists()


def test_staff_with_a_device_need_the_code(client, editor):
    device = TOTPDevice.objects.get(user=editor)

    response = login(client, "redaktion")
    assert response.status_code == 200
    assert "Bitte geben Sie auch den Einmalcode" in response.content.decode()
    assert not signed_in(client)

    response = login(client, "redaktion", code="000000")
    assert response.status_code == 200
    assert "Der Einmalcode stimmt nicht" in response.content.decode()
    assert not signed_in(client)

    device.refresh_from_db()
    device.throttle_reset()  # django-otp makes a device wait a moment after a wrong code
    response = login(client, "redaktion", code=code(device))
    assert response.status_code == 302
    assert client.get("/admin/pages/page/").status_code == 200


def test_a_right_code_refused_by_the_throttle_says_so(client, editor):
    """After a wrong code django-otp refuses every code for a moment, the right one too: the
    form says to wait, not that the right code was wrong."""
    device = TOTPDevice.objects.get(user=editor)
    device.throttle_reset()
    login(client, "redaktion", code="000000")
    device.refresh_from_db()
    response = login(client, "redaktion", code=code(device))
    html = response.content.decode()
    assert not signed_in(client)
    assert "keinen Code an, auch keinen richtigen" in html
    assert "Der Einmalcode stimmt nicht" not in html


def test_wrong_codes_count_towards_the_lockout(client, editor):
    for _ in range(5):
        login(client, "redaktion", code="000000", address="192.0.2.1")
    assert right_login(client, editor, address="192.0.2.1").status_code == 429
    assert not signed_in(client)
    assert right_login(client, editor, address="198.51.100.7").status_code == 302


def test_a_password_alone_never_reaches_the_admin_of_a_user_with_a_device(client, superuser):
    """Even a session that is signed in without the code (an older one) gets nothing."""
    confirmed_device(superuser)
    client.force_login(superuser)
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/auth/user/").status_code == 302


def test_a_removed_device_ends_the_admin_access_of_its_sessions(client, editor):
    two_factor_login(client, editor)
    assert client.get("/admin/").status_code == 200
    TOTPDevice.objects.filter(user=editor).delete()
    assert client.get("/admin/").status_code == 302


# --- Password reset by e-mail ------------------------------------------------------------------


def request_reset(client, email, address="127.0.0.1"):
    return client.post("/admin/password_reset/", {"email": email}, REMOTE_ADDR=address)


def reset_link(message) -> str:
    # The configured site address (DJANGO_SITE_URL), never the request's host.
    return re.search(r"http://127\.0\.0\.1:8000(/admin/reset/\S+/)", message.body).group(1)


def test_a_forgotten_password_is_reset_by_a_german_mail(client, editor):
    form = client.get("/admin/password_reset/")
    assert form.status_code == 200
    assert "Passwort vergessen?" in form.content.decode()
    assert "Stadtregion Münster – Redaktion" in form.content.decode()

    response = request_reset(client, "Redaktion@example.org")
    assert response.status_code == 302
    assert response.url == "/admin/password_reset/done/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["redaktion@example.org"]
    assert message.subject == "Neues Passwort für die Redaktion der Stadtregion Münster"
    assert "Ihr Benutzername: redaktion" in message.body
    assert "you" not in message.body
    page = client.get(reset_link(message), follow=True)
    assert "Neues Passwort" in page.content.decode()
    set_password_url = page.redirect_chain[-1][0]
    response = client.post(
        set_password_url, {"new_password1": "Sommer24", "new_password2": "Sommer24"}
    )
    assert response.status_code == 200  # too short
    new = "Neues-Passwort-fuer-2027"
    response = client.post(set_password_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert response.url == "/admin/reset/done/"

    assert right_login(client, editor, password=new).status_code == 302
    assert signed_in(client)


def test_the_reset_link_names_the_configured_site_not_the_requests_host(client, editor, settings):
    settings.SITE_URL = "https://www.stadtregion-muenster.de"
    client.post(
        "/admin/password_reset/", {"email": "redaktion@example.org"}, HTTP_HOST="testserver:8443"
    )
    body = mail.outbox[0].body
    assert re.search(
        r"\nhttps://www\.stadtregion-muenster\.de/admin/reset/[^/\s]+/[^/\s]+/\n", body
    )
    assert "testserver" not in body and "8443" not in body


def test_the_reset_does_not_tell_whether_an_address_has_an_account(client, editor, db):
    known = request_reset(client, "redaktion@example.org")
    unknown = request_reset(client, "niemand@example.org")
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert len(mail.outbox) == 1


def test_only_staff_get_reset_mails(client, django_user_model):
    django_user_model.objects.create_user("besuch", "besuch@example.org", PASSWORD)
    assert request_reset(client, "besuch@example.org").status_code == 302
    assert mail.outbox == []


def test_the_reset_is_limited_per_client_address(client, editor):
    for _ in range(5):
        assert request_reset(client, "redaktion@example.org").status_code == 302
    response = request_reset(client, "redaktion@example.org")
    assert response.status_code == 429
    assert "Zu viele Anfragen" in response.content.decode()
    assert len(mail.outbox) == 5
    # Another client is not affected by this one.
    assert request_reset(client, "niemand@example.org", address="198.51.100.7").status_code == 302


def test_one_mailbox_gets_only_a_few_mails_however_many_clients_ask(client, editor):
    responses = [
        request_reset(client, "redaktion@example.org", address=f"192.0.2.{number}")
        for number in range(8)
    ]
    assert {(r.status_code, r.url) for r in responses} == {(302, "/admin/password_reset/done/")}
    assert len(mail.outbox) == 5


def test_admin_names_the_authenticator_apps_in_german(admin_client):
    index = admin_client.get("/admin/").content.decode()
    assert "Authenticator-Apps" in index
    assert "TOTP devices" not in index and "Otp_Totp" not in index
    assert admin_client.get("/admin/accounts/authenticatorapp/").status_code == 200
