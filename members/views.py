from functools import wraps

from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView

from core.interfaces import interface
from core.siteurl import absolute_url
from core.views import ContentFragmentMixin

from .badge import badge_png, badge_width
from .models import Municipality, embed_origin_lines


def current_slug(former: str) -> str | None:
    """The present slug of the town that once had this one (django-simple-history keeps them)."""
    records = Municipality.history.filter(slug=former).order_by("-history_date")
    pk = records.values_list("id", flat=True).first()
    if pk is None:
        return None
    slug = Municipality.objects.filter(pk=pk).values_list("slug", flat=True).first()
    return slug if slug != former else None


def follow_renamed(view):
    """Member addresses stay valid forever: a former slug answers 301 to the same page under the
    present one (towns link to us from their websites). Costs queries only when no town has it."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            slug = current_slug(kwargs["slug"])
            if slug is None:
                raise
            match = request.resolver_match
            url = reverse(match.view_name, args=match.args, kwargs={**kwargs, "slug": slug})
            query = request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)

    return wrapped


# A town's name rarely changes; with its ETag a browser asks cheaply after this.
BADGE_MAX_AGE = 24 * 3600
# Entries of each kind in the widget's compact variant, which fits about 340 pixels of height.
COMPACT_ITEMS = 3


class MunicipalityListView(ListView):
    model = Municipality
    context_object_name = "municipalities"


class MunicipalityDetailView(ContentFragmentMixin, DetailView):
    # Projects and working groups of the town come from the projects app's inclusion tags,
    # so this app does not depend on the apps built on top of it.
    queryset = Municipality.objects.with_public_contacts()
    context_object_name = "municipality"


class EmbedSnippetsView(DetailView):
    """Copy-ready code for the town's website: the badge and the widget."""

    model = Municipality
    context_object_name = "municipality"
    template_name = "members/embed_snippets.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        town = self.object
        absolute = absolute_url  # towns paste these: the configured address, not the request's
        context.update(
            page_url=absolute(town.get_absolute_url()),
            badge_url=absolute(reverse("members:badge", kwargs={"slug": town.slug})),
            badge_width=badge_width(town.name),
            widget_url=absolute(reverse("members:widget", kwargs={"slug": town.slug})),
            widget_compact_url=absolute(
                reverse("members:widget_compact", kwargs={"slug": town.slug})
            ),
            embed_origins=embed_origin_lines(town.embed_origins),
        )
        return context


@interface(max_age=BADGE_MAX_AGE)
def badge(request, slug: str):
    town = get_object_or_404(Municipality.objects.only("name"), slug=slug)
    response = HttpResponse(badge_png(town.name), content_type="image/png")
    # Loaded by other sites' pages: nothing in it may vary per visitor.
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@xframe_options_exempt  # frame-ancestors below decides who may frame it
@require_safe
def widget(request, slug: str, compact: bool = False):
    """The town's current projects and next meetings, for an iframe on the town's own website;
    ``compact``: fewer of each, for little height.

    Rendered without the request: no context processor, session, CSRF token or consent banner
    can add a cookie or a query. Only the origins the editors entered may frame it.
    """
    town = get_object_or_404(Municipality, slug=slug)
    context = {
        "municipality": town,
        "compact": compact,
        "compact_items": f":{COMPACT_ITEMS}" if compact else ":",
    }
    html = render_to_string("members/widget.html", context)
    response = HttpResponse(html)
    response._csp_replace = {"frame-ancestors": town.frame_ancestors}
    response["X-Robots-Tag"] = "noindex"
    return response
