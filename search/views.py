from django.conf import settings
from django.core.paginator import Paginator
from django.views.generic import TemplateView

from core import ratelimit
from core.client import client_address
from projects.models import FieldOfAction

from .forms import MAX_QUERY_LENGTH, SearchForm
from .results import Search
from .sources import SOURCES, SOURCES_BY_KEY
from .stats import count_zero_hits
from .suggest import suggestion


class SearchView(TemplateView):
    """/suche/?q=…&typ=…&sortierung=…&page=…: always 200, whatever the visitor typed."""

    template_name = "search/search.html"
    paginate_by = 10

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None)
        form.is_valid()  # invalid fields are shown and ignored; see SearchForm
        # site_search_query: the header's search field keeps what was searched.
        context.update(
            form=form, query=form.query, site_search_query=form.query, max_length=MAX_QUERY_LENGTH
        )
        if not form.query:
            return context
        limit, window = settings.SEARCH_RATE_LIMIT
        if ratelimit.count("search", client_address(self.request), window=window) > limit:
            context["rate_limited"] = True
            return context
        search = Search(form.query, kind=form.kind, order=form.order)
        paginator = Paginator(search, self.paginate_by)
        page = paginator.get_page(self.request.GET.get("page"))
        params = self.request.GET.copy()
        params.pop("page", None)
        facets = params.copy()
        facets.pop("typ", None)
        context.update(
            paginator=paginator,
            page_obj=page,
            is_paginated=page.has_other_pages(),
            hits=page.object_list,
            filter_query=params.urlencode(),
            facet_query=facets.urlencode(),
            facets=[(source, search.counts[source.key]) for source in SOURCES],
            total=sum(search.counts.values()),
            kind=form.kind,
            kind_label=SOURCES_BY_KEY[form.kind].label if form.kind else "",
        )
        if not context["total"]:
            # Never a dead end: a corrected query, the fields of action, the contact.
            count_zero_hits(form.query)
            context.update(
                suggestion=suggestion(form.query),
                fields_of_action=FieldOfAction.objects.only("name", "slug"),
            )
        return context

    def render_to_response(self, context, **response_kwargs):
        if context.get("rate_limited"):
            response_kwargs["status"] = 429
        response = super().render_to_response(context, **response_kwargs)
        # Result pages are not for search engines: the meta tag says it too.
        response["X-Robots-Tag"] = "noindex"
        return response
