from django.urls import path

from core.feeds import FEED_MAX_AGE
from core.interfaces import interface

from . import calendar, feeds, views

app_name = "governance"
urlpatterns = [
    path("gremien/", views.BodyListView.as_view(), name="body_list"),
    path("gremien/<slug:slug>/", views.BodyDetailView.as_view(), name="body_detail"),
    path(
        "gremien/<slug:slug>/ehemalige/",
        views.FormerMembersView.as_view(),
        name="body_former_members",
    ),
    path(
        "gremien/<slug:slug>/kalender.ics",
        interface(calendar.BodyCalendarView.as_view(), max_age=FEED_MAX_AGE),
        name="body_calendar",
    ),
    path("termine/", views.MeetingListView.as_view(), name="meeting_list"),
    path(
        "termine/kalender.ics",
        interface(calendar.CalendarView.as_view(), max_age=FEED_MAX_AGE),
        name="meeting_calendar",
    ),
    path(
        "termine/atom.xml",
        interface(feeds.MeetingFeed(), max_age=FEED_MAX_AGE),
        name="meeting_feed",
    ),
    path("termine/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path(
        "termine/<slug:slug>/kalender.ics",
        interface(calendar.MeetingCalendarView.as_view(), max_age=FEED_MAX_AGE),
        name="meeting_ics",
    ),
    path("dokumente/", views.DocumentListView.as_view(), name="document_list"),
    path(
        "dokumente/atom.xml",
        interface(feeds.DocumentFeed(), max_age=FEED_MAX_AGE),
        name="document_feed",
    ),
    path("dokumente/<slug:slug>/", views.DocumentDetailView.as_view(), name="document_detail"),
    path(
        "dokumente/<slug:slug>/datei.pdf",
        views.DocumentDownloadView.as_view(),
        name="document_download",
    ),
    path("chronik/", views.TimelineView.as_view(), name="timeline"),
]
