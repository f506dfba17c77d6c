from django.urls import path

from . import views

app_name = "governance"
urlpatterns = [
    path("gremien/", views.BodyListView.as_view(), name="body_list"),
    path("gremien/<slug:slug>/", views.BodyDetailView.as_view(), name="body_detail"),
    path("termine/", views.MeetingListView.as_view(), name="meeting_list"),
    path("termine/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("dokumente/", views.DocumentListView.as_view(), name="document_list"),
    path("dokumente/<slug:slug>/", views.DocumentDetailView.as_view(), name="document_detail"),
    path(
        "dokumente/<slug:slug>/datei.pdf",
        views.DocumentDownloadView.as_view(),
        name="document_download",
    ),
    path("chronik/", views.TimelineView.as_view(), name="timeline"),
]
