from django.db.models import Prefetch
from django.utils import timezone
from django.views.generic import DetailView, ListView, TemplateView

from core.media import file_response
from core.models import live_q
from core.views import FilteredListView, PublishedMixin

from .forms import DocumentFilterForm
from .models import AgendaItem, Body, Document, Meeting, Membership, SeatQuota, TimelineEvent


class BodyListView(ListView):
    model = Body
    context_object_name = "bodies"


class BodyDetailView(DetailView):
    context_object_name = "body"

    def get_queryset(self):
        memberships = Membership.objects.select_related("municipality").order_by(
            "-start_date", "municipality__order", "person_name"
        )
        return Body.objects.prefetch_related(
            Prefetch("memberships", queryset=memberships, to_attr="all_memberships"),
            Prefetch("seat_quotas", queryset=SeatQuota.objects.select_related("municipality")),
            Prefetch(
                "meetings",
                queryset=Meeting.objects.published().order_by("-start"),
                to_attr="published_meetings",
            ),
            Prefetch(
                "documents", queryset=Document.objects.published(), to_attr="published_documents"
            ),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        members = self.object.all_memberships
        context["current_memberships"] = [m for m in members if m.is_current()]
        context["leaders"] = [
            m for m in context["current_memberships"] if m.role != Membership.Role.MEMBER
        ]
        # Former means ended; members appointed for a later date are neither current nor former.
        today = timezone.localdate()
        context["former_memberships"] = [m for m in members if m.end_date and m.end_date < today]
        meetings = self.object.published_meetings
        context["upcoming_meetings"] = [m for m in reversed(meetings) if m.is_upcoming]
        context["past_meetings"] = [m for m in meetings if not m.is_upcoming]
        return context


class MeetingListView(TemplateView):
    template_name = "governance/meeting_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meetings = Meeting.objects.published().select_related("body")
        context["upcoming"] = meetings.upcoming()
        context["past"] = meetings.past()
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
        years = sorted({d.year for d in published.dates("date", "year")}, reverse=True)
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
