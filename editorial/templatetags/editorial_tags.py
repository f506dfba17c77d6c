"""Markdown for editors' text on public pages."""

from django import template
from django.utils.safestring import mark_safe

from editorial.markdown import render

register = template.Library()


@register.filter(is_safe=True)
def markdown(text: str) -> str:
    """Office staff write Markdown; the admin's preview shows the same HTML (editorial.markdown)."""
    return mark_safe(render(text))
