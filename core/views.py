"""View bases every app's views share."""

from django.views.generic import ListView


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


class FilteredListView(ListView):
    """A list with a GET filter form; get_queryset sets self.filter_form and applies it."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        # Pagination links keep the filter but not the old page number.
        query = self.request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        return context
