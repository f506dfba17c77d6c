"""Privacy settings and the first-party frame for external videos."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("datenschutz-einstellungen/", views.consent_settings, name="consent_settings"),
    re_path(
        r"^einbettung/video/(?P<video_id>[A-Za-z0-9_-]{11})/$",
        views.video_embed,
        name="video_embed",
    ),
]
