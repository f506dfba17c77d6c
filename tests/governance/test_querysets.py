"""The visibility of agenda items and the meetings of a period, as views and OParl read them."""

import datetime

import pytest
from django.utils import timezone

from governance.models import AgendaItem, Meeting
from governance.querysets import months_between
from tests.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_visitors_see_public_items_of_published_meetings_only():
    shown = AgendaItemFactory()
    AgendaItemFactory(meeting=shown.meeting, is_public=False)  # closed session
    AgendaItemFactory(meeting=MeetingFactory(is_published=False))
    AgendaItemFactory(
        meeting=MeetingFactory(publish_from=timezone.now() + datetime.timedelta(days=1))
    )

    assert list(AgendaItem.objects.visible()) == [shown]
    assert AgendaItem.objects.on_public_agenda().count() == 3


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_a_month_runs_from_local_midnight_to_local_midnight():
    first = datetime.date(2026, 11, 1)
    before = MeetingFactory(start=_at(datetime.date(2026, 10, 31), 23))  # 22:00 UTC
    inside = MeetingFactory(start=_at(first, 0))  # 23:00 UTC on 31 October
    last = MeetingFactory(start=_at(datetime.date(2026, 11, 30), 23))
    after = MeetingFactory(start=_at(datetime.date(2026, 12, 1), 0))

    assert set(Meeting.objects.in_month(first)) == {inside, last}
    assert list(Meeting.objects.before_day(first)) == [before]
    assert list(Meeting.objects.after_month(first)) == [after]
    assert set(Meeting.objects.in_year(2026)) == {before, inside, last, after}
    assert Meeting.objects.local_span() == (datetime.date(2026, 10, 31), datetime.date(2026, 12, 1))
    assert months_between(datetime.date(2026, 10, 31), datetime.date(2026, 12, 1)) == [
        datetime.date(2026, 12, 1), datetime.date(2026, 11, 1), datetime.date(2026, 10, 1)
    ]  # fmt: skip
