"""Every public page, read from its HTML: reachable, titled, one h1, skip links first.

The pages come from the session's crawl of the seeded portal (`seeded_site`). Whether the skip
links really move the focus is a browser matter (tests/browser/test_accessibility.py).
"""

from html.parser import HTMLParser

TITLE_SUFFIX = " – Stadtregion Münster"
SKIP_LINKS = [  # the first two tab stops: access key, target, text
    ("c", "#main-content", "Zum Inhalt (Access key c)"),
    ("h", "#main-nav", "Zur Hauptnavigation (Access key h)"),
]
ACCESS_KEY_TARGETS = {"c": "#main-content", "h": "#main-nav", "u": "#sub-nav"}


class Outline(HTMLParser):
    """The parts of a page the checks need, in document order."""

    FOCUSABLE = {"button", "select", "textarea", "summary", "iframe"}

    def __init__(self, html: str):
        super().__init__()
        self.title, self.h1_count, self.ids = "", 0, set()
        self.focusable: list[dict] = []  # tab stops: tag and attributes (text for links)
        self.access_keys: list[dict] = []
        self._open: list[str] = []  # "title" or "a" while their text is read
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = {"tag": tag, **dict(attrs)}
        self.ids.add(attrs.get("id"))
        self.h1_count += tag == "h1"
        if self._is_focusable(attrs):
            self.focusable.append(attrs)
        if "accesskey" in attrs:
            self.access_keys.append(attrs)
        if tag in ("title", "a"):
            attrs["text"] = ""
            self._open.append(attrs)

    def handle_endtag(self, tag):
        if self._open and self._open[-1]["tag"] == tag:
            element = self._open.pop()
            if tag == "title" and not self.title:  # the document's; later ones name an SVG
                self.title = element["text"].strip()
            else:
                element["text"] = element["text"].strip()

    def handle_data(self, data):
        if self._open:
            self._open[-1]["text"] += data

    def _is_focusable(self, attrs) -> bool:
        tag = attrs["tag"]
        if attrs.get("tabindex", "0").startswith("-") or "disabled" in attrs:
            return False
        return (
            tag in self.FOCUSABLE
            or (tag == "a" and "href" in attrs)
            or (tag == "input" and attrs.get("type") != "hidden")
            or "tabindex" in attrs
        )


def test_every_section_member_and_field_is_reachable_from_the_home_page(seeded_site, db):
    pages = seeded_site.pages
    assert len(pages) > 40, f"crawl found only {len(pages)} pages"
    required = {
        "/kommunen/", "/handlungsfelder/", "/projekte/", "/arbeitsgruppen/", "/gremien/",
        "/termine/", "/dokumente/", "/chronik/", "/karte/", "/impressum/", "/datenschutz/",
        "/barrierefreiheit/", "/barrierefreiheit/feedback/", "/leichte-sprache/",
        "/gebaerdensprache/", "/kontakt/", "/ueber-uns/",
    }  # fmt: skip
    required |= {*seeded_site.member_urls, *seeded_site.field_urls}
    assert len(required) == 17 + 12 + 4
    assert required - set(pages) == set()


def test_every_public_page_has_a_title_one_h1_and_skip_links_first(seeded_site, db):
    problems = []
    for path, html in sorted(seeded_site.pages.items()):
        page = Outline(html)
        if not page.title.endswith(TITLE_SUFFIX):
            problems.append(f"{path}: title {page.title!r}")
        if page.h1_count != 1:
            problems.append(f"{path}: {page.h1_count} h1 elements")
        first_stops = [
            (a.get("accesskey"), a.get("href"), a.get("text")) for a in page.focusable[:2]
        ]
        if first_stops != SKIP_LINKS:
            problems.append(f"{path}: first tab stops are {first_stops}")
        keys = [link["accesskey"] for link in page.access_keys]
        if sorted(set(keys)) != sorted(keys) or not {"c", "h"} <= set(keys):
            problems.append(f"{path}: access keys {keys}")
        for link in page.access_keys:
            target = ACCESS_KEY_TARGETS.get(link["accesskey"])
            if link.get("href") != target or target[1:] not in page.ids:
                problems.append(f"{path}: access key {link['accesskey']} does not lead to {target}")
    assert problems == [], "\n".join(problems)
