"""A town's calendar and feed under the town's address (/kommunen/<slug>/…), before the members
app's routes; renamed towns' former addresses keep working (members.views.follow_renamed)."""

from django.urls import path

from core.feeds import FEED_MAX_AGE
from core.interfaces import interface
from members.views import follow_renamed

from . import towns

app_name = "towns"
urlpatterns = [
    path(
        "<slug:slug>/kalender.ics",
        interface(follow_renamed(towns.TownCalendarView.as_view()), max_age=FEED_MAX_AGE),
        name="calendar",
    ),
    path(
        "<slug:slug>/atom.xml",
        interface(follow_renamed(towns.TownFeed()), max_age=FEED_MAX_AGE),
        name="feed",
    ),
]
