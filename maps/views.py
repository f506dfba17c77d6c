"""The region map: the /karte/ page, our GeoJSON endpoint, and the frame that draws the map."""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from django.views.generic import TemplateView

from core.tiles import map_options
from core.views import declare_queries
from members.models import Municipality
from privacy.embeds import render_embed

from .geo import feature_collection, located_municipalities, located_projects

TOWN_ZOOM = 13

MAP_LABELS = {
    "municipalities": "Kommunen",
    "projects": "Projektstandorte",
    "toMunicipality": "Zur Seite der Kommune",
    "toProject": "Zum Projekt",
    "field": "Handlungsfeld",
    "demo": "Beispielinhalt",
    "error": "Die Kartendaten konnten nicht geladen werden. Bitte nutzen Sie die Liste.",
    # Leaflet's own controls speak English unless told otherwise.
    "zoomIn": "Vergrößern",
    "zoomOut": "Verkleinern",
    "layers": "Ebenen",
    "close": "Schließen",
    "leaflet": "JavaScript-Bibliothek für interaktive Karten",
    "twoFingers": "Zum Verschieben der Karte zwei Finger benutzen",
}


class MapPageView(TemplateView):
    template_name = "maps/map_page.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["municipalities"] = Municipality.objects.all()
        context["projects"] = located_projects()
        return context


@require_GET
def map_data(request):
    """GeoJSON (RFC 7946) of all markers, or of one town (?kommune=<slug>) and its projects."""
    slug = request.GET.get("kommune") or None
    if slug is not None and not located_municipalities(slug).exists():
        raise Http404("Keine Kommune mit Kartenposition unter diesem Kürzel")
    response = JsonResponse(feature_collection(slug), content_type="application/geo+json")
    # No max-age: a withdrawn or newly scheduled project must leave or join the map at once.
    # The server's page cache keeps repeated requests cheap.
    response["Cache-Control"] = "no-cache"
    declare_queries(response, [("kommune", slug)] if slug else [])
    return response


def map_config(municipality: Municipality | None = None) -> dict:
    """What static/maps/map.js reads: tiles, centre and zoom from LEAFLET_CONFIG, and our data."""
    config = map_options()
    data_url = reverse("map_data")
    if municipality is not None:
        data_url += f"?kommune={municipality.slug}"
        config["center"] = [float(municipality.latitude), float(municipality.longitude)]
        config["zoom"] = TOWN_ZOOM
    return {
        **config,
        "dataUrl": data_url,
        "fitToData": municipality is None,
        "focus": municipality.slug if municipality else None,
        "labels": MAP_LABELS,
    }


@never_cache
@csrf_exempt  # one-time consent posts are checked by render_embed's same-origin test
@xframe_options_sameorigin
@require_http_methods(["GET", "POST"])
def map_embed(request, slug: str | None = None):
    municipality = get_object_or_404(located_municipalities(slug)) if slug else None
    title = f"Karte von {municipality.name}" if municipality else "Karte der Stadtregion Münster"
    context = {"title": title, "config": map_config(municipality)}
    return render_embed(request, "osm", "maps/frame.html", context)
