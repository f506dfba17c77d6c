"""A town's calendar and feed under the town's address (/kommunen/<slug>/…), before the members
app's routes; renamed towns' former addresses keep working (members.views.follow_renamed)."""

from django.urls import path

from members.views import follow_renamed

from . import towns

app_name = "towns"
urlpatterns = [
    path(
        "<slug:slug>/kalender.ics",
        follow_renamed(towns.TownCalendarView.as_view()),
        name="calendar",
    ),
    path("<slug:slug>/atom.xml", follow_renamed(towns.TownFeed()), name="feed"),
]
