"""Template filters used across the site: Markdown for editors' text, German durations."""

from django import template
from django.utils.safestring import mark_safe

from core.markdown import render

register = template.Library()


@register.filter(is_safe=True)
def markdown(text: str) -> str:
    """Office staff write Markdown; the admin's preview shows the same HTML (core.markdown)."""
    return mark_safe(render(text))


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


@register.filter
def elided_pages(page):
    """Page numbers around the current one and at both ends, "…" for the gaps: a list of 300
    pages links about ten, not every one."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
