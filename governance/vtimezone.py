"""The VTIMEZONE of a calendar, written so that every client reads the same instants.

icalendar's ``Timezone.from_tzid`` lists a component's onsets as one multi-valued
``RDATE:a,b,c``; ical.js (Thunderbird) and vobject read only the first value, so every summer
after it came out an hour off. Here each onset after the first is an ``RDATE`` line of its own,
and each onset is the local time before the change (TZOFFSETFROM, RFC 5545 3.6.5), as Outlook
writes it. The transitions come from the zone database (zoneinfo), so a change of the rules
(no more daylight saving time, say) needs no change here.
"""

import datetime
from functools import cache
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

UTC = datetime.UTC
_DAY = datetime.timedelta(days=1)


def _offset(zone: ZoneInfo, instant: datetime.datetime) -> tuple[datetime.timedelta, str, bool]:
    local = instant.astimezone(zone)
    return local.utcoffset(), local.tzname(), bool(local.dst())


def _transitions(zone: ZoneInfo, start: datetime.datetime, end: datetime.datetime):
    """(instant in UTC, offset before, offset after, name after, daylight) of each change of
    the zone's offset or name in [start, end): found day by day, then to the minute."""
    day = start
    before = _offset(zone, day)
    while day < end:
        after = _offset(zone, day + _DAY)
        if after[:2] != before[:2]:
            low, high = day, day + _DAY
            while high - low > datetime.timedelta(minutes=1):  # offsets change on the minute
                middle = low + (high - low) / 2
                if _offset(zone, middle)[:2] == before[:2]:
                    low = middle
                else:
                    high = middle
            high = high.replace(second=0, microsecond=0)
            if _offset(zone, high)[:2] == before[:2]:
                high += datetime.timedelta(minutes=1)
            yield high, before[0], after[0], after[1], after[2]
        before = after
        day += _DAY


def _onset(instant: datetime.datetime, offset_from: datetime.timedelta) -> datetime.datetime:
    """A change's local time as RFC 5545 writes it: in the offset before the change, floating."""
    return (instant + offset_from).replace(tzinfo=None)


@cache
def vtimezone(tzid: str, first_year: int, last_year: int) -> Timezone:
    """The VTIMEZONE of ``tzid`` valid from 1 January of ``first_year`` through ``last_year``
    (cached, and not to be changed: calendars ask for the same few spans again and again)."""
    zone = ZoneInfo(tzid)
    start = datetime.datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime.datetime(last_year + 1, 1, 1, tzinfo=UTC)
    offset, name, daylight = _offset(zone, start)
    # The offset in force at the start of the span, for every time before the first change.
    groups = {(offset, offset, name, daylight): [datetime.datetime(first_year, 1, 1)]}
    for instant, offset_from, offset_to, name, daylight in _transitions(zone, start, end):
        groups.setdefault((offset_from, offset_to, name, daylight), []).append(
            _onset(instant, offset_from)
        )
    timezone = Timezone()
    timezone.add("TZID", tzid)
    for (offset_from, offset_to, name, daylight), onsets in groups.items():
        component = TimezoneDaylight() if daylight else TimezoneStandard()
        component.add("DTSTART", onsets[0])
        for onset in onsets[1:]:
            component.add("RDATE", onset)  # one line each
        component.add("TZNAME", name)
        component.add("TZOFFSETFROM", offset_from)
        component.add("TZOFFSETTO", offset_to)
        timezone.add_component(component)
    return timezone
