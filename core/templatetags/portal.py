"""Template filters used across the site: German durations, elided page numbers."""

from django import template

register = template.Library()


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
