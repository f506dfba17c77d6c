"""Language of parts (WCAG 3.1.2): English on the public pages sits inside lang="en"."""

import re
from html.parser import HTMLParser

from tests.german_text import ENGLISH_WORDS

# Terms German texts of the portal borrow from English without the language having adopted
# them (unlike Cookie, Download, Feedback, Widget, which the Duden lists). Proper names such as
# "European Energy Award" are exempt (3.1.2), though Markdown texts mark them too.
ENGLISH_TERMS = ("Access key", "Nu HTML Checker")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")


class _GermanText(HTMLParser):
    """Text nodes whose nearest lang is German (scripts, styles, code and the title aside: a title
    cannot mark parts)."""

    SKIPPED = {"script", "style", "title", "textarea", "code"}

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str | None, bool]] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, dict(attrs).get("lang"), tag in self.SKIPPED))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if any(skipped for *_, skipped in self.stack):
            return
        lang = next((lang for _, lang, _ in reversed(self.stack) if lang), "de")
        if lang.startswith("de") and data.strip():
            self.texts.append(data)


def english_outside_lang_en(html: str) -> set[str]:
    parser = _GermanText()
    parser.feed(html)
    found = set()
    for text in parser.texts:
        found |= {term for term in ENGLISH_TERMS if term in text}
        found |= {w for w in WORD.findall(text) if w in ENGLISH_WORDS and w.lower() == w}
    return found


def test_parser_finds_english_outside_lang_en():
    html = '<html lang="de"><p>Zum Inhalt (Access key c) <span lang="en">Access key</span></p>'
    assert english_outside_lang_en(html) == {"Access key"}
    assert english_outside_lang_en('<p lang="en">Please click here</p>') == set()


def test_english_on_every_public_page_is_marked(seeded_site, db):
    problems = {
        path: found
        for path, html in sorted(seeded_site.pages.items())
        if (found := english_outside_lang_en(html))
    }
    assert problems == {}
