from django.urls import path

from . import views

# The catch-all for /<slug>/: the site includes it last (pages.models.reserved_slugs).
urlpatterns = [path("<slug:slug>/", views.PageView.as_view(), name="page")]
