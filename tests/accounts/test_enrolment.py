"""Setting up the second factor: only with a single-use enrolment link that a superuser (or an
operator at the shell) issues; the key belongs to one browser session, the device exists once a
code and the password confirm it, and its owner hears of every device added or removed."""

import importlib
import re
from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import EnrolmentLink
from tests.admin_helpers import admin_url, two_factor_login

PASSWORD = "Ein-langes-Passwort-2026"
LOGIN = "/admin/login/"
# Links point to the configured address (DJANGO_SITE_URL), never to the request's host.
LINK = re.compile(r"http://127\.0\.0\.1:8000(/admin/zwei-faktor/[A-Za-z0-9_-]+/)")


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()  # rate-limit counters live in the cache
    yield
    cache.clear()


@pytest.fixture
def editor(db, django_user_model):
    """A new editor: an account, a password, no authenticator app yet."""
    user = django_user_model.objects.create_user(
        "redaktion", "redaktion@example.org", PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Redaktion"))
    return user


def issue(admin_client, user, **data) -> str:
    """The path of a new link, as the user admin shows it once."""
    response = admin_client.post(enrolment_admin_url(user), data)
    assert response.status_code == 200
    return LINK.search(response.content.decode()).group(1)


def enrolment_admin_url(user) -> str:
    return f"/admin/auth/user/{user.pk}/einrichtungslink/"


def shown_key(response) -> str:
    """The key the setup page shows for typing (base32, in groups of four)."""
    return re.search(r"<code>([A-Z2-7 ]+)</code>", response.content.decode()).group(1)


def code_for(key: str, *, ahead: int = 0) -> str:
    from base64 import b32decode

    secret = key.replace(" ", "")
    secret += "=" * (-len(secret) % 8)
    return f"{TOTP(b32decode(secret), drift=ahead).token():06d}"


def confirm(client, path, key, *, password=PASSWORD, ahead=0):
    return client.post(path, {"password": password, "otp_token": code_for(key, ahead=ahead)})


# --- Issuing links ----------------------------------------------------------------------------


def test_a_superuser_issues_a_link_on_the_user_s_page_shown_once(admin_client, editor):
    change = admin_client.get(admin_url(type(editor), "change", editor.pk)).content.decode()
    assert f'href="{enrolment_admin_url(editor)}"' in change
    assert "Einrichtungslink erstellen" in change

    page = admin_client.get(enrolment_admin_url(editor))
    assert page.status_code == 200
    assert not LINK.search(page.content.decode())

    path = issue(admin_client, editor)
    token = path.rstrip("/").rsplit("/", 1)[1]
    link = EnrolmentLink.objects.get(user=editor)
    stored = [str(value) for value in EnrolmentLink.objects.values_list(flat=True)]
    assert token not in " ".join(stored) and token not in link.token_hash  # only a hash is kept
    assert timedelta(hours=71) < link.expires_at - timezone.now() <= timedelta(hours=72)
    assert not LINK.search(admin_client.get(enrolment_admin_url(editor)).content.decode())
    assert mail.outbox == []  # mailed only when asked


def test_the_link_can_be_mailed_to_the_person(admin_client, editor):
    path = issue(admin_client, editor, _mail="on")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["redaktion@example.org"]
    assert message.subject == (
        "Zwei-Faktor-Anmeldung für die Redaktion der Stadtregion Münster einrichten"
    )
    assert f"http://127.0.0.1:8000{path}" in message.body  # the configured address
    assert "Ihr Passwort" in message.body
    assert PASSWORD not in message.body and "otpauth" not in message.body


def test_only_superusers_issue_links(client, editor, django_user_model):
    chief_editor = django_user_model.objects.create_user(
        "leitung", password=PASSWORD, is_staff=True
    )
    chief_editor.groups.add(Group.objects.get(name="Redaktion"))
    two_factor_login(client, chief_editor)
    assert client.get(enrolment_admin_url(editor)).status_code == 403
    assert client.post(enrolment_admin_url(editor)).status_code == 403
    assert not EnrolmentLink.objects.exists()


def test_no_links_for_accounts_without_staff_status(admin_client, django_user_model):
    visitor = django_user_model.objects.create_user("besuch", password=PASSWORD)
    response = admin_client.post(enrolment_admin_url(visitor))
    assert "nur für aktive Konten" in response.content.decode()
    assert not EnrolmentLink.objects.exists()


def test_a_new_link_closes_the_older_one(admin_client, editor):
    first = issue(admin_client, editor)
    second = issue(admin_client, editor)
    assert Client().get(first).status_code == 410
    assert Client().get(second).status_code == 200


def test_the_operator_prints_a_link_at_the_shell(editor):
    out = StringIO()
    call_command("enrolment_link", "redaktion", "--site", "https://portal.example.org/", stdout=out)
    text = out.getvalue()
    assert "Einrichtungslink für „redaktion“, einmal gültig bis" in text
    path = re.search(r"https://portal\.example\.org(/admin/zwei-faktor/\S+/)", text).group(1)
    assert Client().get(path).status_code == 200

    with pytest.raises(CommandError, match="gibt es nicht"):
        call_command("enrolment_link", "niemand")
    editor.is_staff = False
    editor.save()
    with pytest.raises(CommandError, match="kein aktives Konto der Redaktion"):
        call_command("enrolment_link", "redaktion")


# --- Using a link -----------------------------------------------------------------------------


def test_the_whole_setup_from_link_to_login(
    admin_client, editor, django_capture_on_commit_callbacks
):
    path = issue(admin_client, editor)
    client = Client()
    page = client.get(path)
    content = page.content.decode()
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert re.search(
        r'<img src="data:image/svg\+xml;charset=utf-8,%3Csvg[^"]+" alt="QR-Code', content
    )
    assert "<strong>redaktion</strong>" in content
    key = shown_key(page)
    assert not TOTPDevice.objects.filter(user=editor).exists()  # nothing before a code confirms

    response = confirm(client, path, key, password="falsch")
    assert "Das Passwort stimmt nicht" in response.content.decode()
    response = client.post(path, {"password": PASSWORD, "otp_token": "000000"})
    assert "Der Code stimmt nicht" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert shown_key(response) == key  # the same key until it is confirmed

    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(client, path, key)
    assert response.status_code == 302 and response.url == LOGIN
    device = TOTPDevice.objects.get(user=editor)
    assert device.confirmed
    assert EnrolmentLink.objects.get().used_at is not None
    assert [m.subject for m in mail.outbox] == ["Neue Authenticator-App für Ihr Konto"]
    assert mail.outbox[0].to == ["redaktion@example.org"]
    assert "Geschäftsstelle" in mail.outbox[0].body

    page = client.get(LOGIN)
    assert "Die Zwei-Faktor-Anmeldung ist eingerichtet." in page.content.decode()
    form = {"username": "redaktion", "password": PASSWORD, "next": "/admin/"}
    used = client.post(LOGIN, form | {"otp_token": code_for(key)})
    assert "Der Einmalcode stimmt nicht" in used.content.decode()  # a code works only once
    device.refresh_from_db()
    device.throttle_reset()
    response = client.post(LOGIN, form | {"otp_token": code_for(key, ahead=1)})
    assert response.status_code == 302
    assert client.get("/admin/pages/page/").status_code == 200

    assert Client().get(path).status_code == 410  # used up


def test_two_sessions_never_see_the_same_key(admin_client, editor):
    path = issue(admin_client, editor)
    first, second = Client(), Client()
    key = shown_key(first.get(path))
    assert shown_key(second.get(path)) != key
    assert shown_key(first.get(path)) == key  # a reload keeps the session's key
    other_link = issue(admin_client, editor)
    assert shown_key(first.get(other_link)) != key


def test_a_key_read_in_one_session_never_verifies_after_another_confirmed(admin_client, editor):
    path = issue(admin_client, editor)
    attacker, owner = Client(), Client()
    read_early = shown_key(attacker.get(path))
    own_key = shown_key(owner.get(path))
    assert confirm(owner, path, own_key).status_code == 302

    response = confirm(attacker, path, read_early)
    assert response.status_code == 410
    device = TOTPDevice.objects.get(user=editor)
    login = {"username": "redaktion", "password": PASSWORD, "next": "/admin/"}
    for ahead in (-1, 0, 1):
        response = attacker.post(LOGIN, login | {"otp_token": code_for(read_early, ahead=ahead)})
        assert response.status_code == 200
        assert "_auth_user_id" not in attacker.session
        device.throttle_reset()


def test_a_link_opened_while_signed_in_as_someone_else_sets_up_only_its_owner(
    admin_client, admin_user, editor
):
    admin_device = TOTPDevice.objects.get(user=admin_user)
    path = issue(admin_client, editor)
    key = shown_key(admin_client.get(path))
    assert confirm(admin_client, path, key, password="password").status_code == 200  # hers
    assert confirm(admin_client, path, key).status_code == 302

    assert TOTPDevice.objects.get(user=editor).confirmed
    assert list(TOTPDevice.objects.filter(user=admin_user)) == [admin_device]


def test_closed_links_get_a_german_410_and_made_up_ones_404(admin_client, editor):
    path = issue(admin_client, editor)
    EnrolmentLink.objects.update(expires_at=timezone.now())
    response = Client().get(path)
    assert response.status_code == 410
    content = response.content.decode()
    assert "Dieser Einrichtungslink gilt nicht mehr." in content
    assert "Stadtregion Münster – Redaktion" in content

    tampered = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]
    assert Client().get(tampered).status_code == 404
    assert Client().get("/admin/zwei-faktor/x/").status_code == 404

    fresh = issue(admin_client, editor)
    editor.is_active = False
    editor.save()
    assert Client().get(fresh).status_code == 410


