"""Template filters used across the site: Markdown for editors' text, German durations."""

import re

import markdown as md
import nh3
from django import template
from django.utils.safestring import mark_safe

register = template.Library()

_ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "abbr", "code",
}  # fmt: skip


# The page title is the only h1, and the outline stops at h4: "# Abschnitt" becomes a section
# heading (h2) and "##### Detail" an h4, instead of losing their heading markup to the cleaner.
_HEADING_LEVELS = {"1": "2", "5": "4", "6": "4"}
_HEADING_TAG = re.compile(r"<(/?)h([156])>")


@register.filter(is_safe=True)
def markdown(text: str) -> str:
    """Office staff write Markdown; whatever HTML they paste is reduced to a safe subset."""
    html = md.markdown(text or "", extensions=["sane_lists", "tables"], output_format="html")
    html = _HEADING_TAG.sub(lambda m: f"<{m[1]}h{_HEADING_LEVELS[m[2]]}>", html)
    return mark_safe(
        nh3.clean(
            html,
            tags=_ALLOWED_TAGS,
            attributes={"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}},
        )
    )


@register.filter
def duration_de(value) -> str:
    """A timedelta as German reading text: "3:25 Min." or "1:02:05 Std."."""
    if value is None:
        return ""
    total = int(value.total_seconds())
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d} Std."
    return f"{minutes}:{seconds:02d} Min."
