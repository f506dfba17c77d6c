"""A town's own calendar and Atom feed (/kommunen/<slug>/kalender.ics and …/atom.xml): what
concerns the town, for its website's CMS to show natively.

Meetings of the bodies the town holds seats or members in; in the feed also the projects and
news that name the town. Lives here, above members, governance, projects and pages.
"""

from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property

from core.feeds import AtomFeed
from governance.calendar import CalendarView
from governance.feeds import MeetingFeed
from governance.models import Meeting
from members.models import Municipality
from pages.feeds import NewsFeed
from pages.models import NewsArticle
from projects.feeds import ProjectFeed
from projects.models import Project


class TownCalendarView(CalendarView):
    def meetings(self):
        self.town = get_object_or_404(
            Municipality.objects.only("pk", "name", "slug"), slug=self.kwargs["slug"]
        )
        return super().meetings().concerning(self.town)

    def get_name(self) -> str:
        return f"Termine für {self.town.name}"

    def get_uid(self) -> str:
        return f"termine-municipality-{self.town.pk}"

    def get_filename(self) -> str:
        return f"termine-{self.town.slug}.ics"


class TownFeed(AtomFeed):
    """Meetings, projects and news of one town, the latest changed first; each entry reads as in
    the site's feed of its kind (same title, summary and id)."""

    subtitle = (
        "Sitzungen, Projekte und Meldungen der Stadtregion Münster, die diese Kommune betreffen."
    )

    @cached_property
    def _kinds(self) -> dict:
        return {Meeting: MeetingFeed(), Project: ProjectFeed(), NewsArticle: NewsFeed()}

    def get_object(self, request, slug):
        return get_object_or_404(Municipality.objects.only("pk", "name", "slug"), slug=slug)

    def title(self, town) -> str:
        return f"{town.name} – {self.author_name()}"

    def link(self, town) -> str:
        return town.get_absolute_url()

    def items(self, town):
        meetings = Meeting.objects.published().concerning(town).select_related("body")
        projects = Project.objects.published().filter(municipalities=town)
        projects = projects.select_related("field_of_action")
        news = NewsArticle.objects.published().filter(municipalities=town)
        entries = [
            entry
            for queryset in (meetings, projects, news)
            for entry in queryset.order_by("-updated_at", "pk")[: self.limit]
        ]
        entries.sort(key=lambda entry: entry.updated_at, reverse=True)
        return entries[: self.limit]

    def _feed(self, item):
        return self._kinds[type(item)]

    def item_title(self, item) -> str:
        return self._feed(item).item_title(item)

    def item_summary(self, item) -> str:
        return self._feed(item).item_summary(item)

    def item_pubdate(self, item):
        return self._feed(item).item_pubdate(item)
