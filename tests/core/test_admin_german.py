"""The admin stays German throughout, including the parts the libraries bring.

A walk follows the admin's own links (index, app indexes, changelists with each filter and a
search, add forms, one object's change, history, delete and earlier-version pages) and reads
what staff see: text, option labels, button values, alt texts and tooltips, but not what is
typed into fields. It fails on two kinds of English:

- a message of the admin's catalogues (Django's admin, auth, contenttypes and forms;
  simple-history, django-axes, django-otp, django-leaflet) shown as its English original, unless
  German translators chose the same word ("Filter", "Status");
- words no German text uses ("the", "Can", "historical", "Save" ...), which also catch English
  that no catalogue knows, such as the help texts of django-otp's TOTP device.
"""

import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import django
import polib
import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.cache import cache as django_cache
from django.core.management import call_command
from django.urls import Resolver404, resolve
from django_otp.plugins.otp_totp.models import TOTPDevice
from simple_history.admin import SimpleHistoryAdmin

from accounts.models import MunicipalityEditor
from members.models import Municipality

pytestmark = pytest.mark.django_db

SITE_PACKAGES = Path(django.__file__).parent.parent
# Where the admin's messages come from; each package's catalogues of every language together
# hold all its msgids (Django's English catalogue lists them all, the libraries have none).
MESSAGE_SOURCES = [
    "django/conf",
    "django/contrib/admin",
    "django/contrib/auth",
    "django/contrib/contenttypes",
    "simple_history",
    "axes",
    "django_otp",
    "leaflet",
]
PROJECT_CATALOG = Path(__file__).resolve().parents[2] / "locale/de/LC_MESSAGES/django.po"
# Words of English sentences and of the admin's English UI that German text never uses.
ENGLISH_WORDS = frozenset(
    """the and of to is are be for with this that these you your can has have not by from which
    or if please click here been should would could it its
    add change delete save search history historical view edit select choose show hide clear
    currently none true false yes today now unknown action actions home welcome log logout
    password username user users group groups permission permissions device devices attempt
    attempts attempted failed failure failures locked secret token digits tolerance drift
    throttling confirmed time date data entry entries content session sessions another
    continue editing available chosen remove""".split()  # noqa: SIM905
)
VISIBLE_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
BUTTON_TYPES = ("submit", "button", "reset")
# Redirects to the public site, or leaves the admin.
SKIPPED_VIEWS = {"admin:view_on_site", "admin:logout", "admin:jsi18n"}
SEARCH = "q"
ADMIN_SCRIPTS = "django/contrib/admin/locale/{language}/LC_MESSAGES/djangojs.po"
LOGIN = {"username": "admin", "otp_token": "", "next": "/admin/"}
# Query parameters that show the same page in another order or popup frame.
SKIPPED_PARAMETERS = {"o", "p", "_popup", "_to_field", "_changelist_filters", "e", "all"}


class _VisibleText(HTMLParser):
    """Text staff read: text nodes (not scripts, styles or textarea contents), tooltips,
    placeholders, accessible names and button labels."""

    HIDDEN = {"script", "style", "textarea"}

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.HIDDEN:
            self._hidden += 1
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        self.texts.extend(attrs[name] for name in VISIBLE_ATTRIBUTES if attrs.get(name))
        if tag == "input" and attrs.get("type") in BUTTON_TYPES and attrs.get("value"):
            self.texts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.texts.append(data)


def read_page(html: str) -> _VisibleText:
    parser = _VisibleText()
    parser.feed(html)
    return parser


def _normalize(text: str) -> str:
    return " ".join(text.split()).strip(" :.…?!»«›‹()").casefold()


def _pattern(msgid: str) -> re.Pattern | None:
    """A msgid as a pattern for a whole text; None if too little of it is fixed text."""
    parts = re.split(r"%(?:\([^)]*\))?[sdif]|\{[^}]*\}", _normalize(msgid))
    if sum(len(re.sub(r"\W", "", part)) for part in parts) < 4:
        return None
    return re.compile(".+?".join(re.escape(part) for part in parts))


