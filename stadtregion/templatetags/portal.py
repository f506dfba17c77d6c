"""Template helpers used across the site."""

import markdown as md
import nh3
from django import template
from django.utils.safestring import mark_safe

register = template.Library()

_ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "abbr", "code",
}  # fmt: skip


@register.filter(is_safe=True)
def markdown(text: str) -> str:
    """Office staff write Markdown; whatever HTML they paste is reduced to a safe subset."""
    html = md.markdown(text or "", extensions=["sane_lists", "tables"], output_format="html")
    return mark_safe(
        nh3.clean(
            html,
            tags=_ALLOWED_TAGS,
            attributes={"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}},
        )
    )
