"""The admin stays German throughout, including the parts the libraries bring.

A walk follows the admin's own links (index, each app's index, changelists plain, filtered and
searched, add forms, one object's change, history, delete and earlier-version pages) as a
superuser and as an editor, and reads what staff see: text, option labels, button values, alt
texts and tooltips, but not what is typed into fields (tests/german_text.py says what counts as
English). Sign-in, password reset, lockout, answers to submitted forms and the scripts'
catalogue are checked on their own.
"""

import json
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import polib
import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.cache import cache as django_cache
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from simple_history.admin import SimpleHistoryAdmin

from accounts.models import EnrolmentLink
from members.models import Municipality, MunicipalityEditor
from tests.admin_helpers import two_factor_login
from tests.german_text import (
    PROJECT_CATALOG,
    SITE_PACKAGES,
    english_in,
    read_page,
    same_in_german,
)

pytestmark = pytest.mark.django_db

# Redirects to the public site, or leaves the admin.
SKIPPED_VIEWS = {"admin:view_on_site", "admin:logout", "admin:jsi18n"}
SEARCH = "q"
ADMIN_SCRIPTS = "django/contrib/admin/locale/{language}/LC_MESSAGES/djangojs.po"
LOGIN = {"username": "admin", "otp_token": "", "next": "/admin/"}
# Query parameters that show the same page in another order or popup frame.
SKIPPED_PARAMETERS = {"o", "p", "_popup", "_to_field", "_changelist_filters", "e", "all"}


def _page_key(url: str):
    """Pages that differ only in the object or the filter show the same texts: one of each
    kind is read (a changelist plain, filtered once and searched). None for pages outside the
    walk."""
    parts = urlsplit(url)
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    if match.view_name in SKIPPED_VIEWS or not match.view_name.startswith("admin:"):
        return None
    params = {name for name, _value in parse_qsl(parts.query)} - SKIPPED_PARAMETERS
    if len(params) > 1:
        return None  # one filter at a time: combinations show no other words
    if match.view_name == "admin:app_list":
        return match.view_name, match.kwargs["app_label"]  # each app's index
    if match.view_name.endswith("_changelist") and params != {SEARCH}:
        return match.view_name, bool(params)
    return match.view_name, frozenset(params)


def _clean(url: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in SKIPPED_PARAMETERS]
    return parts.path + (f"?{urlencode(query)}" if query else "")


def walk_admin(client, start: str = "/admin/") -> dict[str, list[str]]:
    """Path -> visible texts of every kind of admin page reachable by links from ``start``,
    plus a search on each changelist."""
    pages, seen, queue = {}, set(), [start]
    while queue:
        url = queue.pop(0)
        key = _page_key(url)
        if key is None or key in seen:
            continue
        seen.add(key)
        response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        if not response["Content-Type"].startswith("text/html"):
            continue
        page = read_page(response.content.decode())
        pages[url] = page.texts
        if key[0].endswith("_changelist") and not key[1]:
            queue.append(f"{url}?{SEARCH}=e")
        for href in page.links:
            if not urlsplit(href).netloc and not href.startswith("#"):
                queue.append(_clean(urljoin(url, href)))
    return pages


def english_by_page(pages: dict[str, list[str]]) -> dict[str, list[str]]:
    """English texts, each under the first page that shows it."""
    report = {}
    for url, texts in pages.items():
        for text in sorted(english_in(texts)):
            report.setdefault(text, url)
    by_page = {}
    for text, url in report.items():
        by_page.setdefault(url, []).append(text)
    return by_page


def assert_german(pages: dict[str, list[str]]) -> None:
    report = english_by_page(pages)
    lines = [
        f"{url}\n" + "".join(f"    {text}\n" for text in texts) for url, texts in report.items()
    ]
    assert not report, "English in the admin:\n" + "".join(lines)


@pytest.fixture
def demo_site(db):
    """Every content model with objects (the seed) and the rows of the libraries' models."""
    call_command("seed_demo", quiet=True)
    row = {"username": "unbekannt", "ip_address": "192.0.2.1", "path_info": "/admin/login/"}
    AccessAttempt.objects.create(**row, failures_since_start=3)
    AccessLog.objects.create(**row)
    AccessFailureLog.objects.create(**row, locked_out=True)
    editor = User.objects.create_user("kommune", is_staff=True)
    MunicipalityEditor.objects.create(user=editor, municipality=Municipality.objects.first())


def _views_of(pages) -> set[str]:
    return {resolve(urlsplit(url).path).view_name for url in pages}


