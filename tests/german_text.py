"""Finds English in what staff read: the check behind tests/site/test_admin_german.py and
tests/browser/test_admin_german_browser.py. Two kinds of English:

- a message of the admin's catalogues (Django's admin, auth, contenttypes and forms;
  simple-history, django-axes, django-otp, django-leaflet) shown as its English original, unless
  German translators chose the same word ("Filter", "Status");
- words no German text uses ("the", "Can", "historical", "Save" ...), which also catch English
  that no catalogue knows, such as the help texts of django-otp's TOTP device.
"""

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import django
import polib

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
PROJECT_CATALOG = Path(__file__).resolve().parents[1] / "locale/de/LC_MESSAGES/django.po"
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


def same_in_german(entry) -> bool:
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
                if language == "de" and same_in_german(entry):
                    same.add(entry.msgid)
    same.update(
        entry.msgid for entry in polib.pofile(str(PROJECT_CATALOG)) if same_in_german(entry)
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
        # Whole words only: "be" in a file name like "9be14.pdf" is none; and no abbreviation in
        # capitals ("IT.NRW", the state's statistics office).
        words = {
            word.casefold()
            for word in re.findall(r"\b[^\W\d_]+\b", " ".join(text.split()))
            if not (word.isupper() and len(word) > 1)
        }
        if (
            normalized in plain
            or words & ENGLISH_WORDS
            or any(pattern.fullmatch(normalized) for pattern, _msgid in patterns)
        ):
            found.add(" ".join(text.split()))
    return found
