from django import template

from ..numbers import german, with_unit
from ..overview import latest_values_of_town

register = template.Library()


@register.filter
def number(value, decimals=0):
    """A value in German notation with the indicator's decimals: 512.345 or 6,7."""
    return german(value, int(decimals))


@register.filter
def exact(value):
    """A value in German notation with as many decimals as it has: 12.312,5 or 12.312."""
    if value is None:
        return "–"
    return german(value, max(0, -value.normalize().as_tuple().exponent))


@register.simple_tag
def amount(indicator, value):
    return with_unit(value, indicator.decimals, indicator.unit)


@register.inclusion_tag("figures/includes/town_figures.html")
def figures_of_municipality(municipality):
    return {"municipality": municipality, "values": latest_values_of_town(municipality)}
