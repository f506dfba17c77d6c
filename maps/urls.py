"""The region map page, its GeoJSON and the frames that draw the maps after consent."""

from django.urls import path

from . import views

urlpatterns = [
    path("karte/", views.MapPageView.as_view(), name="map"),
    path("karte/daten.geojson", views.map_data, name="map_data"),
    path("einbettung/karte/", views.map_embed, name="map_embed"),
    path("einbettung/karte/<slug:slug>/", views.map_embed, name="map_embed_town"),
]
