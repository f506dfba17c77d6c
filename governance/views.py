import datetime

from django.db.models import Count, Max, Min, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.views.generic import DetailView, ListView, TemplateView

from core.media import file_response
from core.models import live_q
from core.views import FilteredListView, PublishedMixin, newest

from .forms import DocumentFilterForm
from .models import AgendaItem, Body, Document, Meeting, Membership, SeatQuota, TimelineEvent

# What grows with the years is shown one year or month at a time; these lists stay short.
UPCOMING_LIMIT = 20
NEWEST_DOCUMENTS = 10


def chosen_period(request, param: str, options: list[str], current: str) -> str | None:
    """The period (a year "2026" or month "2026-11") the query parameter picks among ``options``
    (newest first). Without the parameter: the latest one up to ``current``, else the earliest.
    Any other value is a 404, so crawlers do not index endless empty periods."""
    value = request.GET.get(param)
    if value is not None:
        if value not in options:
            raise Http404("Für diesen Zeitraum sind keine Termine veröffentlicht.")
        return value
    return next(
        (option for option in options if option <= current), options[-1] if options else None
    )


def local_days(first: datetime.date, end: datetime.date) -> dict:
    """Meeting.start from one local day up to another: a range on the column, which an index
    serves, where start__year would convert every row's time zone."""
    start, stop = (
        timezone.make_aware(datetime.datetime.combine(d, datetime.time())) for d in (first, end)
    )
    return {"start__gte": start, "start__lt": stop}


def year_range(year: str) -> dict:
    return local_days(datetime.date(int(year), 1, 1), datetime.date(int(year) + 1, 1, 1))


class BodyListView(ListView):
    model = Body
    context_object_name = "bodies"


class BodyDetailView(DetailView):
    """Current members, the next meetings, the meetings of one year and the newest documents:
    former members and older years are a link away, so the page costs the same every year."""

    context_object_name = "body"

    def get_queryset(self):
        ended = Q(memberships__end_date__lt=timezone.localdate())
        return Body.objects.annotate(
            former_count=Count("memberships", filter=ended)
        ).prefetch_related(
            Prefetch("seat_quotas", queryset=SeatQuota.objects.select_related("municipality"))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        body = self.object
        current = list(
            body.memberships.current()
            .select_related("municipality")
            .order_by("-start_date", "municipality__order", "person_name")
        )
        meetings = Meeting.objects.published().filter(body=body).select_related("body")
        years = [f"{d.year}" for d in meetings.datetimes("start", "year", order="DESC")]
        year = chosen_period(self.request, "jahr", years, f"{timezone.localdate().year}")
        context.update(
            current_memberships=current,
            leaders=[m for m in current if m.role != Membership.Role.MEMBER],
            upcoming_meetings=newest(meetings.upcoming(), UPCOMING_LIMIT),
            years=years,
            year=year,
            year_meetings=meetings.filter(**year_range(year)).order_by("start") if year else (),
            documents=newest(
                Document.objects.published().filter(body=body).order_by("-date", "title"),
                NEWEST_DOCUMENTS,
            ),
        )
        return context


class FormerMembersView(ListView):
    """The body's former members, most recently ended first: the archive of its detail page."""

    context_object_name = "memberships"
    template_name = "governance/body_former_members.html"
    paginate_by = 50

    def get_queryset(self):
        self.body = get_object_or_404(Body, slug=self.kwargs["slug"])
        return (
            self.body.memberships.former()
            .select_related("municipality")
            .order_by("-end_date", "person_name", "pk")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(body=self.body, **kwargs)


class MeetingListView(TemplateView):
    """The next meetings, then one month at a time (?monat=2026-11), past and future alike."""

    template_name = "governance/meeting_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meetings = Meeting.objects.published().select_related("body")
        months = [
            (f"{d:%Y-%m}", date_format(d, "F Y"))
            for d in meetings.datetimes("start", "month", order="DESC")
        ]
        keys = [key for key, _ in months]
        today = timezone.localdate()
        # Without a choice, the month of the latest past meeting: the next ones are listed above.
        latest_past = meetings.past().values_list("start", flat=True).first()
        default = f"{timezone.localtime(latest_past):%Y-%m}" if latest_past else f"{today:%Y-%m}"
        month = chosen_period(self.request, "monat", keys, default)
        context.update(upcoming=newest(meetings.upcoming(), UPCOMING_LIMIT), months=months)
        if month:
            index = keys.index(month)
            first = datetime.date.fromisoformat(f"{month}-01")
            following = (first + datetime.timedelta(days=31)).replace(day=1)
            context.update(
                month=months[index],
                newer=months[index - 1] if index > 0 else None,
                older=months[index + 1] if index + 1 < len(months) else None,
                month_meetings=meetings.filter(**local_days(first, following)).order_by("start"),
            )
        return context


class MeetingDetailView(PublishedMixin, DetailView):
    context_object_name = "meeting"

    def get_queryset(self):
        return self.visible(
            Meeting.objects.select_related("body").prefetch_related(
                Prefetch(
                    "agenda_items",
                    queryset=AgendaItem.objects.filter(is_public=True)
                    .select_related("paper")  # the Vorlage each item links to
                    .order_by("order", "number_sort_key"),
                    to_attr="public_agenda_items",
                ),
                Prefetch(
                    "documents",
                    queryset=Document.objects.published(),
                    to_attr="published_documents",
                ),
            )
        )


class DocumentListView(FilteredListView):
    context_object_name = "documents"
    paginate_by = 30

    def get_queryset(self):
        published = Document.objects.published()
        # From the first document's year to the latest: two aggregates, where the distinct years
        # would truncate every row's date (a Python function per row on SQLite).
        span = published.aggregate(first=Min("date"), last=Max("date"))
        years = range(span["last"].year, span["first"].year - 1, -1) if span["last"] else ()
        bodies = Body.objects.filter(live_q("documents__")).distinct()
        self.filter_form = DocumentFilterForm(
            self.request.GET or None, years=years, bodies=bodies.values_list("slug", "name")
        )
        return self.filter_form.filter(published.for_list())


class DocumentDetailView(PublishedMixin, DetailView):
    context_object_name = "document"

    def get_queryset(self):
        return self.visible(Document.objects.for_list(self.request.user))


class DocumentDownloadView(PublishedMixin, DetailView):
    """Serves the PDF under a stable URL, whatever storage path the upload got."""

    def get_queryset(self):
        return self.visible(Document.objects.all())

    def get(self, request, *args, **kwargs):
        document = self.get_object()
        return file_response(
            request, document.file, public=document.is_live, filename=f"{document.slug}.pdf"
        )


class TimelineView(ListView):
    model = TimelineEvent
    context_object_name = "events"
    template_name = "governance/timeline.html"
