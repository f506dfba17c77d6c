"""A handful of landmarks per page, and titles that tell pages apart (issue 22)."""

from collections import Counter
from html.parser import HTMLParser

import pytest

LANDMARK_ROLES = {"banner", "navigation", "main", "contentinfo", "search", "region",
                  "complementary", "form"}  # fmt: skip
SECTIONING = {"article", "aside", "main", "nav", "section"}
# Header, main navigation, site search, consent banner, breadcrumbs, sub-navigation, a filter,
# a list's page navigation, main, footer.
MAX_LANDMARKS = 10


class _Landmarks(HTMLParser):
    """Landmarks as browsers map them (HTML-AAM): header and footer only outside sectioning
    content, section and form only with a name."""

    VOID = {"br", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.roles: Counter = Counter()
        self._title: list[str] | None = None
        self.title = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        named = "aria-label" in attrs or "aria-labelledby" in attrs
        role = attrs.get("role") or {
            "main": "main",
            "nav": "navigation",
            "aside": "complementary",
            "search": "search",
        }.get(tag)
        inside_sectioning = any(t in SECTIONING for t in self.stack)
        if not role and tag == "header" and not inside_sectioning:
            role = "banner"
        if not role and tag == "footer" and not inside_sectioning:
            role = "contentinfo"
        if not role and tag in ("section", "form") and named:
            role = "region" if tag == "section" else "form"
        counted = role in LANDMARK_ROLES and (named or role not in ("region", "form"))
        if counted and "hidden" not in attrs:
            self.roles[role] += 1
        if tag == "title":
            self._title = []
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "title" and self._title is not None:
            self.title = "".join(self._title).strip()
            self._title = None
        while self.stack:
            if self.stack.pop() == tag:
                break

    def handle_data(self, data):
        if self._title is not None:
            self._title.append(data)


def read(html: str) -> _Landmarks:
    parser = _Landmarks()
    parser.feed(html)
    return parser


def test_counter_sees_named_sections_and_ignores_nested_headers():
    html = (
        "<header></header><main><article><header></header></article>"
        '<section aria-labelledby="x"></section><section></section></main><footer></footer>'
    )
    assert read(html).roles == Counter(banner=1, main=1, region=1, contentinfo=1)


@pytest.mark.django_db
def test_every_public_page_has_a_handful_of_landmarks(seeded_site):
    crowded = {
        path: dict(landmarks.roles)
        for path, html in sorted(seeded_site.pages.items())
        if sum((landmarks := read(html)).roles.values()) > MAX_LANDMARKS
    }
    assert crowded == {}


def title_of(client, url, params=None) -> str:
    return read(client.get(url, params or {}).content.decode()).title


@pytest.mark.django_db
def test_titles_name_the_filter_and_the_error(client):
    from tests.factories import FieldOfActionFactory

    field = FieldOfActionFactory(name="Wohnen")
    assert title_of(client, "/projekte/").startswith("Projekte – Stadtregion")
    assert title_of(client, "/projekte/", {"handlungsfeld": field.slug}).startswith(
        "Projekte – Handlungsfeld: Wohnen – "
    )
    assert title_of(client, "/projekte/", {"status": "laufend"}).startswith(
        "Projekte – Status: laufend – "
    )
    assert title_of(client, "/projekte/", {"status": "gibt-es-nicht"}).startswith(
        "Fehler: Projekte – "
    )
    assert title_of(client, "/dokumente/", {"art": "protokoll"}).startswith(
        "Dokumente – Art: Niederschrift (Protokoll) – "
    )