def test_the_check_recognises_english_admin_text():
    texts = [
        "Can add historical Seite",  # an English permission name
        "Save and add another",  # a catalogue message
        "Select Seite to change",  # a catalogue message with a placeholder
        "The number of digits to expect in a token.",  # no catalogue: English words
        "True",
    ]
    german = [
        "Kann frühere Fassungen von Seite ansehen",
        "Sichern und neu hinzufügen",
        "Filter",  # the same word in German
        "Status",
        "Frühere Fassung: Altenberge",
        "dokumente/e6dcebdbfb17463f9f891a9be1415574.pdf",  # "be" is no word here
    ]
    assert english_in(texts + german) == set(texts)
    page = read_page(
        '<img alt="Search"><input type="submit" value="Save"><a title="History">Änderungen</a>'
        "<script>var none = true;</script><textarea>the user's text</textarea>"
    )
    assert english_in(page.texts) == {"Search", "Save", "History"}


def assert_walk_covered(client, pages) -> None:
    """The walk reached every kind of page of every model in the index, not just the index."""
    views = _views_of(pages)
    kinds = {_page_key(url) for url in pages}
    index = client.get("/admin/")
    app_list = index.context["app_list"]
    assert {("admin:app_list", app["app_label"]) for app in app_list} <= kinds
    assert {"admin:index", "admin:password_change"} <= views
    for entry in (entry for app in app_list for entry in app["models"]):
        model = entry["model"]
        model_admin = admin.site.get_model_admin(model)
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        expected = {"changelist"} | ({"add"} if entry["add_url"] else set())
        if model._default_manager.exists():
            expected |= {"change", "history"}
            # The walk opens one object, whose delete page it reaches if the object has one
            # (the protected pages have none).
            opened = [
                resolve(urlsplit(url).path).kwargs["object_id"]
                for url in pages
                if _views_of([url]) == {f"{name}_change"}
            ]
            obj = model._default_manager.filter(pk__in=opened).first()
            if obj is None or model_admin.has_delete_permission(index.wsgi_request, obj):
                expected.add("delete")
            if isinstance(model_admin, SimpleHistoryAdmin):
                expected.add("simple_history")
        assert {f"{name}_{view}" for view in expected} <= views, name
        changelist = f"{name}_changelist"
        if model_admin.list_filter or model_admin.date_hierarchy:
            assert (changelist, True) in kinds, f"{name}: no filtered changelist"
        if model_admin.search_fields:
            assert (changelist, frozenset({SEARCH})) in kinds, f"{name}: no search"


def test_every_admin_page_of_a_superuser_is_german(admin_client, demo_site):
    pages = walk_admin(admin_client)

    assert_german(pages)
    assert_walk_covered(admin_client, pages)
    assert {"admin:auth_user_password_change", "admin:auth_user_enrolment_link"} <= _views_of(pages)


def test_every_admin_page_of_an_editor_is_german(editor_client, demo_site):
    pages = walk_admin(editor_client)

    assert_german(pages)
    assert_walk_covered(editor_client, pages)


def read(pages: dict, label: str, response, status: int = 200) -> str:
    assert response.status_code == status, f"{label} answered {response.status_code}"
    html = response.content.decode()
    pages[label] = read_page(html).texts
    return html


