"""The calendars as clients read them: ical.js (the parser of Thunderbird), node-ical, vobject and
icalendar run on the very file and must see every meeting at the instant the database holds,
summers years ahead included."""

import datetime
import json
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.factories import BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def _node_times(content: bytes, package: str, script: str) -> dict:
    if not shutil.which("node") or not (settings.BASE_DIR / "node_modules" / package).exists():
        pytest.skip(f"node or {package} missing: run `make test`, which installs both")
    result = subprocess.run(
        ["node", str(Path(__file__).with_name(script))],
        input=content,
        capture_output=True,
        check=True,
        cwd=settings.BASE_DIR,  # node finds node_modules from here
        timeout=60,
    )
    return json.loads(result.stdout)


def icaljs_times(content: bytes) -> dict:
    """{uid: {"start": epoch seconds, "end": …}} as ical.js reads the file."""
    return _node_times(content, "ical.js", "icaljs_times.mjs")


def nodeical_times(content: bytes) -> dict:
    return _node_times(content, "node-ical", "nodeical_times.mjs")


def _python_times(events) -> dict:
    # Without DTEND an event ends when it starts (RFC 5545 3.6.1), as ical.js reads it.
    return {
        uid: {"start": int(start.timestamp()), "end": int((end or start).timestamp())}
        for uid, start, end in events
    }


def vobject_times(content: bytes) -> dict:
    import vobject

    calendar = vobject.readOne(content.decode())
    return _python_times(
        (e.uid.value, e.dtstart.value, e.dtend.value if hasattr(e, "dtend") else None)
        for e in calendar.vevent_list
    )


def icalendar_times(content: bytes) -> dict:
    calendar = Calendar.from_ical(content)
    return _python_times(
        (str(e["UID"]), e["DTSTART"].dt, e["DTEND"].dt if "DTEND" in e else None)
        for e in calendar.walk("VEVENT")
    )


READERS = {
    "ical.js": icaljs_times,
    "node-ical": nodeical_times,
    "vobject": vobject_times,
    "icalendar": icalendar_times,
}


def three_years_of_meetings(body=None):
    """A meeting about every 19 days from a year back to two years ahead, at changing hours,
    and some on the nights the clocks change."""
    today = timezone.localdate()
    meetings = []
    day = today - datetime.timedelta(days=365)
    for number in range(58):
        start = datetime.datetime.combine(day, datetime.time(8 + number % 12, 20 + number % 40))
        start = start.replace(tzinfo=BERLIN)
        meetings.append(
            MeetingFactory(
                body=body or BodyFactory(),
                start=start,
                end=start + datetime.timedelta(hours=2, minutes=15),
            )
        )
        day += datetime.timedelta(days=19)
    for year in (today.year, today.year + 1):
        for month in (3, 10):  # last Sundays: the nights of the change
            last = datetime.date(year, month, 31)
            last -= datetime.timedelta(days=(last.weekday() + 1) % 7)
            for hour in (0, 1, 4):
                start = datetime.datetime.combine(last, datetime.time(hour, 30), tzinfo=BERLIN)
                meetings.append(MeetingFactory(body=body or BodyFactory(), start=start))
    return meetings


def assert_icaljs_agrees(content: bytes, meetings, reader=icaljs_times):
    times = reader(content)
    expected = {
        f"meeting-{m.pk}@stadtregion-muenster.de": {
            "start": int(m.start.timestamp()),
            "end": int(m.end.timestamp()) if m.end else int(m.start.timestamp()),
        }
        for m in meetings
    }
    wrong = {
        uid: (times.get(uid), want) for uid, want in expected.items() if times.get(uid) != want
    }
    assert not wrong, f"{len(wrong)} of {len(expected)} meetings off: {wrong}"


@pytest.mark.parametrize("reader", READERS.values(), ids=READERS.keys())
def test_clients_read_three_years_of_meetings_at_their_instants(client, reader):
    meetings = three_years_of_meetings()

    response = client.get(reverse("governance:meeting_calendar"))

    assert response.status_code == 200
    assert_icaljs_agrees(response.content, meetings, reader)


def test_icaljs_reads_a_body_calendar_and_a_single_file(client):
    body = BodyFactory(slug="beirat")
    meetings = three_years_of_meetings(body)
    summer = max(meetings, key=lambda m: m.start)
    summer.slug = "sommer"
    summer.save()

    assert_icaljs_agrees(
        client.get(reverse("governance:body_calendar", args=["beirat"])).content, meetings
    )
    assert_icaljs_agrees(
        client.get(reverse("governance:meeting_ics", args=["sommer"])).content, [summer]
    )


def test_each_zone_onset_is_a_line_of_its_own():
    MeetingFactory(start=timezone.now() + datetime.timedelta(days=400))
    from django.test import Client

    content = Client().get(reverse("governance:meeting_calendar")).content.decode()

    rdates = [line for line in content.splitlines() if line.startswith("RDATE")]
    assert rdates and all("," not in line for line in rdates)
    zone = Calendar.from_ical(content).walk("VTIMEZONE")[0]
    # Onsets in the local time before the change: 02:00 in spring, 03:00 in autumn.
    onsets = {(c.name, c["DTSTART"].dt.hour) for c in zone.subcomponents if c.get("RDATE")}
    assert onsets == {("DAYLIGHT", 2), ("STANDARD", 3)}
