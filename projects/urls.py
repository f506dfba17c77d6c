from django.urls import path

from core.feeds import FEED_MAX_AGE
from core.interfaces import interface

from . import feeds, views

app_name = "projects"
urlpatterns = [
    path("handlungsfelder/", views.FieldOfActionListView.as_view(), name="field_list"),
    path(
        "handlungsfelder/<slug:slug>/", views.FieldOfActionDetailView.as_view(), name="field_detail"
    ),
    path("projekte/", views.ProjectListView.as_view(), name="project_list"),
    path(
        "projekte/atom.xml",
        interface(feeds.ProjectFeed(), max_age=FEED_MAX_AGE),
        name="project_feed",
    ),
    path("projekte/<slug:slug>/", views.ProjectDetailView.as_view(), name="project_detail"),
    path("arbeitsgruppen/", views.WorkingGroupListView.as_view(), name="group_list"),
    path(
        "arbeitsgruppen/<slug:slug>/", views.WorkingGroupDetailView.as_view(), name="group_detail"
    ),
]
