"""The region or town map as a consent placeholder (privacy.embeds.placeholder)."""

from django import template
from django.urls import reverse

from privacy.embeds import placeholder

register = template.Library()


@register.inclusion_tag("privacy/embed.html", takes_context=True)
def map_embed(context, municipality=None, variant="region"):
    if municipality is not None and not municipality.has_location:
        return {"service": None}
    if municipality is None:
        src = reverse("map_embed")
        title, heading = "Karte der Stadtregion Münster", "Karte der Stadtregion Münster"
    else:
        src = reverse("map_embed_town", kwargs={"slug": municipality.slug})
        title, heading = f"Karte von {municipality.name}", f"Karte: {municipality.name}"
    return placeholder(
        context,
        "osm",
        src,
        title,
        heading,
        variant,
        "Karte laden",
        alternative_url=reverse("members:list"),
        alternative_label="Liste der Kommunen (ohne Karte)",
    )
