"""Meetings as iCalendar (RFC 5545), written by the icalendar library: one feed for all
meetings, one per body, and one file per meeting for "In meinen Kalender".

Only published meetings; a feed holds the latest PAST_LIMIT meetings that have begun and the next
UPCOMING_LIMIT, so it costs the same however many years of meetings there are. The responses read
nothing of the visitor (no session, no cookie), so any cache may keep them for a while.
"""

import datetime

from django.conf import settings
from django.db.models import Count, DateTimeField, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import cache_control
from icalendar import Calendar, Event, vDuration

from core.feeds import FEED_MAX_AGE, ID_DOMAIN
from core.siteurl import absolute_url
from core.text import clean_line, clean_text

from .models import Body, Meeting
from .vtimezone import vtimezone

PRODID = "-//Stadtregion Münster//Termine//DE"
# Bodies meet a few times a year: this is years of meetings, and a bounded file.
PAST_LIMIT = 100
UPCOMING_LIMIT = 200
EARLIEST = datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC)
# Subscribed calendars ask again after this; a cancellation reaches them within hours.
REFRESH_INTERVAL = datetime.timedelta(hours=6)


def for_calendar(meetings):
    """With the body and SEQUENCE: the saves after the first, counted in the change history, so a
    client that imported the meeting once takes a later file (say, a cancellation) as an update."""
    saves = (
        Meeting.history.filter(id=OuterRef("pk"))
        .order_by()
        .values("id")
        .annotate(count=Count("*"))
        .values("count")
    )
    return meetings.select_related("body").annotate(
        saves=Subquery(saves, output_field=IntegerField())
    )


def meeting_uid(meeting: Meeting) -> str:
    # Must not change when the site moves to another host name (RFC 5545 3.8.4.7).
    return f"meeting-{meeting.pk}@{ID_DOMAIN}"


def meeting_location(meeting: Meeting) -> str:
    parts = (meeting.location, meeting.room, meeting.address)
    return clean_line(", ".join(part for part in parts if part))


def meeting_description(meeting: Meeting) -> str:
    """What someone who wants to attend needs: who may, step-free access, directions."""
    parts = [meeting.body.name, meeting.get_attendance_display(), meeting.description]
    if meeting.step_free_access:
        parts.append(f"Barrierefreier Zugang: {meeting.step_free_access}")
    if meeting.directions:
        parts.append(f"Anfahrt: {meeting.directions}")
    return clean_text("\n\n".join(part for part in parts if part)).strip()


def meeting_event(meeting: Meeting, url: str) -> Event:
    # Text through core.text: icalendar writes a bare carriage return into the line, which
    # breaks the file for every reader (and its own parser), and other controls are noise.
    title = clean_line(meeting.title)
    summary = title if not meeting.cancelled else f"Abgesagt: {title}"
    description = meeting_description(meeting)
    return Event.new(
        uid=meeting_uid(meeting),
        # Without METHOD, DTSTAMP is the time the information last changed (RFC 5545 3.8.7.2):
        # an event stays the same bytes until an editor saves the meeting.
        stamp=meeting.updated_at,
        last_modified=meeting.updated_at,
        created=meeting.created_at,
        start=timezone.localtime(meeting.start),
        end=timezone.localtime(meeting.end) if meeting.end else None,
        summary=summary,
        description=description,
        location=meeting_location(meeting) or None,
        status="CANCELLED" if meeting.cancelled else "CONFIRMED",
        url=url,
        sequence=(meeting.saves or 1) - 1,  # see for_calendar()
    )


def build_calendar(meetings: list[Meeting], *, name: str, uid: str) -> bytes:
    """The meetings as one VCALENDAR with the VTIMEZONE of Europe/Berlin; links to the meetings
    on the configured site address (core.siteurl), whichever host served the file."""
    # Subscribers see the name among their other calendars: it names the site, too.
    calendar = Calendar.new(
        prodid=PRODID,
        uid=f"{uid}@{ID_DOMAIN}",  # the library would invent a new one on every request
        name=f"{clean_line(name)} – {settings.SITE_NAME}",
        description=f"Sitzungen und Termine der Gremien der {settings.SITE_NAME}",
        language="de",
    )
    # RFC 7986 wants VALUE=DURATION written out; Outlook reads the older X-PUBLISHED-TTL.
    calendar.add("REFRESH-INTERVAL", vDuration(REFRESH_INTERVAL), parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH_INTERVAL))
    # Always given, also for an empty feed, so a subscriber's client knows the zone; it spans
    # the meetings' years only (and whole years, so it is cached), to keep the file small.
    years = [timezone.localdate(m.start).year for m in meetings] or [timezone.localdate().year]
    calendar.add_component(vtimezone(settings.TIME_ZONE, min(years) - 1, max(years) + 2))
    calendar.add("X-WR-TIMEZONE", settings.TIME_ZONE)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, absolute_url(meeting.get_absolute_url())))
    return calendar.to_ical()


@method_decorator(cache_control(max_age=FEED_MAX_AGE, public=True), name="dispatch")
class CalendarView(View):
    """Answers GET with the .ics of ``get_meetings()``; subclasses pick the meetings."""

    filename = "termine.ics"
    # A subscription, read again and again by calendar programs: not a file to download once.
    disposition = "inline"
    name = "Termine"
    uid = "termine"

    def meetings(self):
        return Meeting.objects.published()

    def get_meetings(self):
        """From the PAST_LIMIT-th latest meeting that has begun on, at most PAST_LIMIT +
        UPCOMING_LIMIT: one query, whatever the archive holds."""
        meetings = self.meetings()
        oldest = meetings.past().values("start")[PAST_LIMIT - 1 : PAST_LIMIT]
        since = Coalesce(Subquery(oldest), Value(EARLIEST), output_field=DateTimeField())
        return for_calendar(meetings.filter(start__gte=since)).order_by("start", "pk")[
            : PAST_LIMIT + UPCOMING_LIMIT
        ]

    def get_name(self) -> str:
        return self.name

    def get_uid(self) -> str:
        return self.uid

    def get_filename(self) -> str:
        return self.filename

    def get(self, request, *args, **kwargs):
        meetings = list(self.get_meetings())
        content = build_calendar(
            meetings,
            name=self.get_name(),
            uid=self.get_uid(),
        )
        response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'{self.disposition}; filename="{self.get_filename()}"'
        return response


class BodyCalendarView(CalendarView):
    def meetings(self):
        self.body = get_object_or_404(Body, slug=self.kwargs["slug"])
        return super().meetings().filter(body=self.body)

    def get_name(self) -> str:
        return f"Termine: {self.body.name}"

    def get_uid(self) -> str:
        return f"termine-body-{self.body.pk}"

    def get_filename(self) -> str:
        return f"termine-{self.body.slug}.ics"


class MeetingCalendarView(CalendarView):
    """One meeting, past or future, for the visitor's own calendar."""

    disposition = "attachment"

    def get_meetings(self):
        meetings = for_calendar(Meeting.objects.published().filter(slug=self.kwargs["slug"]))
        if not meetings:
            raise Http404("Termin nicht gefunden")
        self.meeting = meetings[0]
        return [self.meeting]

    def get_name(self) -> str:
        return self.meeting.title

    def get_uid(self) -> str:
        return f"meeting-{self.meeting.pk}-file"

    def get_filename(self) -> str:
        return f"{self.meeting.slug}.ics"
