import datetime

from django.db.models import Exists, Max, Min, OuterRef, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.functional import SimpleLazyObject
from django.views.generic import DetailView, ListView, TemplateView

from core.views import (
    CacheableListView,
    ContentFragmentMixin,
    DeclaredQueryMixin,
    FilteredListView,
    PublishedMixin,
    newest,
)
from editorial.preview import granted_file, private_response
from uploads.media import file_response

from .forms import DocumentFilterForm
from .models import AgendaItem, Body, Document, Meeting, Membership, TimelineEvent
from .querysets import months_between

# What grows with the years is shown one year or month at a time; these lists stay short.
UPCOMING_LIMIT = 20
# A body's page lists its year's meetings too; the next few suffice above them.
BODY_UPCOMING_LIMIT = 5
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


def period_spellings(request, param: str) -> list[list[tuple[str, str]]]:
    """The query string of a page with a period: none, or the chosen period (chosen_period
    answers any other value with a 404)."""
    return [[(param, request.GET[param])]] if param in request.GET else [[]]


def month_option(moment) -> tuple[str, str] | None:
    """("2026-11", "November 2026") for a meeting's start, as the month select offers it."""
    if moment is None:
        return None
    day = timezone.localdate(moment)
    return f"{day:%Y-%m}", f"{MONTHS[day.month]} {day.year}"


class BodyListView(ListView):
    model = Body
    context_object_name = "bodies"


class BodyDetailView(ContentFragmentMixin, DeclaredQueryMixin, DetailView):
    """Current members, the next meetings, the meetings of one year and the newest documents:
    former members and older years are a link away, so the page costs the same every year."""

    model = Body
    context_object_name = "body"

    def query_spellings(self, context):
        return period_spellings(self.request, "jahr")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        body = self.object
        current = SimpleLazyObject(
            lambda: list(
                body.memberships.current()
                .select_related("municipality")
                .order_by("-start_date", "municipality__order", "person_name")
            )
        )
        meetings = Meeting.objects.published().filter(body=body).select_related("body")
        span = meetings.local_span()
        years = [f"{y}" for y in range(span[1].year, span[0].year - 1, -1)] if span else []
        year = chosen_period(self.request, "jahr", years, f"{timezone.localdate().year}")
        context.update(
            current_memberships=current,
            quotas=SimpleLazyObject(lambda: list(body.seat_quotas.select_related("municipality"))),
            former_count=SimpleLazyObject(
                lambda: body.memberships.filter(end_date__lt=timezone.localdate()).count()
            ),
            leaders=SimpleLazyObject(
                lambda: [m for m in current if m.role != Membership.Role.MEMBER]
            ),
            upcoming_meetings=SimpleLazyObject(
                lambda: newest(meetings.upcoming(), BODY_UPCOMING_LIMIT)
            ),
            years=years,
            year=year,
            year_meetings=meetings.in_year(int(year)).order_by("start") if year else (),
            documents=SimpleLazyObject(
                lambda: newest(
                    Document.objects.published().filter(body=body).order_by("-date", "title"),
                    NEWEST_DOCUMENTS,
                )
            ),
        )
        return context


class FormerMembersView(CacheableListView):
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


class MeetingListView(DeclaredQueryMixin, TemplateView):
    """The next meetings, then one month at a time (?monat=2026-11), past and future alike."""

    template_name = "governance/meeting_list.html"

    def query_spellings(self, context):
        return period_spellings(self.request, "monat")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meetings = Meeting.objects.published().select_related("body")
        context["upcoming"] = newest(meetings.upcoming(), UPCOMING_LIMIT)
        span = meetings.local_span()
        if span is None:
            return context
        months = [(f"{m:%Y-%m}", f"{MONTHS[m.month]} {m.year}") for m in months_between(*span)]
        # Without a choice, the month of the latest past meeting: the next ones are listed above.
        latest_past = meetings.past().values_list("start", flat=True).first()
        default = timezone.localdate(latest_past) if latest_past else timezone.localdate()
        month = chosen_period(self.request, "monat", [key for key, _ in months], f"{default:%Y-%m}")
        first = datetime.date.fromisoformat(f"{month}-01")
        this_month = meetings.in_month(first)
        # The neighbouring months that have meetings: one indexed row each.
        older = meetings.before_day(first).order_by("-start")
        newer = meetings.after_month(first).order_by("start")
        context.update(
            months=months,
            month=next(option for option in months if option[0] == month),
            older=month_option(older.values_list("start", flat=True).first()),
            newer=month_option(newer.values_list("start", flat=True).first()),
            month_meetings=this_month.order_by("start"),
        )
        return context


class MeetingDetailView(ContentFragmentMixin, PublishedMixin, DetailView):
    context_object_name = "meeting"

    def get_queryset(self):
        return self.visible(
            Meeting.objects.select_related("body").prefetch_related(
                Prefetch(
                    "agenda_items",
                    queryset=AgendaItem.objects.on_public_agenda()
                    .select_related("paper")  # the Vorlage each item links to
                    .in_agenda_order(),
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
        # EXISTS stops at a body's first document (index document_body_order), where a join
        # would pass every published document.
        bodies = Body.objects.filter(
            Exists(Document.objects.published().filter(body=OuterRef("pk")))
        )
        self.filter_form = DocumentFilterForm(
            self.request.GET or None, years=years, bodies=bodies.values_list("slug", "name")
        )
        return self.filter_form.filter(published.for_list())


class DocumentDetailView(ContentFragmentMixin, PublishedMixin, DetailView):
    context_object_name = "document"

    def get_queryset(self):
        return self.visible(Document.objects.for_list(self.request.user))


class DocumentDownloadView(PublishedMixin, DetailView):
    """Serves the PDF under a stable URL, whatever storage path the upload got."""

    def get_queryset(self):
        return self.visible(Document.objects.all())

    def get(self, request, *args, **kwargs):
        try:
            document = self.get_object()
        except Http404:
            # A draft's PDF on the page of its signed preview link (editorial.preview).
            granted = granted_file(request)
            if granted is None:
                raise
            response = file_response(
                request, granted, public=False, filename=f"{kwargs['slug']}.pdf"
            )
            return private_response(response)
        return file_response(
            request, document.file, public=document.is_live, filename=f"{document.slug}.pdf"
        )


class TimelineView(ListView):
    model = TimelineEvent
    context_object_name = "events"
    template_name = "governance/timeline.html"