def test_wrong_passwords_on_the_setup_page_count_towards_the_lockout(admin_client, editor):
    path = issue(admin_client, editor)
    client = Client()
    key = shown_key(client.get(path))
    for _ in range(5):
        response = confirm(client, path, key, password="falsch")
    assert response.status_code == 429
    assert AccessAttempt.objects.get(username="redaktion").failures_since_start == 5
    assert confirm(client, path, key).status_code == 429  # the right one too, from here
    assert not TOTPDevice.objects.filter(user=editor).exists()


# --- Replacing and removing devices -----------------------------------------------------------


def test_a_new_phone_replaces_the_old_device_with_one_mail(
    admin_client, editor, django_capture_on_commit_callbacks
):
    old = TOTPDevice.objects.create(user=editor, name="Altes Telefon")
    path = issue(admin_client, editor)
    assert (
        "hat bereits eine Authenticator-App"
        in admin_client.get(enrolment_admin_url(editor)).content.decode()
    )
    client = Client()
    key = shown_key(client.get(path))
    assert TOTPDevice.objects.filter(pk=old.pk).exists()  # until the new one is confirmed

    with django_capture_on_commit_callbacks(execute=True):
        confirm(client, path, key)

    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert TOTPDevice.objects.filter(user=editor).count() == 1
    assert [m.subject for m in mail.outbox] == ["Neue Authenticator-App für Ihr Konto"]


