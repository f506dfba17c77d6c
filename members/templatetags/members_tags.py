"""Formatting of a municipality's figures the way German readers expect them (320.946; 302,89)."""

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html

register = template.Library()


@register.filter
def thousands(value) -> str:
    """An integer with German digit grouping, independent of USE_THOUSAND_SEPARATOR."""
    if value is None or value == "":
        return ""
    return number_format(value, 0, force_grouping=True)


@register.filter
def decimal2(value) -> str:
    """A figure with two decimals and a decimal comma: 302,89 (tables name the unit in the header)."""
    if value is None or value == "":
        return ""
    return number_format(value, 2, force_grouping=True)


@register.filter
def area(value) -> str:
    """An area with its unit: 302,89 km²."""
    if value is None or value == "":
        return ""
    return f"{decimal2(value)}\u00a0km²"  # no line break between number and unit


@register.simple_tag
def population(municipality) -> str:
    """'rund 9.800 (Stand 2023)': editors update the figure, so its reference year is shown."""
    prefix = "rund " if municipality.population_approximate else ""
    return format_html(
        '{}{} <span class="figure-date">(Stand {})</span>',
        prefix,
        thousands(municipality.population),
        municipality.population_year,
    )


@register.filter
def total(objects, attribute: str):
    """Sum of one attribute over an already loaded list (no extra query)."""
    return sum(getattr(obj, attribute) or 0 for obj in objects)