def test_sign_in_password_reset_and_lockout_pages_are_german(client, admin_user, settings):
    django_cache.clear()  # rate-limit counters of other tests
    TOTPDevice.objects.create(user=admin_user, name="Telefon")  # a code is required
    pages = {}
    read(pages, "login", client.get("/admin/login/"))
    response = client.post("/admin/login/", LOGIN | {"password": "password"})
    assert "errornote" in read(pages, "login ohne Code", response)
    assert not client.session.get("_auth_user_id")
    read(pages, "reset", client.get("/admin/password_reset/"))
    admin_user.email = "chefin@example.org"
    admin_user.save()
    response = client.post("/admin/password_reset/", {"email": admin_user.email}, follow=True)
    read(pages, "reset: E-Mail verschickt", response)
    pages["reset: E-Mail"] = [mail.outbox[0].subject, mail.outbox[0].body]
    link = re.search(r"https?://[^/\s]+(/admin/reset/\S+)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    assert 'name="new_password1"' in read(pages, "reset: neues Passwort", response)
    url, password = response.request["PATH_INFO"], "Ein-neues-langes-Passwort-2026"
    response = client.post(url, {"new_password1": password, "new_password2": "anders"})
    assert "errorlist" in read(pages, "reset: Fehler", response)
    response = client.post(url, {"new_password1": password, "new_password2": password}, follow=True)
    read(pages, "reset: fertig", response)
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/admin/login/", LOGIN | {"password": f"falsch-{attempt}"})
    html = read(pages, "gesperrt", response, status=settings.AXES_HTTP_RESPONSE_CODE)
    assert "gesperrt" in html

    assert_german(pages)


def test_setting_up_the_second_factor_is_german(client, admin_user, django_user_model):
    django_cache.clear()  # rate-limit counters of other tests
    editor = django_user_model.objects.create_user(
        "redaktion", "redaktion@example.org", "password", is_staff=True
    )
    pages = {}
    response = client.post(
        "/admin/login/", LOGIN | {"username": "redaktion", "password": "password"}
    )
    assert "Einrichtungslink" in read(pages, "login ohne App", response)
    two_factor_login(client, admin_user)
    url = f"/admin/auth/user/{editor.pk}/einrichtungslink/"
    html = read(pages, "Link erstellt", client.post(url, {"_mail": "on"}))
    path = re.search(r"http://127\.0\.0\.1:8000(/admin/zwei-faktor/\S+/)\"", html).group(1)
    pages["Link: E-Mail"] = [mail.outbox[0].subject, mail.outbox[0].body]
    visitor = Client()
    read(pages, "einrichten", visitor.get(path))
    response = visitor.post(path, {"password": "falsch", "otp_token": "12"})
    assert "errornote" in read(pages, "einrichten: Fehler", response)
    EnrolmentLink.objects.update(used_at=timezone.now())
    read(pages, "Link benutzt", visitor.get(path), status=410)

    assert_german(pages)


def test_answers_to_what_staff_submit_are_german(admin_client, admin_user):
    group = Group.objects.create(name="Probe")
    pages = {}
    changelist = "/admin/auth/group/"
    response = admin_client.post(
        changelist, {"action": "delete_selected", "_selected_action": [group.pk]}
    )
    assert "Ja, ich bin sicher" in read(pages, "Gruppen löschen?", response)
    attempt = AccessAttempt.objects.create(username="niemand", failures_since_start=1)
    response = admin_client.post(
        "/admin/axes/accessattempt/",
        {"action": "cleanup_expired_attempts", "_selected_action": [attempt.pk]},
        follow=True,
    )
    assert "Zugriffsversuche entfernt" in read(pages, "Sperren aufgeräumt", response)
    response = admin_client.post("/admin/auth/user/add/", {"username": "", "password1": "x"})
    assert "errorlist" in read(pages, "Benutzer: Fehler", response)
    response = admin_client.post("/admin/pages/page/add/", {})
    assert "errorlist" in read(pages, "Seite: Fehler", response)
    form = {"old_password": "falsch", "new_password1": "x", "new_password2": "y"}
    response = admin_client.post("/admin/password_change/", form)
    assert "errorlist" in read(pages, "Passwort ändern: Fehler", response)
    password = "Ein-neues-langes-Passwort-2026"
    form = {"old_password": "password", "new_password1": password, "new_password2": password}
    response = admin_client.post("/admin/password_change/", form, follow=True)
    read(pages, "Passwort geändert", response)
    read(pages, "abgemeldet", admin_client.post("/admin/logout/"))

    assert_german(pages)


def test_date_time_and_selector_scripts_speak_german(admin_client):
    """The calendar and clock ("Heute", "Jetzt") and the selector of permissions are built by
    scripts whose texts come from the admin's JavaScript catalogue."""
    script = admin_client.get("/admin/jsi18n/").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S).group(1))
    german = polib.pofile(str(SITE_PACKAGES / ADMIN_SCRIPTS.format(language="de")))
    same = {entry.msgid for entry in german if same_in_german(entry)}
    untranslated = []
    for entry in polib.pofile(str(SITE_PACKAGES / ADMIN_SCRIPTS.format(language="en"))):
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        translation = catalog.get(key)
        if entry.msgid not in same and translation in (None, entry.msgid, [entry.msgid]):
            untranslated.append(entry.msgid)

    assert untranslated == []
    assert catalog["Today"] == "Heute" and catalog["Now"] == "Jetzt"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_catalogue_is_up_to_date(domain):
    """The .mo files are committed (no gettext needed to run the site): after an edit of a .po
    file, `manage.py compilemessages -l de --ignore=.venv` must run too."""
    source = polib.pofile(str(PROJECT_CATALOG.with_name(f"{domain}.po")))
    compiled = polib.mofile(str(PROJECT_CATALOG.with_name(f"{domain}.mo")))

    def messages(catalog):
        return {
            (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
            for e in catalog
            if e.msgid and (e.msgstr or e.msgstr_plural)
        }

    assert messages(compiled) == messages(source)