def _catalogs(source: str):
    """(language, catalogue) of ``source``: its .po files, or its .mo files where it ships no
    .po (django-leaflet). Django's own: English (every msgid) and German only."""
    for path in sorted((SITE_PACKAGES / source / "locale").glob("*/LC_MESSAGES/django.[mp]o")):
        language = path.parent.parent.name
        if source.startswith("django/") and language not in ("en", "de"):
            continue
        if path.suffix == ".po":
            yield language, polib.pofile(str(path))
        elif not path.with_suffix(".po").exists():
            yield language, polib.mofile(str(path))


def _same_in_german(entry) -> bool:
    translations = [entry.msgstr, *entry.msgstr_plural.values()]
    return entry.msgid.casefold() in {t.casefold() for t in translations}


@cache
def english_messages() -> tuple[dict[str, str], list[tuple[re.Pattern, str]]]:
    """The catalogues' English messages that German never shows as they are: fixed texts by
    their normalized form, and patterns for those with placeholders."""
    msgids, same = set(), set()
    for source in MESSAGE_SOURCES:
        for language, catalog in _catalogs(source):
            for entry in catalog:
                msgids.update(filter(None, (entry.msgid, entry.msgid_plural)))
                if language == "de" and _same_in_german(entry):
                    same.add(entry.msgid)
    same.update(
        entry.msgid for entry in polib.pofile(str(PROJECT_CATALOG)) if _same_in_german(entry)
    )
    plain, patterns = {}, []
    for msgid in msgids - same:
        if re.search(r"%(\([^)]*\))?[sdif]|\{", msgid):
            if pattern := _pattern(msgid):
                patterns.append((pattern, msgid))
        elif len(_normalize(msgid)) > 1:
            plain[_normalize(msgid)] = msgid
    return plain, patterns


def english_in(texts) -> set[str]:
    """The texts that read as English (see the module docstring)."""
    plain, patterns = english_messages()
    found = set()
    for text in texts:
        normalized = _normalize(text)
        # Whole words only: "be" in a file name like "9be14.pdf" is none.
        words = set(re.findall(r"\b[^\W\d_]+\b", normalized))
        if (
            normalized in plain
            or words & ENGLISH_WORDS
            or any(pattern.fullmatch(normalized) for pattern, _msgid in patterns)
        ):
            found.add(" ".join(text.split()))
    return found


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


def test_every_admin_page_of_a_superuser_is_german(admin_client, demo_site):
    pages = walk_admin(admin_client)

    assert_german(pages)
    # The walk reached every kind of page of every model in the index, not just the index.
    views = _views_of(pages)
    kinds = {_page_key(url) for url in pages}
    app_list = admin_client.get("/admin/").context["app_list"]
    for app in app_list:
        for entry in app["models"]:
            model = entry["model"]
            name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
            expected = {"changelist"} | ({"add"} if entry["add_url"] else set())
            if model._default_manager.exists():
                expected |= {"change", "history", "delete"}
                if isinstance(admin.site.get_model_admin(model), SimpleHistoryAdmin):
                    expected.add("simple_history")
            assert {f"{name}_{view}" for view in expected} <= views, name
            model_admin = admin.site.get_model_admin(model)
            changelist = f"{name}_changelist"
            if model_admin.list_filter or model_admin.date_hierarchy:
                assert (changelist, True) in kinds, f"{name}: no filtered changelist"
            if model_admin.search_fields:
                assert (changelist, frozenset({SEARCH})) in kinds, f"{name}: no search"
    assert {"admin:index", "admin:password_change", "admin:two_factor"} <= views
    assert {("admin:app_list", app["app_label"]) for app in app_list} <= kinds
    assert "admin:auth_user_password_change" in views


def test_every_admin_page_of_an_editor_is_german(editor_client, demo_site):
    pages = walk_admin(editor_client)

    assert_german(pages)
    assert "admin:pages_page_simple_history" in _views_of(pages)


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
    link = re.search(r"http://testserver(/admin/reset/\S+)", mail.outbox[0].body).group(1)
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


def test_answers_to_what_staff_submit_are_german(admin_client, admin_user):
    group = Group.objects.create(name="Probe")
    pages = {}
    changelist = "/admin/auth/group/"
    response = admin_client.post(
        changelist, {"action": "delete_selected", "_selected_action": [group.pk]}
    )
    assert "Ja, ich bin sicher" in read(pages, "Gruppen löschen?", response)
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
    same = {entry.msgid for entry in german if _same_in_german(entry)}
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
