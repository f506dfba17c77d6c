"""Markdown as the public site shows it: one renderer for the pages, the admin's live preview and
the check of editors' images.

Editors write Markdown; whatever HTML they paste is reduced to a safe subset by nh3. Images are
kept only when they come from the image library (our own media URL under LIBRARY_DIRECTORY) and
have an alternative text: any other address would make visitors' browsers ask a third party.
"""

import re
from functools import lru_cache
from html import unescape

import markdown as md
import nh3
from django.conf import settings
from django.utils.html import format_html

from uploads.formats import KINDS

from .models import LIBRARY_DIRECTORY

_ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "abbr", "code", "img",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope"},
    "img": {"src", "alt", "title"},
}

# The page title is the only h1, and the outline stops at h4: "# Abschnitt" becomes a section
# heading (h2) and "##### Detail" an h4, instead of losing their heading markup to the cleaner.
_HEADING_LEVELS = {"1": "2", "5": "4", "6": "4"}
_HEADING_TAG = re.compile(r"<(/?)h([156])>")
# nh3 writes every attribute as name="value" with quotes escaped, so its output parses simply.
_IMAGE = re.compile(r"(<p>)?(<img\b[^>]*>)(</p>)?")
_ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')
_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)


def library_image_name(src: str) -> str | None:
    """The stored name ("bilder/<hex>.jpg") if `src` is the address of a library image."""
    extensions = "|".join(sorted(set(KINDS["image"].extensions.values())))
    pattern = (
        rf"{re.escape(settings.MEDIA_URL)}({LIBRARY_DIRECTORY}/[0-9a-f]{{32}}\.(?:{extensions}))"
    )
    match = re.fullmatch(pattern, src)
    return match[1] if match else None


def _to_html(text: str) -> str:
    html = md.markdown(text or "", extensions=["sane_lists", "tables"], output_format="html")
    return _HEADING_TAG.sub(lambda m: f"<{m[1]}h{_HEADING_LEVELS[m[2]]}>", html)


def images(text: str) -> list[dict[str, str]]:
    """The attributes of every image the text asks for, written in Markdown or pasted as HTML."""
    html = nh3.clean(_to_html(text), tags={"img"}, attributes={"img": {"src", "alt", "title"}})
    return [_attributes(match[2]) for match in _IMAGE.finditer(html)]


def _attributes(tag: str) -> dict[str, str]:
    return {name: unescape(value) for name, value in _ATTRIBUTE.findall(tag)}


def _image(match: re.Match) -> str:
    attributes = _attributes(match[2])
    src, alt = attributes.get("src", ""), attributes.get("alt", "").strip()
    if not alt or library_image_name(src) is None:
        # Dropped, not linked: the admin form refuses such images, so only pasted HTML and texts
        # from before the library lose them here (with their paragraph, if it held nothing else).
        return "" if match[1] and match[3] else (match[1] or match[3] or "")
    image = format_html('<img src="{}" alt="{}" loading="lazy" decoding="async">', src, alt)
    credit = attributes.get("title", "").strip()
    if match[1] and match[3]:
        # An image on its own line is a figure; its Markdown title is the Bildnachweis.
        caption = format_html("<figcaption>{}</figcaption>", credit) if credit else ""
        return format_html("<figure>{}{}</figure>", image, caption)
    return f"{match[1] or ''}{image}{match[3] or ''}"


def _tables(html: str) -> str:
    """Wide tables scroll in a focusable, named box; column headers say they head columns."""
    count = 0

    def wrap(match: re.Match) -> str:
        nonlocal count
        count += 1
        body = match[1].replace("<th>", '<th scope="col">')
        return (
            f'<div class="table-scroll" tabindex="0" role="region" aria-label="Tabelle {count}">'
            f'<table class="data-table">{body}</table></div>'
        )

    return _TABLE.sub(wrap, html)


# Texts up to this length are rendered once per process and remembered (the most recent ones).
REMEMBERED_LENGTH = 20_000


@lru_cache(maxsize=512)
def _render_remembered(text: str) -> str:
    return _render(text)


def _render(text: str) -> str:
    html = nh3.clean(_to_html(text), tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES)
    return _tables(_IMAGE.sub(_image, html))


def render(text: str) -> str:
    """Safe HTML for the text: the only path from an editor's Markdown to visitors. The same
    text gives the same HTML, so a page's text is parsed once, not on every render."""
    text = text or ""
    return _render_remembered(text) if len(text) <= REMEMBERED_LENGTH else _render(text)