@pytest.mark.parametrize("how", ["delete_view", "action"])
def test_removing_a_device_in_the_admin_mails_its_owner(
    admin_client, editor, how, django_capture_on_commit_callbacks
):
    device = TOTPDevice.objects.create(user=editor, name="Verlorenes Telefon")
    with django_capture_on_commit_callbacks(execute=True):
        if how == "delete_view":
            url = f"/admin/accounts/authenticatorapp/{device.pk}/delete/"
            response = admin_client.post(url, {"post": "yes"})
        else:
            response = admin_client.post(
                "/admin/accounts/authenticatorapp/",
                {"action": "delete_selected", "_selected_action": [device.pk], "post": "yes"},
            )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert [m.to for m in mail.outbox] == [["redaktion@example.org"]]
    assert mail.outbox[0].subject == "Authenticator-App von Ihrem Konto entfernt"
    assert "neuen Einrichtungslink" in mail.outbox[0].body


def test_the_migration_removes_unconfirmed_leftovers(editor, admin_user):
    TOTPDevice.objects.create(user=editor, name="nie bestätigt", confirmed=False)
    kept = TOTPDevice.objects.create(user=admin_user, name="Telefon", confirmed=True)
    migration = importlib.import_module("accounts.migrations.0004_enrolment_link")

    migration.remove_unconfirmed_devices(apps, None)

    assert list(TOTPDevice.objects.all()) == [kept]
