"""View bases every app's views share."""

from functools import cache

from django.db.models import prefetch_related_objects
from django.utils.http import urlencode
from django.views.generic import ListView

# The page cache (a layer above) stores an answer only for a request whose query string is one
# of those its view declared under this attribute; without a declaration, only no query string.
CACHE_QUERY_ATTRIBUTE = "cacheable_queries"


def declare_queries(response, *spellings: list[tuple[str, object]]) -> None:
    """Declares the query strings for which ``response`` is the whole answer: the valid values,
    each way our own links and forms spell them. Made-up parameters, invalid values and other
    spellings are answered but never stored, so they cannot fill the cache."""
    setattr(response, CACHE_QUERY_ATTRIBUTE, frozenset(urlencode(s) for s in spellings))


def newest(queryset, limit: int) -> tuple[list, bool]:
    """The first ``limit`` rows and whether there are more, in one query: lists that grow show
    their newest entries and link to the full, paginated list only when there is more."""
    rows = list(queryset[: limit + 1])
    return rows[:limit], len(rows) > limit


class PublishedMixin:
    """Visitors see published objects only; staff signed in with the second factor may preview
    drafts (core.staff)."""

    def visible(self, queryset):
        return queryset.visible_to(self.request.user)


class DeclaredQueryMixin:
    """A view that reads query parameters declares their valid spellings on its answer."""

    def query_spellings(self, context) -> list[list[tuple[str, object]]]:
        return [[]]

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        declare_queries(response, *self.query_spellings(context))
        return response


class ContentFragmentMixin:
    """A detail page whose head and content its template may keep per content version (the
    `content_fragment` tag of the layer above), under its path and query string when that query
    string is one the view declares: made-up parameters never fill the memory.

    The queryset's prefetches are what only those parts read: they run when a part is drawn,
    not for a kept one. Other context that only they read should be lazy for the same reason."""

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        lookups = queryset._prefetch_related_lookups  # Django keeps no public name for them
        obj = super().get_object(queryset.prefetch_related(None))
        # Once per request, whichever part is drawn first.
        self.content_prepare = cache(lambda: prefetch_related_objects([obj], *lookups))
        return obj

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["content_prepare"] = self.content_prepare
        query = self.request.META.get("QUERY_STRING", "")
        spellings = self.query_spellings(context) if hasattr(self, "query_spellings") else [[]]
        if query in {urlencode(spelling) for spelling in spellings}:
            context["content_fragment"] = f"{self.request.path}?{query}"
        return context


class CacheableListView(DeclaredQueryMixin, ListView):
    """A list whose pages (?page=2) are cached; filters add their spellings."""

    def filter_spellings(self) -> list[list[tuple[str, object]]]:
        return [[]]

    def query_spellings(self, context):
        page = context.get("page_obj")
        if page is None:
            pages = [[]]
        elif page.number > 1:
            pages = [[("page", page.number)]]
        else:
            pages = [[], [("page", 1)]]
        return [spelling + part for spelling in self.filter_spellings() for part in pages]


def _canonical(form, name: str) -> str:
    value = form.cleaned_data.get(name)
    if value in (None, ""):
        return ""
    to_field = getattr(form.fields[name], "to_field_name", None)
    return str(getattr(value, to_field or "pk") if hasattr(value, "_meta") else value)


def filter_description(form) -> str:
    """The filter a valid form applies, for the page title: "Handlungsfeld: Wohnen; Jahr: 2024"."""
    if not form.is_bound or not form.is_valid():
        return ""
    parts = []
    for field in form.visible_fields():
        value = form.cleaned_data.get(field.name)
        if value in (None, ""):
            continue
        if not hasattr(value, "_meta"):  # a model instance names itself; choices by their label
            value = dict(getattr(field.field, "choices", ())).get(value, value)
        parts.append(f"{field.label}: {value}")
    return "; ".join(parts)


class FilteredListView(CacheableListView):
    """A list with a GET filter form; get_queryset sets self.filter_form and applies it."""

    def filter_spellings(self):
        form = self.filter_form
        if not form.is_bound:
            return [[]]
        if not form.is_valid():
            return []  # answered with the form's errors, never stored
        # In the order a browser submits the form: visible fields, then hidden ones.
        names = [field.name for field in (*form.visible_fields(), *form.hidden_fields())]
        full = [(name, _canonical(form, name)) for name in names]
        # As our links spell a filter (set values only) and as the form submits it (every field).
        return [[(name, value) for name, value in full if value], full]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        # Titles name the filter, or say that it failed (WCAG 2.4.2).
        context["filter_description"] = filter_description(self.filter_form)
        # Pagination links keep the filter, in its short spelling, but not the old page number.
        spellings = self.filter_spellings()
        if spellings:
            context["filter_query"] = urlencode(spellings[0])
        else:
            query = self.request.GET.copy()
            query.pop("page", None)
            context["filter_query"] = query.urlencode()
        return context
