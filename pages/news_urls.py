"""The news at /aktuelles/; the site includes these before the pages' catch-all /<slug>/."""

from django.urls import path

from . import feeds, views

app_name = "news"
urlpatterns = [
    path("", views.NewsListView.as_view(), name="list"),
    path("atom.xml", feeds.NewsFeed(), name="feed"),
    path("<slug:slug>/", views.NewsDetailView.as_view(), name="detail"),
]
