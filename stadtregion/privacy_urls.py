"""Privacy settings, the region map and the frames for external media (before the page route)."""

from django.urls import path, re_path

from . import consent_views, map_views

urlpatterns = [
    path("datenschutz-einstellungen/", consent_views.consent_settings, name="consent_settings"),
    path("karte/", map_views.MapPageView.as_view(), name="map"),
    path("karte/daten.geojson", map_views.map_data, name="map_data"),
    path("einbettung/karte/", map_views.map_embed, name="map_embed"),
    path("einbettung/karte/<slug:slug>/", map_views.map_embed, name="map_embed_town"),
    re_path(
        r"^einbettung/video/(?P<video_id>[A-Za-z0-9_-]{11})/$",
        consent_views.video_embed,
        name="video_embed",
    ),
]
