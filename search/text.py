"""German text the way people type it, the same in Python for the index and for the query.

Folding turns "Münster", "Muenster" and "MÜNSTER" into "muenster" (ä/ö/ü/ß as ae/oe/ue/ss,
other accents dropped), on both databases alike; each word with an umlaut is indexed once more
with the dots dropped ("munster"), so that spelling finds it too. The database then stems
(PostgreSQL's German configuration) or compares parts of words (SQLite).
"""

import html
import re
import unicodedata

from editorial.markdown import render

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_DOTLESS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "ẞ": "ss"})
_WORD = re.compile(r"\w+")
# Block elements part words; inline ones (links, emphasis) sit inside a sentence.
_BLOCK = re.compile(
    r"</?(?:p|h\d|li|ul|ol|br|hr|tr|td|th|table|thead|tbody|blockquote|pre|div|figure|"
    r"figcaption|img)\b[^>]*>"
)
_TAG = re.compile(r"<[^>]+>")
# Endings dropped before comparing parts of words: "Radwege" is contained in "Radwegenetz",
# "Wohnungen" in "Wohnungsbau" only as "wohnung". Longest first.
_ENDINGS = ("ern", "en", "er", "es", "e", "n", "s")
MIN_STEM = 4


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case, umlauts as ae/oe/ue/ss, no other accents, words separated by one space."""
    text = _strip_accents(text.lower().translate(_UMLAUTS))
    return " ".join(_WORD.findall(text.replace("_", " ")))


def dotless_variants(text: str) -> str:
    """The words with an umlaut once more, dots dropped ("Münster" also as "munster")."""
    words = {w for w in _WORD.findall(text.lower()) if w != w.translate(_DOTLESS)}
    return " ".join(sorted(_strip_accents(w.translate(_DOTLESS)) for w in words))


def folded_for_index(text: str) -> str:
    variants = dotless_variants(text)
    return f"{fold(text)} {variants}".strip()


def stem(word: str) -> str:
    """A folded word without its inflection ending, for comparing parts of words."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def plain(markdown: str) -> str:
    """The text a visitor reads of an editor's Markdown: no markup, links as their words."""
    if not markdown:
        return ""
    text = _TAG.sub("", _BLOCK.sub(" ", render(markdown)))
    return " ".join(html.unescape(text).split())


def words(text: str) -> list[str]:
    return _WORD.findall(text)
