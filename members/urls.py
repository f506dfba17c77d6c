from django.urls import path

from . import views
from .views import follow_renamed

app_name = "members"
urlpatterns = [
    path("", views.MunicipalityListView.as_view(), name="list"),
    path("<slug:slug>/", follow_renamed(views.MunicipalityDetailView.as_view()), name="detail"),
    path("<slug:slug>/einbinden/", follow_renamed(views.EmbedSnippetsView.as_view()), name="embed"),
    path("<slug:slug>/plakette.png", follow_renamed(views.badge), name="badge"),
    path("<slug:slug>/widget/", follow_renamed(views.widget), name="widget"),
    path(
        "<slug:slug>/widget/kompakt/",
        follow_renamed(views.widget),
        {"compact": True},
        name="widget_compact",
    ),
]
