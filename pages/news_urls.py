"""The news at /aktuelles/; the site includes these before the pages' catch-all /<slug>/."""

from django.urls import path

from core.feeds import FEED_MAX_AGE
from core.interfaces import interface

from . import feeds, views

app_name = "news"
urlpatterns = [
    path("", views.NewsListView.as_view(), name="list"),
    path("atom.xml", interface(feeds.NewsFeed(), max_age=FEED_MAX_AGE), name="feed"),
    path("<slug:slug>/", views.NewsDetailView.as_view(), name="detail"),
]
