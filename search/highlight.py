"""Highlighted titles and snippets as safe HTML, whichever backend found them.

Matches are marked in Python for both databases, word by word as the search compared them
(folded, without endings), with two private-use characters instead of tags. Only here does text become HTML: everything is
escaped first, then each complete pair of markers turns into <mark>…</mark>, so neither the
content nor the query can inject markup, and a stray marker in the content is dropped.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .text import dotless_variants, fold

START, STOP = "\ue000", "\ue001"
_PAIR = re.compile(f"{START}([^{START}{STOP}]*){STOP}")
SNIPPET_CHARS = 240  # about 35 words
ELLIPSIS = " … "


def to_html(marked: str) -> SafeString:
    text = " ".join(escape(marked).split())
    text = _PAIR.sub(r"<mark>\1</mark>", text)
    return mark_safe(text.replace(START, "").replace(STOP, ""))  # escaped above


@dataclass(frozen=True)
class ParsedQuery:
    """A query read the way PostgreSQL's websearch_to_tsquery reads it, for the fallback:
    words and "quoted phrases" must all occur, "or" separates alternatives, -word excludes."""

    groups: tuple[tuple[str, ...], ...]  # alternatives, each a tuple of terms that must occur
    excluded: tuple[str, ...]

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(term for group in self.groups for term in group))


_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def parse(query: str) -> ParsedQuery:
    groups, current, excluded = [], [], []
    for match in _TOKEN.finditer(query):
        negated, phrase, word = match.group(1), match.group(2), match.group(3)
        if word is not None and word.lower() == "or":
            if current:
                groups.append(tuple(current))
            current = []
            continue
        if word is not None and word.startswith("-"):
            negated, word = "-", word[1:]
        term = " ".join((phrase if phrase is not None else word).split()).strip("\"'")
        if not term:
            continue
        (excluded if negated else current).append(term)
    if current:
        groups.append(tuple(current))
    return ParsedQuery(tuple(groups), tuple(excluded))


_WORD = re.compile(r"\w+")


def _matcher(keys) -> Callable[[str], bool] | None:
    """Whether a word of the text counts as a match: its folded form ("muenster") or its
    dotless one ("munster") contains one of the query's keys (search.text), as the search
    compared them."""
    keys = tuple(k for k in keys if k)
    if not keys:
        return None

    def matches(word: str) -> bool:
        spellings = (fold(word), fold(dotless_variants(word)))
        return any(k in spelling for k in keys for spelling in spellings)

    return matches


def _matches(text: str, matcher) -> list[re.Match]:
    if matcher is None:
        return []
    return [m for m in _WORD.finditer(text) if matcher(m.group())]


def _mark(text: str, matcher) -> str:
    if matcher is None:
        return text
    return _WORD.sub(
        lambda m: f"{START}{m.group()}{STOP}" if matcher(m.group()) else m.group(), text
    )


def _clean(text: str) -> str:
    return " ".join(text.replace(START, "").replace(STOP, "").split())


def mark_title(title: str, keys) -> str:
    return _mark(_clean(title), _matcher(keys))


def has_match(text: str, keys) -> bool:
    return bool(_matches(_clean(text), _matcher(keys)))


def mark_snippet(text: str, keys, size: int = SNIPPET_CHARS) -> str:
    """A window of the text around the first match (or its start), matches marked."""
    text, matcher = _clean(text), _matcher(keys)
    found = next(iter(_matches(text, matcher)), None)
    start = 0
    if found and found.end() > size:
        # Begin at a word a third of the window before the match.
        start = text.rfind(" ", 0, max(found.start() - size // 3, 0)) + 1
    end = min(len(text), start + size)
    if end < len(text):
        cut = text.rfind(" ", start, end)  # end on a whole word, the match kept whole
        if cut > start and (found is None or cut >= found.end()):
            end = cut
    prefix = ELLIPSIS.lstrip() if start > 0 else ""
    suffix = ELLIPSIS.rstrip() if end < len(text) else ""
    return f"{prefix}{_mark(text[start:end].strip(), matcher)}{suffix}"
