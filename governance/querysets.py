"""What visitors may see of meetings and their agendas, and the meetings of a period: one
definition for the public views, the calendar and OParl alike (docs/architecture.md)."""

import datetime

from django.db import models
from django.db.models import Max, Min, Q
from django.utils import timezone

from core.models import PublishedQuerySet, live_q


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _next_month(first: datetime.date) -> datetime.date:
    return (first + datetime.timedelta(days=31)).replace(day=1)


def months_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """The first days of the months from ``last`` back to ``first``."""
    months, month = [], last.replace(day=1)
    while month >= first.replace(day=1):
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return months


class MeetingQuerySet(PublishedQuerySet):
    def upcoming(self):
        return self.filter(start__gte=timezone.now()).order_by("start")

    def past(self):
        return self.filter(start__lt=timezone.now()).order_by("-start")

    def concerning(self, municipality):
        """Meetings of the bodies the town holds seats or members in (a subquery, so no
        duplicates and no DISTINCT)."""
        bodies = self.model._meta.get_field("body").related_model.objects.filter(
            Q(seat_quotas__municipality=municipality) | Q(memberships__municipality=municipality)
        )
        return self.filter(body__in=bodies.values("pk"))

    def before_day(self, day: datetime.date):
        """Meetings that start before the local day: a range on the column, which an index
        serves, where start__year would convert every row's time zone."""
        return self.filter(start__lt=_midnight(day))

    def from_day(self, day: datetime.date):
        return self.filter(start__gte=_midnight(day))

    def in_days(self, first: datetime.date, end: datetime.date):
        """Meetings that start from one local day up to (not including) another."""
        return self.from_day(first).before_day(end)

    def in_year(self, year: int):
        return self.in_days(datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1))

    def in_month(self, first: datetime.date):
        """The meetings of the month that begins on the local day ``first``."""
        return self.in_days(first, _next_month(first))

    def after_month(self, first: datetime.date):
        return self.from_day(_next_month(first))

    def local_months(self) -> list[datetime.date]:
        """The first local days of the months that have meetings, newest first. It truncates
        every row's time (a Python function per row on SQLite), which a body's few meetings a
        year keep cheap; the month view offers no empty months for it."""
        starts = self.datetimes(
            "start", "month", order="DESC", tzinfo=timezone.get_current_timezone()
        )
        return [start.date() for start in starts]

    def local_span(self) -> tuple[datetime.date, datetime.date] | None:
        """The local days of the first and the last meeting, or None without meetings.

        Periods are offered from the first to the last: two aggregates, where listing the
        months with meetings would truncate every row's time (a Python function per row on
        SQLite).
        """
        span = self.aggregate(first=Min("start"), last=Max("start"))
        if span["first"] is None:
            return None
        return timezone.localdate(span["first"]), timezone.localdate(span["last"])


def public_agenda_item_q(now=None, prefix: str = "") -> Q:
    """An agenda item visitors may see: on the public part of the agenda of a published
    meeting. A privacy rule: the items of the closed session never leave the admin."""
    return Q(**{f"{prefix}is_public": True}) & live_q(f"{prefix}meeting__", now)


class AgendaItemQuerySet(models.QuerySet):
    def on_public_agenda(self):
        """Items of the public part of the agenda, for a meeting the caller has found visible
        (prefetched from it): the privacy rule above without the meeting's schedule."""
        return self.filter(is_public=True)

    def visible(self, now=None):
        """Items visitors may see, with their meeting's visibility (public_agenda_item_q)."""
        return self.filter(public_agenda_item_q(now))

    def in_agenda_order(self):
        return self.order_by("order", "number_sort_key")
